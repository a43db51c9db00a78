/** The Errors tab: one row appended per failure (what it says is features/errors' to decide). */
import { SHEET_NAMES } from '../../core/model';
import type { Spreadsheet } from './apps-script-types';
import { tabForAppend } from './tab-made';

export const ERRORS_HEADERS = ['Timestamp', 'Trigger', 'User', 'Message', 'Stack', 'Emailed'] as const;

/**
 * Appends one row to the Errors sheet (created on first use, its header bold and frozen). appendRow is
 * one call and atomic, so two failing executions never overwrite each other's row.
 */
export function appendErrorsRow(ss: Spreadsheet, cells: unknown[]): void {
  tabForAppend(ss, SHEET_NAMES.errors, ERRORS_HEADERS, { bold: true }).appendRow(cells);
}
