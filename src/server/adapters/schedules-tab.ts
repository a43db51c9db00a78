/**
 * The Schedules tab's cells the hourly job writes back for the administrator (Next Due, Last Created),
 * and setup's column formats on it. The tab itself is read whole by features/schedules/schedules-tab.ts.
 */
import { SHEET_NAMES } from '../../core/model';
import { localSheet } from './workbook';
import type { Spreadsheet } from './apps-script-types';

/**
 * One column's cells from sheet row `top` down, in one write (`column` 0-based). The sheet is reached
 * through the local accessor: the caller has just read the tab, so it is there, and no call is spent
 * finding it again.
 */
export function writeScheduleColumnRun(
  ss: Spreadsheet,
  column: number,
  top: number,
  cells: readonly unknown[],
): void {
  if (cells.length === 0) return;
  localSheet(ss, SHEET_NAMES.schedules)
    .getRange(top, column + 1, cells.length, 1)
    .setValues(cells.map((v) => [v ?? '']));
}
