/** The Errors tab: one row appended per failure (what it says is features/errors' to decide). */
import { SHEET_NAMES } from '../../core/model';
import type { Spreadsheet } from './apps-script-types';
import { tabMade } from './tab-made';

export const ERRORS_HEADERS = ['Timestamp', 'Trigger', 'User', 'Message', 'Stack', 'Emailed'] as const;

/**
 * Appends one row to the Errors sheet (created on first use, its header bold and frozen). appendRow is
 * one call and atomic, so two failing executions never overwrite each other's row.
 */
export function appendErrorsRow(ss: Spreadsheet, cells: unknown[]): void {
  let sheet = ss.getSheetByName(SHEET_NAMES.errors);
  if (!sheet) {
    sheet = ss.insertSheet(SHEET_NAMES.errors);
    sheet
      .getRange(1, 1, 1, ERRORS_HEADERS.length)
      .setValues([[...ERRORS_HEADERS]])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
    tabMade(ss, sheet, SHEET_NAMES.errors);
  }
  sheet.appendRow(cells);
}
