import { SHEET_NAMES } from '../../core/model';
import type { CellBlock } from '../../core/settings-edit';
import type { Sheet, Spreadsheet } from './apps-script-types';

/** A user-facing failure: its message is shown as is (sidebar, toast, alert) and logged. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss)
    throw new UserFacingError('Work Orders runs inside a spreadsheet: open the spreadsheet and try again.');
  return ss;
}

export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) {
    throw new UserFacingError(
      `The "${name}" sheet is missing. An administrator can run Extensions › Work Orders › Set up work orders to repair it; no data is lost.`,
    );
  }
  return sheet;
}

/**
 * The sheet called `name`, through a local accessor: `Spreadsheet.getRange("'Name'!A1").getSheet()`
 * builds a reference in the script (no backend call in Apps Script), where getSheetByName is a read
 * of the document. A missing sheet makes getRange throw; requireSheet then looks it up and says so.
 * For sheets the add-on owns and expects to find; code that creates a sheet when it is missing keeps
 * asking getSheetByName, whose null answer it needs. Measured through the entry points: with the plain
 * getSheetByName instead, one form submission makes 7 Spreadsheet round trips instead of 5, and a
 * technician's edit or a refused edit one more each.
 */
export function localSheet(ss: Spreadsheet, name: string): Sheet {
  const quoted = `'${name.replace(/'/g, "''")}'`;
  try {
    return ss.getRange(`${quoted}!A1`).getSheet();
  } catch {
    return requireSheet(ss, name);
  }
}

/** The change log's sheet, through the local accessor (change-log-tail.ts appends to it). */
export function logSheet(ss: Spreadsheet): Sheet {
  return localSheet(ss, SHEET_NAMES.changeLog);
}

/** The named tab's whole data range in one read; null when the workbook has no such tab. */
export function readTabValues(ss: Spreadsheet, name: string): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/** Writes a block's values and notes over its one range (two calls, whatever its size). */
export function writeCellBlock(sheet: Sheet, block: CellBlock): void {
  const range = sheet.getRange(block.row, block.column, block.values.length, block.values[0]?.length ?? 0);
  range.setValues(block.values);
  range.setNotes(block.notes);
}

/** Row 1 of a sheet, trailing empty cells dropped: one read, whatever the sheet's width. */
export function readHeaderRow(sheet: Sheet): string[] {
  const row = (sheet.getRange('1:1').getValues()[0] ?? []).map((v) => String(v).trim());
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end);
}

export { SHEET_NAMES };
