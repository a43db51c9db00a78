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
 * and a release is a round trip.
 */
import { recipientsFor } from '../../../core/notifications';
import { handOffWaiting } from '../../adapters/change-log';
import {
  releaseKeptDocumentLock,
  withDocumentLock,
  withOwnerAndDocumentLocks,
} from '../../adapters/document-lock';
import type { ReferenceData } from '../../adapters/reference-data';
import type { PendingEmail } from './notify';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Runs the locked part of a register edit under the locks it needs (see above). */
export function withEditLocks<T>(ss: Spreadsheet, body: () => T): T {
  return handOffWaiting(ss.getId())
    ? withOwnerAndDocumentLocks(body)
    : withDocumentLock(body, { keepToExit: true });
}

/**
 * Gives the kept document lock back when the steps owe anyone an email (recipientsFor, as notify.ts
 * asks it): sending is slow and must not hold other editors up. Most steps a technician takes in the
 * sheet (starting work, notes) notify no one, and then the trigger's end gives it back.
 */
export function releaseBeforeEmails(
  pending: readonly PendingEmail[],
  reference: ReferenceData,
  actorEmail: string,
): void {
  const owed = pending.some(({ step, order }) =>
    recipientsFor(step.transition, order, reference.staff, step.previousAssignee, {
      switches: reference.settings,
      actorEmail,
    }).some((planned) => planned.to.length > 0),
  );
  if (owed) releaseKeptDocumentLock();
}
