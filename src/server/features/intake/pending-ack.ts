/**
 * A submission being ingested in a document, as the installation owner's state `intakePending`: which
 * response it is, the request id it took and the emails it owes (its acknowledgment). Written with the
 * request counter, in the same call, before anything else; emptied with the intake ledger, in the same
 * call, once the order and its log rows are committed; the acknowledgment is sent only after that.
 * Between the two writes the execution holds the owner's lock, so a pending value that an execution
 * holding that lock reads is one whose execution died (or threw) in between. That execution:
 *  - looks the order up in the register. Absent: nothing of it landed (its log rows, if any, are
 *    dropped by the next append: change-log-recovery.ts), nothing is owed, and the response stays
 *    unrecorded for a replay or the hourly reconciliation to ingest. Present: it landed, so the
 *    response is marked in the ledger and its acknowledgment queued in the Outbox;
 *  - and empties the value: a submission queues the email in the Outbox and then empties it with its
 *    own counter write (a failure in between leaves it to be queued again, as change-log-mail.ts
 *    settleMailIntents queues before it deletes); the hourly job, which may send at once, empties it
 *    with the ledger first and then sends or queues (as it releases its own intents before sending).
 * The submission itself sends only after its emptying write succeeded, so a settler and the
 * submission never both deliver it; and every value is settled under the owner's lock, so two
 * settlers never both find it.
 *
 * An emergency's alert (review/emergency-alert.ts) is the exception: the emptying write leaves it
 * pending, alone, and the submission empties the value only after sending it (releaseEmergencyAlert),
 * still under the owner's lock it keeps to its end. A death before that leaves the value to a settler,
 * which finds the order and queues the alert: at least once, for an emergency must not go unseen (a
 * death right between the send and the write is the one way it goes twice). Only emergencies pay
 * that write.
 *
 * Why not a mail intent in the document's properties (change-log-mail.ts), as other writers keep: an
 * intake owes that record a write of its own before its register append and a delete before sending,
 * two round trips, where this value rides on the owner's two writes intake makes anyway (the counter
 * before, the ledger after). The price: only the owner's executions (the next submission, the hourly
 * job) see it, not every writer in the document.
 */
import { markIngested, parseLedger, serializeLedger, type Ledger } from '../../../core/intake-ledger';
import { responseRef } from '../../../core/intake';
import { supervisorEmails } from '../../../core/staff';
import { Register } from '../../adapters/register';
import { findOrder } from '../../adapters/register-lookup';
import { composePlanned, type PlannedMail } from '../../adapters/change-log-mail';
import type { OutgoingEmail } from '../../adapters/mailer';
import type { ReferenceData } from '../../adapters/reference-data';
import { withOwnerAndDocumentLocks, withUserLock } from '../../adapters/document-lock';
import { readOwnerState, readOwnerStates, writeOwnerStates } from '../../adapters/owner-state';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Owner-state name of the intake ledger (core/intake-ledger.ts), per installation owner. */
export const INTAKE_LEDGER = 'intakeLedger';

/** Owner-state name of the submission being ingested ('' when none). */
export const INTAKE_PENDING = 'intakePending';

export interface PendingIntake {
  recordId: string;
  sheetName: string;
  row: number;
  planned: PlannedMail[];
}

export function serializePending(pending: PendingIntake): string {
  return JSON.stringify(pending);
}

/**
 * The pending submission, or null when none. Only the add-on writes the owner's properties, so an
 * unreadable value is a torn one: treated as none (its response, if it did not land, is still found
 * unrecorded by the hourly reconciliation, which also marks it if it did).
 */
export function parsePending(stored: string | null | undefined): PendingIntake | null {
  if (!stored) return null;
  try {
    const p = JSON.parse(stored) as Partial<PendingIntake>;
    if (
      typeof p.recordId === 'string' &&
      typeof p.sheetName === 'string' &&
      Number.isInteger(p.row) &&
      Array.isArray(p.planned)
    )
      return { recordId: p.recordId, sheetName: p.sheetName, row: p.row as number, planned: p.planned };
  } catch {
    // fall through
  }
  console.error(`The pending intake record could not be read and is dropped: ${stored.slice(0, 200)}`);
  return null;
}

/**
 * Settles a pending submission left by an execution that died (see the file comment): the ledger with
 * its response marked when its order is in the register, and the emails it owes (to queue or deliver).
 * The caller holds the owner's lock and empties the pending value after delivering them.
 */
export function settlePending(
  ss: Spreadsheet,
  reference: ReferenceData,
  pending: PendingIntake,
  ledger: Ledger,
  now: Date,
): { ledger: Ledger; owed: OutgoingEmail[] } {
  const found = findOrder(Register.open(ss), pending.recordId);
  if (!found || found.order.id !== pending.recordId) return { ledger, owed: [] };
  const { emails } = composePlanned(pending, () => found.order, {
    timeZone: reference.timeZone,
    organizationName: reference.settings.organizationName,
    link: ss.getUrl(),
    now,
    supervisors: supervisorEmails(reference.staff),
  });
  const marked = markIngested(ledger, pending.sheetName, pending.row);
  console.warn(
    `${pending.recordId} (${responseRef(pending.sheetName, pending.row)}) landed before its execution stopped: recorded, ${emails.length} email(s) queued.`,
  );
  return { ledger: marked, owed: emails };
}

/**
 * The hourly job's turn (it runs as the installation owner, with no document): a submission that died
 * between its two owner writes is settled here when no later submission did it first. One property
 * read when nothing is pending. Its response is marked and the pending value emptied before its
 * emails are delivered (`deliver` sends or queues them), as intake itself does.
 */
export function settleInterruptedIntake(
  ss: Spreadsheet,
  reference: ReferenceData,
  now: Date,
  deliver: (emails: readonly OutgoingEmail[]) => void,
): void {
  const ssId = ss.getId();
  // Read without the lock, as a hint: a submission still running holds the lock, and leaves nothing.
  if (!readOwnerState(ssId, INTAKE_PENDING)) return;
  const owed = withOwnerAndDocumentLocks(() => {
    const stored = readOwnerStates(ssId, [INTAKE_PENDING, INTAKE_LEDGER]);
    const pending = parsePending(stored[INTAKE_PENDING]);
    let ledger: Ledger;
    try {
      ledger = parseLedger(stored[INTAKE_LEDGER]);
    } catch {
      return []; // Reconciliation rebuilds an unreadable ledger first; the next run settles this.
    }
    const settled = pending ? settlePending(ss, reference, pending, ledger, now) : { ledger, owed: [] };
    writeOwnerStates(ssId, { [INTAKE_LEDGER]: serializeLedger(settled.ledger), [INTAKE_PENDING]: '' });
    return settled.owed;
  });
  deliver(owed);
}

/**
 * Empties the pending value once the submission sent the emergency alert it kept there: under the
 * owner's lock the submission kept to its end (kept again: a release is a round trip).
 */
export function releaseEmergencyAlert(spreadsheetId: string): void {
  withUserLock(() => writeOwnerStates(spreadsheetId, { [INTAKE_PENDING]: '' }), undefined, true);
}
