/**
 * The Assets tab: `Asset ID | Name | Location | Category | Criticality | Active`, found by header.
 * An asset is a piece of equipment or a place work is done on; requests name it (the intake form's
 * asset question, a label's pre-filled link) and every work order records its id (register "Asset").
 *
 * A row still being typed (no id, name or location yet) is ignored, not refused; a complete row with a bad
 * value is refused with a problem naming the row, the column and what is accepted.
 */
import { cellText, mapHeaders } from './headers';
import { asCellText } from './sanitize';
import {
  CATALOG_ID_PATTERN,
  activeCell,
  badIdProblem,
  listedTwice,
  matchListed,
  missingColumnsProblem,
  notOnSettingsList,
  settingsListed,
  type RowProblem,
} from './catalog-rows';

export const ASSET_COLUMNS = {
  id: 'Asset ID',
  name: 'Name',
  location: 'Location',
  category: 'Category',
  criticality: 'Criticality',
  active: 'Active',
} as const;
export type AssetColumn = keyof typeof ASSET_COLUMNS;
export const ASSET_HEADER_ROW: readonly string[] = Object.values(ASSET_COLUMNS);

export const CRITICALITIES = ['High', 'Medium', 'Low'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export interface Asset {
  id: string;
  name: string;
  location: string;
  category: string;
  /** '' when not given. */
  criticality: Criticality | '';
  active: boolean;
}

/** An asset id is a catalog id (./catalog-rows). */
export const ASSET_ID_PATTERN = CATALOG_ID_PATTERN;

export const ASSETS_ACCEPTED =
  'Accepted: Asset ID 1 to 40 letters, digits, - _ . or / (each id once), Name 1 to 200 characters, ' +
  'Location one of the Settings locations, Category empty or one of the Settings categories, ' +
  `Criticality empty or one of ${CRITICALITIES.join(', ')}, Active TRUE or FALSE (empty counts as TRUE).`;

/** The lists an asset row is checked against (from Settings). */
export interface AssetContext {
  locations: readonly string[];
  categories: readonly string[];
}

export interface ParsedAssets {
  assets: Asset[];
  problems: RowProblem[];
  /** Rows ignored because they are still being typed (no id, name or location yet). */
  incomplete: number[];
  /** Why each refused row's Asset ID is not an asset (lower-cased id → its problem). */
  refused: Map<string, string>;
}

function assetRow(
  pick: (key: AssetColumn) => string,
  rawActive: unknown,
  context: AssetContext,
): { asset: Asset } | { errors: string[] } {
  const errors: string[] = [];
  const id = pick('id');
  const badId = badIdProblem('Asset ID', id);
  if (badId !== null) errors.push(badId);
  const name = pick('name');
  if (name.length > 200) errors.push('Name is longer than 200 characters');
  const typedLocation = pick('location');
  let location = typedLocation;
  if (context.locations.length > 0) {
    const known = matchListed(typedLocation, context.locations);
    if (known === undefined)
      errors.push(typedLocation === '' ? 'Location is empty' : notOnSettingsList('Location', typedLocation));
    else location = known;
  }
  const typedCategory = pick('category');
  const category =
    typedCategory === '' ? '' : settingsListed('Category', typedCategory, context.categories, errors);
  const typedCriticality = pick('criticality');
  const criticality =
    typedCriticality === '' ? '' : (matchListed(typedCriticality, CRITICALITIES) as Criticality | undefined);
  if (criticality === undefined)
    errors.push(`Criticality "${typedCriticality.slice(0, 60)}" is not one of ${CRITICALITIES.join(', ')}`);
  const active = activeCell(rawActive);
  if (active === undefined) errors.push('Active is not TRUE or FALSE');
  if (errors.length > 0 || category === undefined || criticality === undefined || active === undefined)
    return { errors };
  return { asset: { id, name, location, category, criticality, active } };
}

/** Every asset of the tab's rows (row 1 the header), with a problem per refused row. */
export function parseAssets(values: readonly (readonly unknown[])[], context: AssetContext): ParsedAssets {
  const out: ParsedAssets = { assets: [], problems: [], incomplete: [], refused: new Map() };
  const header = values[0];
  if (!header) return out;
  const layout = mapHeaders(header, ASSET_COLUMNS);
  if (layout.indexOf.id < 0 || layout.indexOf.name < 0) {
    out.problems.push(
      missingColumnsProblem(
        'Assets',
        layout.missing.map((k) => ASSET_COLUMNS[k]),
      ),
    );
    return out;
  }
  const seen = new Set<string>();
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const raw = (key: AssetColumn): unknown => (layout.indexOf[key] < 0 ? '' : cells[layout.indexOf[key]]);
    const pick = (key: AssetColumn): string => cellText(raw(key)).trim();
    // Being typed: nothing refused until the id, the name and (with a Settings list) the location are in.
    if (
      pick('id') === '' ||
      pick('name') === '' ||
      (context.locations.length > 0 && pick('location') === '')
    ) {
      if (Object.keys(ASSET_COLUMNS).some((k) => pick(k as AssetColumn) !== '')) out.incomplete.push(row);
      return;
    }
    const result = assetRow(pick, raw('active'), context);
    if ('errors' in result) {
      const message = `Assets row ${row} is ignored: ${result.errors.join('; ')}`;
      out.problems.push({ row, message });
      if (!out.refused.has(pick('id').toLowerCase())) out.refused.set(pick('id').toLowerCase(), message);
      return;
    }
    const twice = listedTwice('Assets', 'Asset ID', seen, result.asset.id, row);
    if (twice) out.problems.push(twice);
    else out.assets.push(result.asset);
  });
  return out;
}

export function activeAssets(assets: readonly Asset[]): Asset[] {
  return assets.filter((a) => a.active);
}

export function findAsset(assets: readonly Asset[], id: string): Asset | undefined {
  const wanted = id.trim().toLowerCase();
  return wanted === '' ? undefined : assets.find((a) => a.id.toLowerCase() === wanted);
}

/**
 * The intake form's choice for an asset: "PUMP-01 — Boiler feed pump (Plant room)". The id comes
 * first, so the answer is read back by `assetIdOfAnswer` without reading the Assets tab.
 */
export const ASSET_CHOICE_SEPARATOR = ' — ';

export function assetChoice(asset: Asset): string {
  const where = asset.location === '' ? '' : ` (${asset.location})`;
  return `${asset.id}${ASSET_CHOICE_SEPARATOR}${asset.name}${where}`;
}

/** The asset id an answer names ("PUMP-01 — …" or a bare id), or null when it names none. */
export function assetIdOfAnswer(answer: string): string | null {
  const text = answer.trim();
  if (text === '') return null;
  const cut = text.indexOf(ASSET_CHOICE_SEPARATOR.trim());
  const id = (cut < 0 ? text : text.slice(0, cut)).trim();
  return ASSET_ID_PATTERN.test(id) ? id : null;
}

/**
 * The location an asset choice names ("PUMP-01 — Boiler feed pump (Main Building)": Main Building), as
 * the form's choice was written from the Assets tab; null when the answer ends in none of `locations`
 * (a bare id, an asset with no location). Matched against the known locations, so a name or location
 * holding parentheses of its own is read right.
 */
export function assetLocationOfAnswer(answer: string, locations: readonly string[]): string | null {
  const text = answer.trim().toLowerCase();
  const found = locations
    .filter((l) => l.trim() !== '' && text.endsWith(` (${l.trim().toLowerCase()})`))
    .sort((a, b) => b.length - a.length);
  return found[0] ?? null;
}

/** The Assets tab as setup writes it (header plus the given assets). */
export function assetSheetRows(assets: readonly Asset[]): unknown[][] {
  return [
    [...ASSET_HEADER_ROW],
    ...assets.map((a) => [
      asCellText(a.id).cell,
      asCellText(a.name).cell,
      asCellText(a.location).cell,
      asCellText(a.category).cell,
      a.criticality,
      a.active,
    ]),
  ];
}
