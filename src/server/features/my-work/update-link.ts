/**
 * Each order's link to the update form, pre-filled with its request id: the link setup stored with a
 * placeholder (setup/update-form.ts), the placeholder replaced. One property read for any number of
 * orders; no link until setup has made the form.
 */
import type { WorkOrder } from '../../../core/model';
import { linkFromTemplate } from '../../../core/update-link';
import { PROPERTY_KEYS, getProperty } from '../../adapters/document-properties';

export { PREFILL_PLACEHOLDER, linkFromTemplate } from '../../../core/update-link';

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
