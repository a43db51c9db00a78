/**
 * The Procedure tab's revision table (core/procedure.ts finds it and numbers the versions;
 * features/procedure/revision.ts decides when a revision is recorded): read whole, a row inserted below
 * the table, or the table started again at the end of the tab.
 */
import { SHEET_NAMES } from '../../core/model';
import { PROCEDURE_WIDTH } from '../../core/procedure';
import type { Sheet, Spreadsheet } from './apps-script-types';

/** The Procedure tab, or null when it is missing. */
export function procedureSheet(ss: Spreadsheet): Sheet | null {
  return ss.getSheetByName(SHEET_NAMES.procedure);
}

/** Every cell of the tab: one read. */
export function readProcedureValues(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/** A row inserted right after sheet row `after` and written (what follows moves down): two calls. */
export function insertProcedureRowAfter(sheet: Sheet, after: number, row: unknown[]): void {
  sheet.insertRowsAfter(after, 1);
  sheet.getRange(after + 1, 1, 1, PROCEDURE_WIDTH).setValues([row]);
}

/** `rows` written one empty row below the tab's last row, the grid grown first when short: one write. */
export function appendProcedureBlock(sheet: Sheet, rows: unknown[][]): void {
  const start = sheet.getLastRow() + 2;
  const missing = start + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(start, 1, rows.length, PROCEDURE_WIDTH).setValues(rows);
}
