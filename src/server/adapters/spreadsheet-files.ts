import type { Spreadsheet } from './apps-script-types';
/**
 * Spreadsheet files the add-on makes itself (the archive spreadsheets). SpreadsheetApp.create and
 * openById need only the `spreadsheets` scope the add-on already declares: Apps Script's reference
 * lists no Drive scope for either, and a file the add-on created is opened by id like any other.
 */

/** A new spreadsheet owned by the user running the add-on: one tab, "Sheet1", 1000 × 26. */
export function createSpreadsheetFile(name: string): Spreadsheet {
  return SpreadsheetApp.create(name);
}

/** The file with this id, or null when it cannot be opened (deleted, or not shared with this user). */
export function openSpreadsheetOrNull(id: string): Spreadsheet | null {
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    return null;
  }
}
