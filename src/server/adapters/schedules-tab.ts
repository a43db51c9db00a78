/**
 * The Schedules tab's cells the hourly job writes back for the administrator (Next Due, Last Created),
 * and setup's column formats on it. The tab itself is read whole by features/schedules/schedules-tab.ts.
 */
import { SHEET_NAMES } from '../../core/model';
import { columnLetter } from '../../core/a1';
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

/**
 * The tab's columns `first` to `last` (0-based), header row included, down to the grid's last row:
 * one read, however rows were inserted or sorted since the caller read the tab.
 */
export function readScheduleColumns(ss: Spreadsheet, first: number, last: number): unknown[][] {
  return localSheet(ss, SHEET_NAMES.schedules)
    .getRange(`${columnLetter(first + 1)}:${columnLetter(last + 1)}`)
    .getValues();
}
