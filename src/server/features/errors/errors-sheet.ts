import { asCellText } from '../../../core/sanitize';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { ERRORS_HEADERS, appendErrorsRow } from '../../adapters/errors-tab';

export { ERRORS_HEADERS };

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
 * Appends one row to the Errors sheet (adapters/errors-tab.ts: one atomic call); every text is
 * neutralized (an error message may quote user input such as "=…").
 */
export function appendErrorRow(ss: Spreadsheet, row: ErrorRow): void {
  appendErrorsRow(ss, [
    row.at,
    asCellText(row.trigger).cell,
    asCellText(row.user).cell,
    asCellText(row.message).cell,
    asCellText(row.stack.slice(0, STACK_LIMIT)).cell,
    asCellText(row.emailed).cell,
  ]);
}
