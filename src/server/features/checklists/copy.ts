/**
 * The category's checklist copied onto a work order when it is approved (its category is set then):
 * from the Checklists tab as last accepted, one sealed row per item on the Checklist Items tab, and a
 * change-log line saying what was copied. The copy is what the order is held to from then on.
 */
import type { UnhashedEntry } from '../../../core/audit';
import { CHECKLIST_ITEMS_HEADER_ROW, CHECKLIST_ITEMS_SHEET, copyRows } from '../../../core/checklist-items';
import { itemsForCategory } from '../../../core/checklists';
import type { ChangeSource, WorkOrder } from '../../../core/model';
import { documentKey } from '../../adapters/addon-secret';
import { appendTabRows } from '../../adapters/record-tabs';
import { checklistDefinitions, markChecklistsInUse, noteNoChecklistCopy } from './tabs';

import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface ChecklistCopy {
  /** The change-log line, to go with the approval's own rows. */
  entries: UnhashedEntry[];
  /** Appends the rows: call after the log rows are written, before they are committed. */
  write(): void;
}

/** Null when the step did not approve the order or its category has no checklist. */
export function planChecklistCopy(
  ss: Spreadsheet,
  categories: readonly string[],
  before: WorkOrder,
  after: WorkOrder,
  user: string,
  source: ChangeSource,
  now: Date,
): ChecklistCopy | null {
  if (before.status !== 'Submitted' || after.status === 'Submitted' || after.status === 'Rejected')
    return null;
  const items = itemsForCategory(checklistDefinitions(ss, categories), after.category);
  const key = documentKey();
  if (items.length === 0 || !key) {
    // Approved with none: a later lookup of its checklist need not read the tab.
    noteNoChecklistCopy(after.id);
    return null;
  }
  const required = items.filter((i) => i.required).length;
  return {
    entries: [
      {
        at: now,
        user,
        source,
        recordId: after.id,
        field: 'Checklist',
        oldValue: '',
        newValue: `${items.length} item(s) of ${after.category} copied (${required} required): ${items
          .map((i) => i.item)
          .join('; ')}`,
      },
    ],
    write: () => {
      markChecklistsInUse([after.id]);
      appendTabRows(ss, CHECKLIST_ITEMS_SHEET, CHECKLIST_ITEMS_HEADER_ROW, copyRows(key, after.id, items));
    },
  };
}
