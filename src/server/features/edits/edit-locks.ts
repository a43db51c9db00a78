/**
 * The locks of a register edit, and how long it keeps them.
 *
 * The trigger runs as the administrator who set up, as does the hourly job, which has no document lock
 * (see owner-state.ts). But the job never appends to the change log (it hands its rows off,
 * change-log-handoff.ts) nor rewrites a register row, and an edit touches none of the owner's state
 * (request counter, intake ledger): the owner's user lock serializes only the hand-off. So one look at
 * the owner's property keys (handOffWaiting) decides whether an edit takes it, instead of two lock calls
 * on every edit; with entries waiting, the edit takes both locks in order and appends them first.
 *
 * The document lock is kept to the trigger's end (keepToExit in document-lock.ts), when Apps Script
 * gives it back, unless emails follow: judging, writing and logging are nearly all the trigger does,
 * and a release is a round trip. When emails follow, releasing their intent (releaseMailIntent in
 * change-log-mail.ts) deletes it under the kept lock and then gives the lock back, before sending.
 */
import { handOffWaiting } from '../../adapters/change-log';
import {
  KEEP_DOCUMENT_LOCK_FOR_MAIL,
  withDocumentLock,
  withOwnerAndDocumentLocks,
} from '../../adapters/document-lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Runs the locked part of a register edit under the locks it needs (see above). */
export function withEditLocks<T>(ss: Spreadsheet, body: () => T): T {
  return handOffWaiting(ss.getId())
    ? withOwnerAndDocumentLocks(body, KEEP_DOCUMENT_LOCK_FOR_MAIL)
    : withDocumentLock(body, { keepToExit: true });
}
