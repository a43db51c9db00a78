import { STATUSES, type StaffMember } from '../../../core/model';
import type { Settings } from '../../../core/settings';
import { activeTechnicians } from '../../../core/staff';
import type { RegisterLayout } from '../../../core/columns';
import type { Sheet } from '../../adapters/apps-script-types';
import { applyColumnLists, rowsBelowHeader, type ColumnList } from '../../adapters/column-rules';

/**
 * Drop-downs on the register's Status, Priority, Category and Assignee columns, rebuilt from Settings
 * and Staff on every setup. One rule per column range: no per-cell work.
 *
 * Only Status is strict (Sheets refuses anything else, and so do script writes): its list never changes.
 * The other lists change with Settings and Staff, and a work order keeps the category or the technician
 * it had when they are retired; a strict rule would then make every later write of that row throw. They
 * warn instead, and the edit trigger enforces the current lists on edits.
 */
export function applyRegisterValidation(
  sheet: Sheet,
  layout: RegisterLayout,
  settings: Settings,
  staff: readonly StaffMember[],
): void {
  const rows = rowsBelowHeader(sheet);
  const lists: ColumnList[] = [
    [
      layout.indexOf.status,
      STATUSES,
      'Pick a status; the lifecycle rules on the Procedure tab say which may follow which.',
      true,
    ],
    [
      layout.indexOf.priority,
      settings.priorities.map((p) => p.name),
      'Priorities and their SLA targets are on the Settings tab.',
      false,
    ],
    [layout.indexOf.category, settings.categories, 'Categories are listed on the Settings tab.', false],
    [
      layout.indexOf.assignee,
      activeTechnicians(staff).map((t) => t.email),
      'Active technicians from the Staff tab.',
      false,
    ],
  ];
  applyColumnLists(sheet, rows, lists);
}
