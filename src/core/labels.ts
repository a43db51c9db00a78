/**
 * Pre-filled request links for labels, pure. Forms builds one pre-filled link (Form.createResponse …
 * toPrefilledUrl) from a real location and asset choice; its `entry.<id>` parameters say which
 * parameter answers which question, and every label's link is that form's address with its own
 * answers, encoded as Forms encodes them. Costs a handful of Forms calls whatever the number of labels.
 */
import { assetChoice, type Asset } from './assets';

/** One printable label: what it names and the link its QR code encodes (src/shared/labels.ts sends it). */
export interface Label {
  kind: 'asset' | 'location';
  /** Asset ID, or the location's name. */
  code: string;
  title: string;
  /** The asset's id, location and category; for a location, what scanning does. */
  subtitle: string;
  /** The request form with the location (and asset) already answered. */
  url: string;
}

export interface PrefillTemplate {
  /** The form's viewform address, without its query. */
  base: string;
  locationEntry: string | null;
  assetEntry: string | null;
}

function decode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** Which `entry.<id>` of a pre-filled link carries which sample answer. */
export function prefillTemplate(
  url: string,
  sample: { location: string; asset: string | null },
): PrefillTemplate {
  const [base = '', query = ''] = url.split('?');
  let locationEntry: string | null = null;
  let assetEntry: string | null = null;
  for (const pair of query.split('&')) {
    const cut = pair.indexOf('=');
    if (cut < 0) continue;
    const key = pair.slice(0, cut);
    if (!/^entry\.\d+$/.test(key)) continue;
    const value = decode(pair.slice(cut + 1));
    if (value === sample.location && locationEntry === null) locationEntry = key;
    else if (sample.asset !== null && value === sample.asset) assetEntry = key;
  }
  return { base, locationEntry, assetEntry };
}

export function prefilledUrl(
  template: PrefillTemplate,
  location: string,
  assetAnswer: string | null,
): string {
  const params = ['usp=pp_url'];
  if (template.locationEntry && location !== '')
    params.push(`${template.locationEntry}=${encodeURIComponent(location)}`);
  if (template.assetEntry && assetAnswer !== null)
    params.push(`${template.assetEntry}=${encodeURIComponent(assetAnswer)}`);
  return `${template.base}?${params.join('&')}`;
}

/** One label per active asset, then one per location, in the order of their tabs. */
export function buildLabels(
  template: PrefillTemplate,
  assets: readonly Asset[],
  locations: readonly string[],
): Label[] {
  const forAssets = assets
    .filter((a) => a.active)
    .map((a): Label => ({
      kind: 'asset',
      code: a.id,
      title: a.name,
      subtitle: [a.id, a.location, a.category].filter((p) => p !== '').join(' · '),
      url: prefilledUrl(template, a.location, assetChoice(a)),
    }));
  const forLocations = locations.map((location): Label => ({
    kind: 'location',
    code: location,
    title: location,
    subtitle: 'Scan to ask for maintenance here',
    url: prefilledUrl(template, location, null),
  }));
  return [...forAssets, ...forLocations];
}
