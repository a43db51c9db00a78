/**
 * Each order's link to the update form, pre-filled with its request id: the link setup stored with a
 * placeholder (setup/update-form.ts), the placeholder replaced. One property read for any number of
 * orders; no link until setup has made the form.
 */
import type { WorkOrder } from '../../../core/model';
import { PROPERTY_KEYS, getProperty } from '../../adapters/document-properties';

/** Letters only, so that URL-encoding leaves it as it is. */
export const PREFILL_PLACEHOLDER = 'WORKORDERPLACEHOLDER';

export function linkFromTemplate(template: string | null, id: string): string {
  if (!template || !template.includes(PREFILL_PLACEHOLDER)) return '';
  return template.replace(PREFILL_PLACEHOLDER, encodeURIComponent(id));
}

/**
 * The link maker. With `properties` (every document property, as already read with the review queue)
 * the template comes from them, saving a property read.
 */
export function updateLinkFor(properties?: Readonly<Record<string, string>>): (order: WorkOrder) => string {
  let template: string | null;
  try {
    template = properties
      ? (properties[PROPERTY_KEYS.updateFormPrefill] ?? null)
      : getProperty(PROPERTY_KEYS.updateFormPrefill);
  } catch {
    template = null; // No document (cannot happen from a sidebar): no link.
  }
  return (order) => linkFromTemplate(template, order.id);
}
