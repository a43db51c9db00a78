/**
 * The tabs the add-on appends work records to (Checklist Items, Time, Parts Used): an append is one
 * write (the sheet grown first when needed), a ticked item's row is rewritten in place. Their reads
 * from the bottom up are in ./order-rows.
 */
import type { Spreadsheet } from './apps-script-types';
import { tabForAppend } from './tab-made';

/** Appends rows in one write, growing the sheet first (a write past its last row throws). */
export function appendTabRows(
  ss: Spreadsheet,
  name: string,
  headers: readonly string[],
  rows: unknown[][],
): void {
  if (rows.length === 0) return;
  const sheet = tabForAppend(ss, name, headers);
  const last = sheet.getLastRow();
  const width = (rows[0] ?? []).length;
  const max = sheet.getMaxRows();
  if (last + rows.length > max) sheet.insertRowsAfter(max, last + rows.length - max + 100);
  sheet.getRange(last + 1, 1, rows.length, width).setValues(rows);
}

/**
 * Rewrites rows of the tab `name` in place, each at its sheet row (a checklist item ticked: a few rows
 * of one order, apart in the tab). Nothing when the tab is missing.
 */
export function rewriteTabRows(
  ss: Spreadsheet,
  name: string,
  rows: readonly { row: number; values: unknown[] }[],
): void {
  if (rows.length === 0) return;
  const sheet = ss.getSheetByName(name);
  if (!sheet) return;
  for (const { row, values } of rows) sheet.getRange(row, 1, 1, values.length).setValues([values]);
}
