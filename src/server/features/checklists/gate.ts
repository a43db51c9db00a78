/**
 * What the completion check needs from an order's checklist: its required items not ticked yet, read
 * from the Checklist Items tab (or, for an order approved before its category had a checklist, from
 * the category's items as they stand). Read only when someone actually tries to complete an order.
 */
import {
  parseChecklistItems,
  untickedRequired,
  type OrderChecklistItem,
} from '../../../core/checklist-items';
import { itemsForCategory, type ChecklistDefinition } from '../../../core/checklists';
import type { WorkOrder } from '../../../core/model';
import { documentKey } from '../../adapters/addon-secret';
import type { ReferenceData } from '../../adapters/reference-data';
import { checklistCopyGrid, checklistDefinitions } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A reader of orders' required items left, reading each tab at most once however many orders it is
 * asked about (the edit trigger may judge a paste of many rows).
 */
export function untickedLoader(
  ss: Spreadsheet,
  reference: ReferenceData,
): (order: WorkOrder) => readonly string[] {
  let copies: Map<string, OrderChecklistItem[]> | null = null;
  let definitions: ChecklistDefinition[] | null = null;
  return (order) => {
    copies ??= parseChecklistItems(checklistCopyGrid(ss), documentKey());
    const copied = copies.get(order.id);
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
