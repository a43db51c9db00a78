/**
 * The Staff tab's Email-column notes (features/review/staff-assignability.ts decides them): the tab
 * read in one call, the column's notes read in one and written in one.
 */
import type { Sheet } from './apps-script-types';

/** Every row of the tab, header first, one read; null when it has no data row. */
export function readStaffRows(sheet: Sheet): unknown[][] | null {
  const last = sheet.getLastRow();
  if (last < 2) return null;
  return sheet.getRange(1, 1, last, Math.max(sheet.getLastColumn(), 1)).getValues();
}

/** The notes of column `column` (0-based) on data rows 2..rows+1, one read. */
export function readColumnNotes(sheet: Sheet, column: number, rows: number): string[] {
  return sheet
    .getRange(2, column + 1, rows, 1)
    .getNotes()
    .map((r) => String(r[0] ?? ''));
}

/** Writes the notes of column `column` (0-based) from row 2 down, one write. */
export function writeColumnNotes(sheet: Sheet, column: number, notes: readonly string[]): void {
  sheet.getRange(2, column + 1, notes.length, 1).setNotes(notes.map((n) => [n]));
}
