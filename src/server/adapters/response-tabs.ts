/** The form-response tabs, as the hourly reconciliation and the forms' setup read them. */
import type { Sheet, Spreadsheet } from './apps-script-types';

/** A response tab's header and its rows first..last (sheet rows), every column: two reads. */
export function readResponseRows(
  sheet: Sheet,
  first: number,
  last: number,
): { header: unknown[]; rows: unknown[][] } {
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const rows = sheet.getRange(first, 1, last - first + 1, width).getValues();
  return { header, rows };
}

/** Whether the spreadsheet has a tab called `name` (one lookup). */
export function hasTab(ss: Spreadsheet, name: string): boolean {
  return ss.getSheetByName(name) !== null;
}
