/**
 * Setup's rules on whole columns of a tab, below its header: drop-downs, number formats and column
 * groups, one call per column range (no per-cell work).
 */
import type { Sheet } from './apps-script-types';
import { listValidation } from './sheet-services';

/** A column's drop-down: its index in the header (-1: not there), its list, the help shown, and strict or not. */
export type ColumnList = readonly [index: number, values: readonly string[], help: string, strict?: boolean];

/** The rows below the header a column rule covers: the whole grid (at least one row). */
export function rowsBelowHeader(sheet: Sheet): number {
  return Math.max(sheet.getMaxRows() - 1, 1);
}

/**
 * The most items Sheets takes in a drop-down typed as a list: a longer one is refused ("The data
 * validation rule has more items than the limit of 500"), which would stop setup on a site with more
 * locations than that.
 */
export const MAX_LIST_ITEMS = 500;

/**
 * One rule per listed column, over its `rows` rows below the header; a rule that only warns unless
 * strict. An empty list clears the column's rule: there is nothing to choose from. So does a list
 * longer than Sheets takes: the column has no drop-down, and the edit trigger still judges what is
 * typed there against the whole list (only Status is strict, and its list is short).
 */
export function applyColumnLists(sheet: Sheet, rows: number, lists: readonly ColumnList[]): void {
  for (const [index, values, help, strict = false] of lists) {
    if (index < 0) continue;
    const range = sheet.getRange(2, index + 1, rows, 1);
    if (values.length === 0 || values.length > MAX_LIST_ITEMS) range.clearDataValidations();
    else range.setDataValidation(listValidation(values, help, strict));
  }
}

/** A number format on each listed column (0-based index; -1: not there), over its `rows` rows below the header. */
export function applyColumnFormats(
  sheet: Sheet,
  rows: number,
  formats: readonly (readonly [index: number, format: string])[],
): void {
  for (const [index, format] of formats) {
    if (index >= 0) sheet.getRange(2, index + 1, rows, 1).setNumberFormat(format);
  }
}

/** The number formats of one row's first `width` cells (one read). */
export function rowNumberFormats(sheet: Sheet, row: number, width: number): string[] {
  return sheet.getRange(row, 1, 1, width).getNumberFormats()[0] ?? [];
}

/** Columns first..last (1-based) one level deeper in the column groups (one call). */
export function groupColumns(sheet: Sheet, first: number, last: number): void {
  sheet.getRange(1, first, 1, last - first + 1).shiftColumnGroupDepth(1);
}

/** Of columns first..last (1-based), those in no column group and those not hidden (two calls a column). */
export function readColumnFolding(
  sheet: Sheet,
  first: number,
  last: number,
): { ungrouped: number[]; shown: number[] } {
  const ungrouped: number[] = [];
  const shown: number[] = [];
  for (let c = first; c <= last; c++) {
    if (sheet.getColumnGroupDepth(c) === 0) ungrouped.push(c);
    if (!sheet.isColumnHiddenByUser(c)) shown.push(c);
  }
  return { ungrouped, shown };
}

/**
 * Folds columns first..last away: their column group collapsed when it spans exactly them, else the
 * columns hidden (a wider group someone made around them is left open).
 */
export function foldColumns(sheet: Sheet, first: number, last: number): void {
  const group = sheet.getColumnGroup(first, 1);
  const range = group?.getRange();
  const exact = range?.getColumn() === first && range.getLastColumn() === last;
  if (group && exact) group.collapse();
  else sheet.hideColumns(first, last - first + 1);
}
