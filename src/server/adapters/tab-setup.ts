/**
 * Setup's writes to the shape of tabs: a tab made with its header row, a header added when missing.
 * What to report is the caller's (features/setup); this says what it did.
 */
import { normalizeHeader as normalizeColumnHeader } from '../../core/columns';
import { normalizeHeader } from '../../core/headers';
import type { Sheet, Spreadsheet } from './apps-script-types';
import { trimNewTabRows } from './tab-sizing';
import { readHeaderRow } from './workbook';

export interface EnsuredTab {
  sheet: Sheet;
  created: boolean;
  /** Headers that were missing and were added at the end (their cells empty). */
  restored: string[];
  /** Whether the header row of an existing tab had to be frozen again. */
  refrozen: boolean;
}

/**
 * Makes sure `name` exists with `headers` in row 1 (frozen). A new sheet gets exactly `initialRows`
 * and is trimmed to its width: every empty cell counts against the 10-million-cell limit. An existing
 * sheet keeps every value; a missing header is added after the last used column, never over data.
 */
export function ensureTab(
  ss: Spreadsheet,
  name: string,
  /** Row-1 headers to keep present; null for a free-form sheet that is only created when missing. */
  headers: readonly string[] | null,
  initialRows?: readonly (readonly unknown[])[],
): EnsuredTab {
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    const rows = initialRows ?? [headers ?? ['']];
    const width = Math.max(...rows.map((r) => r.length));
    const padded = rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]);
    const columns = sheet.getMaxColumns();
    if (columns < width) sheet.insertColumnsAfter(columns, width - columns);
    else if (columns > width) sheet.deleteColumns(width + 1, columns - width);
    if (sheet.getMaxRows() < padded.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), padded.length - sheet.getMaxRows());
    trimNewTabRows(sheet, padded.length);
    sheet.getRange(1, 1, padded.length, width).setValues(padded);
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    return { sheet, created: true, restored: [], refrozen: false };
  }
  if (!headers) return { sheet, created: false, restored: [], refrozen: false };
  const present = readHeaderRow(sheet);
  const have = new Set(present.map(normalizeColumnHeader));
  const missing = headers.filter((h) => !have.has(normalizeColumnHeader(h)));
  if (missing.length > 0) {
    const first = present.length + 1;
    const needed = first + missing.length - 1 - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, first, 1, missing.length).setValues([missing.slice()]).setFontWeight('bold');
  }
  const refrozen = sheet.getFrozenRows() < 1;
  if (refrozen) sheet.setFrozenRows(1);
  return { sheet, created: false, restored: missing, refrozen };
}

/**
 * Adds `header` after the last column of row 1 of the tab `name` (bold, the grid widened when full)
 * unless a header of that name is there. True when it was added; false too when the tab is missing.
 */
export function appendHeaderIfMissing(ss: Spreadsheet, name: string, header: string): boolean {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return false;
  const width = sheet.getLastColumn();
  const row = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) : [];
  if (row.some((h) => normalizeHeader(h) === normalizeHeader(header))) return false;
  if (sheet.getMaxColumns() <= width) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  sheet
    .getRange(1, width + 1)
    .setValue(header)
    .setFontWeight('bold');
  return true;
}
