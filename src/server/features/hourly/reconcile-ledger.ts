/**
 * The intake ledger as reconciliation reads and settles it: read without a lock (intake writes it
 * under the locks), started afresh when unreadable, and the rows found recorded marked in one write.
 */
import { markIngested, parseLedger, serializeLedger, type Ledger } from '../../../core/intake-ledger';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { INTAKE_LEDGER } from '../intake/form-submit';
import type { ResponseRow } from './response-rows';

/** The ledger, started afresh (and said so) when it cannot be read. */
export function readLedger(ssId: string): { ledger: Ledger; rebuilt: boolean } {
  try {
    return { ledger: parseLedger(readOwnerState(ssId, INTAKE_LEDGER)), rebuilt: false };
  } catch {
    return withOwnerAndDocumentLocks(() => {
      try {
        return { ledger: parseLedger(readOwnerState(ssId, INTAKE_LEDGER)), rebuilt: false };
      } catch {
        // Rows already in the register are found by Response Row and content below and marked again.
        writeOwnerState(ssId, INTAKE_LEDGER, serializeLedger({}));
        return { ledger: {}, rebuilt: true };
      }
    });
  }
}

/** Marks rows found recorded, in one ledger write under the owner's lock (intake writes it too). */
export function markRecorded(ssId: string, rows: readonly ResponseRow[]): void {
  if (rows.length === 0) return;
  withOwnerAndDocumentLocks(() => {
    let ledger = parseLedger(readOwnerState(ssId, INTAKE_LEDGER));
    for (const { sheetName, row } of rows) ledger = markIngested(ledger, sheetName, row);
    writeOwnerState(ssId, INTAKE_LEDGER, serializeLedger(ledger));
  });
}
