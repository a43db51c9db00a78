import { SHEET_NAMES } from '../../../core/model';
import { asCellText } from '../../../core/sanitize';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export const ERRORS_HEADERS = ['Timestamp', 'Trigger', 'User', 'Message', 'Stack', 'Emailed'] as const;

export interface ErrorRow {
  at: Date;
  /** The entry point (or job step) that failed. */
  trigger: string;
  user: string;
  message: string;
  stack: string;
  /** What happened to the administrators' email: sent, queued, already sent today, nobody to tell. */
  emailed: string;
}

/** Stacks are for the developer: the first lines say where; the cell limit is 50,000 characters. */
const STACK_LIMIT = 4_000;

/**
 * Appends one row to the Errors sheet (created on first use). appendRow is one call and atomic, so
 * two failing executions never overwrite each other's row; every text is neutralized (an error
 * message may quote user input such as "=…").
 */
export function appendErrorRow(ss: Spreadsheet, row: ErrorRow): void {
  let sheet = ss.getSheetByName(SHEET_NAMES.errors);
  if (!sheet) {
    sheet = ss.insertSheet(SHEET_NAMES.errors);
    sheet
      .getRange(1, 1, 1, ERRORS_HEADERS.length)
      .setValues([[...ERRORS_HEADERS]])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  sheet.appendRow([
    row.at,
    asCellText(row.trigger).cell,
    asCellText(row.user).cell,
    asCellText(row.message).cell,
    asCellText(row.stack.slice(0, STACK_LIMIT)).cell,
    asCellText(row.emailed).cell,
  ]);
}
