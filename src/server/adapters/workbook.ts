import { normalizeHeader } from '../../core/headers';
import { SHEET_NAMES } from '../../core/model';
import type { CellBlock } from '../../core/settings-edit';
import { missingTabMessage } from './missing-tab';
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
    throw new UserFacingError(missingTabMessage(ss, name));
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

/**
 * The tab called `name`, or null when the workbook has none (one lookup): for code that needs to know
 * whether a tab is there; a tab the add-on expects to find is reached through localSheet instead.
 */
export function findTab(ss: Spreadsheet, name: string): Sheet | null {
  return ss.getSheetByName(name);
}

/** A sheet's whole data range in one read. */
export function readSheetValues(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/** The named tab's whole data range in one read; null when the workbook has no such tab. */
export function readTabValues(ss: Spreadsheet, name: string): unknown[][] | null {
  const sheet = findTab(ss, name);
  return sheet ? readSheetValues(sheet) : null;
}

/** Writes a block's values and notes over its one range (two calls, whatever its size). */
export function writeCellBlock(sheet: Sheet, block: CellBlock): void {
  const range = sheet.getRange(block.row, block.column, block.values.length, block.values[0]?.length ?? 0);
  range.setValues(block.values);
  range.setNotes(block.notes);
}

/** Writes values only (notes and formats stay), one range per column span: one call each. */
export function writeColumnSpans(
  sheet: Sheet,
  spans: ReadonlyArray<{ column: number; row: number; values: unknown[][] }>,
): void {
  for (const span of spans)
    if (span.values.length > 0)
      sheet.getRange(span.row, span.column, span.values.length, 1).setValues(span.values);
}

/** Row 1 of a sheet, trailing empty cells dropped: one read, whatever the sheet's width. */
export function readHeaderRow(sheet: Sheet): string[] {
  const row = (sheet.getRange('1:1').getValues()[0] ?? []).map((v) => String(v).trim());
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end);
}

/** The 1-based column whose row-1 header is `header` (compared normalized), 0 when none: two reads. */
export function columnByHeader(sheet: Sheet, header: string): number {
  const width = sheet.getLastColumn();
  if (width < 1) return 0;
  const row = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  return row.findIndex((h) => normalizeHeader(h) === normalizeHeader(header)) + 1;
}

/**
 * Appends the texts of `column` below the header, only its last `lastRows` rows, to `into`, one by
 * one (spreading a column of a million cells into push() would overflow the stack): the sheet's last
 * row, then one read; nothing more when the column is 0 or the sheet has no data row.
 */
export function appendColumnTexts(sheet: Sheet, column: number, into: string[], lastRows: number): void {
  const last = sheet.getLastRow();
  if (last < 2 || column < 1) return;
  const first = Math.max(2, last - lastRows + 1);
  for (const r of sheet.getRange(first, column, last - first + 1, 1).getValues())
    into.push(String(r[0] ?? ''));
}

export { SHEET_NAMES };
