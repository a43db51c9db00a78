/**
 * The workbook's tabs as a list, and a tab's extent: which tabs there are (in order, the first, the one
 * with a kept sheet id), naming and removing one, and how far its data and its grid reach. A tab's
 * name and sheet id are read by features themselves (reading a tab's identity touches no cell).
 */
import type { Sheet, Spreadsheet } from './apps-script-types';

/** Every tab of the workbook, in their order: one call. */
export function listTabs(ss: Spreadsheet): Sheet[] {
  return ss.getSheets();
}

/** The workbook's first tab (where Google puts a new file's only tab, or a new form's responses), or null. */
export function firstTab(ss: Spreadsheet): Sheet | null {
  return ss.getSheets()[0] ?? null;
}

/** The tab whose sheet id is `id`, if it is still there: the tab list once, then each tab's id. */
export function tabWithId(ss: Spreadsheet, id: number): Sheet | undefined {
  return ss.getSheets().find((s) => s.getSheetId() === id);
}

/** Names the tab `name` (throws when the user may not, or another tab has that name). */
export function renameTab(sheet: Sheet, name: string): void {
  sheet.setName(name);
}

/** Removes the tab from the workbook. */
export function removeTab(ss: Spreadsheet, sheet: Sheet): void {
  ss.deleteSheet(sheet);
}

/** The last row holding anything (values or formulas); 0 on an empty tab. */
export function lastUsedRow(sheet: Sheet): number {
  return sheet.getLastRow();
}

/** The last column holding anything; 0 on an empty tab. */
export function lastUsedColumn(sheet: Sheet): number {
  return sheet.getLastColumn();
}

/** The rows of the tab's grid, empty or not. */
export function gridRows(sheet: Sheet): number {
  return sheet.getMaxRows();
}

/** Adds `count` empty rows below row `after` (one call). */
export function insertRowsBelow(sheet: Sheet, after: number, count: number): void {
  sheet.insertRowsAfter(after, count);
}

/**
 * Deletes runs of rows ([start, count], bottom-up so none shifts another), one deleteRows each. Sheets
 * refuses to delete every unfrozen row, so a row is added below first when the runs would.
 */
export function deleteRowRunsOf(sheet: Sheet, runs: ReadonlyArray<readonly [number, number]>): void {
  const total = runs.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return;
  const maxRows = sheet.getMaxRows();
  if (total >= maxRows - 1) sheet.insertRowsAfter(maxRows, 1);
  for (const [start, count] of runs) sheet.deleteRows(start, count);
}

/**
 * The name a tab made under one of the add-on's tab names is set aside under: "<name> (not the add-on's)",
 * or that with " 2", " 3"… whichever no tab has yet (a tab per getSheetByName call tried).
 */
export function setAsideName(ss: Spreadsheet, name: string): string {
  const base = `${name} (not the add-on's)`;
  let free = base;
  for (let n = 2; ss.getSheetByName(free); n++) free = `${base} ${n}`;
  return free;
}
