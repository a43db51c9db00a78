/**
 * Each form response row is acted on once. Google may deliver a form-submit event twice, and fires it
 * again for the same row when a response is edited; intake's ledger (the installation owner's
 * properties, under the owner's lock) records the rows already handled, for requests, requestor
 * replies and update-form answers alike.
 */
import { isIngested, markIngested, parseLedger, serializeLedger } from '../../../core/intake-ledger';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { INTAKE_LEDGER } from './form-submit';

/**
 * Runs `apply` for the response at `at` unless its row was handled already (then null), and records
 * the row as handled. The caller holds the owner's lock (the ledger) and whatever `apply` needs.
 */
export function oncePerResponseRow<T>(
  spreadsheetId: string,
  at: { sheetName: string; row: number },
  apply: () => T,
): T | null {
  const ledger = parseLedger(readOwnerState(spreadsheetId, INTAKE_LEDGER));
  if (isIngested(ledger, at.sheetName, at.row)) return null;
  const result = apply();
  writeOwnerState(spreadsheetId, INTAKE_LEDGER, serializeLedger(markIngested(ledger, at.sheetName, at.row)));
  return result;
}
