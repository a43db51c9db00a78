/**
 * What the completion check needs from an order's checklist: its required items not ticked yet, read
 * from the Checklist Items tab (or, for an order approved before its category had a checklist, from
 * the category's items as they stand). Read only when someone actually tries to complete an order.
 */
import { untickedRequired, type OrderChecklistItem } from '../../../core/checklist-items';
import { itemsForCategory, type ChecklistDefinition } from '../../../core/checklists';
import type { WorkOrder } from '../../../core/model';
import { documentKey } from '../../adapters/addon-secret';
import type { ReferenceData } from '../../adapters/reference-data';
import { allChecklistCopies, checklistCopiesOf, checklistDefinitions } from './tabs';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Orders looked up one by one (from the tab's end) before the loader reads the whole tab once instead. */
const ONE_BY_ONE = 3;

/**
 * A reader of orders' required items left. The first few orders are each looked up from the Checklist
 * Items tab's end (adapters/order-rows.ts: what it reads grows with the checklists copied since the
 * order's approval, not with the tab); past those (the edit trigger may judge a paste of many rows) the
 * tab is read whole, once, however many orders follow.
 */
export function untickedLoader(
  ss: Spreadsheet,
  reference: ReferenceData,
): (order: WorkOrder) => readonly string[] {
  let whole: Map<string, OrderChecklistItem[]> | null = null;
  const looked = new Map<string, OrderChecklistItem[] | undefined>();
  let definitions: ChecklistDefinition[] | null = null;
  let key: ReturnType<typeof documentKey> | undefined;
  const sealKey = () => (key === undefined ? (key = documentKey()) : key);
  const copyOf = (id: string): OrderChecklistItem[] | undefined => {
    if (whole) return whole.get(id);
    if (looked.has(id)) return looked.get(id);
    if (looked.size >= ONE_BY_ONE) {
      whole = allChecklistCopies(ss, sealKey());
      return whole.get(id);
    }
    const copy = checklistCopiesOf(ss, [id], sealKey()).get(id);
    looked.set(id, copy);
    return copy;
  };
  return (order) => {
    const copied = copyOf(order.id);
    if (copied && copied.length > 0) return untickedRequired(copied);
    definitions ??= checklistDefinitions(ss, reference.settings.categories);
    return itemsForCategory(definitions, order.category)
      .filter((i) => i.required)
      .map((i) => i.item);
  };
}

export function untickedFor(ss: Spreadsheet, reference: ReferenceData, order: WorkOrder): readonly string[] {
  return untickedLoader(ss, reference)(order);
}
