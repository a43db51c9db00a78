/**
 * Deleting the empty rows and columns of the add-on's tabs (every cell, empty or not, counts against
 * the spreadsheet's 10-million-cell limit). Which tabs, and when, is features/setup/tab-sizing.ts's.
 */
import { SHEET_NAMES } from '../../core/model';
import type { Sheet, Spreadsheet } from './apps-script-types';

/**
 * Empty rows kept below what an add-on tab holds: room for dozens of typed or appended rows. Every
 * writer of these tabs grows them when it needs more (appendRow, or insertRowsAfter before a write),
 * and people add rows from the sheet's own "Add rows" button.
 */
export const SPARE_ROWS = 100;

/** Tabs whose rows follow a policy of their own (features/setup/tab-sizing.ts says why). */
const OWN_ROW_POLICY: ReadonlySet<string> = new Set([SHEET_NAMES.register, SHEET_NAMES.changeLog]);

/**
 * A tab ensureSheet has just created and filled with `usedRows` rows: its rows past them and
 * SPARE_ROWS are deleted (one call). Its columns were cut to its header already.
 */
export function trimNewTabRows(sheet: Sheet, usedRows: number): void {
  if (OWN_ROW_POLICY.has(sheet.getName())) return;
  const keep = Math.max(1, usedRows) + SPARE_ROWS;
  const max = sheet.getMaxRows();
  if (max > keep) sheet.deleteRows(keep + 1, max - keep);
}

/**
 * The register setup has just created, cut to its first `keep` rows (one deletion; the register grows
 * by its own policy, features/setup/tab-sizing.ts). The grid's size is asked before and again for the
 * deletion, as setup always has.
 */
export function trimNewRegisterRows(sheet: Sheet, keep: number): void {
  if (sheet.getMaxRows() > keep) sheet.deleteRows(keep + 1, sheet.getMaxRows() - keep);
}

/**
 * A tab just made with insertSheet (Google's 26 columns) for `width` columns of data: the rest are
 * deleted (one call). For code that makes its tab when it first needs it, after setup.
 */
export function trimNewTabColumns(sheet: Sheet, width: number): void {
  const max = sheet.getMaxColumns();
  if (max > width && width >= 1) sheet.deleteColumns(width + 1, max - width);
}

/**
 * Deletes the tab `name`'s wholly empty columns and (when `trimRows`) its spare rows; returns the cells
 * freed (0 when the tab is missing). What holds anything is never deleted.
 */
export function trimEmptyCells(ss: Spreadsheet, name: string, trimRows: boolean): number {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return 0;
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  // What holds anything, in any row or column (values and formulas): nothing past it is deleted.
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  // Sheets refuses to delete every column (or row) that is not frozen.
  const keepColumns = Math.max(lastColumn, sheet.getFrozenColumns() + 1, 1);
  let freed = 0;
  if (maxColumns > keepColumns) {
    sheet.deleteColumns(keepColumns + 1, maxColumns - keepColumns);
    freed += (maxColumns - keepColumns) * maxRows;
  }
  const keepRows = Math.max(lastRow, sheet.getFrozenRows(), 1) + SPARE_ROWS;
  if (trimRows && maxRows > keepRows) {
    sheet.deleteRows(keepRows + 1, maxRows - keepRows);
    freed += (maxRows - keepRows) * Math.min(maxColumns, keepColumns);
  }
  return freed;
}
