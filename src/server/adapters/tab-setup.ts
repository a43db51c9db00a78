/**
 * Setup's writes to the shape of tabs: a tab made with its header row, a header added when missing.
 * What to report is the caller's (features/setup); this says what it did.
 */
import { normalizeHeader } from '../../core/headers';
import type { Spreadsheet } from './apps-script-types';

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
