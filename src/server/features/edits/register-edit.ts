/**
 * A person typed or pasted into the register's data rows. Budget: at most six Spreadsheet
 * calls for one cell or a 50-row paste, at 100 or 100,000 rows, once the caches are warm:
 *
 *   read the edited rows, all columns including Last Known State ............ 1
 *   write back one rectangle (restored/tidied cells, stamps, revision, state) 1
 *   write the notes of refused cells (and clear old ones), when any ........ 0-1
 *   change log: verify the remembered tail, append .......................... 2
 *   toast, when something was put back or could not be checked ............. 0-1
 *
 * Nothing here depends on the register's size: rows are never searched for, since every row carries
 * its own record (sorting, filtering and inserting rows move it along). The one exception is a paste
 * over that record itself (the hidden Last Known State column): the row is then put back from the
 * change log, which costs reads of the id column, the log and the request's answers
 * (features/integrity/paste.ts); the log is read without the lock, which is then taken again
 * (features/integrity/log-snapshot.ts). So is it for a paste refused over texts kept only as prints
 * whose earlier values the log's last rows do not hold (features/integrity/unkept-fields.ts).
 *
 * The caches, and what a miss costs:
 *  - the header row (register-shape.ts), remembered by this trigger and by Register.open (intake
 *    excepted: it runs on every submission and nothing after it reads the entry), and
 *    verified for free by the rows read: +1 read when it is missing, and +1 (+1 more to read the rows
 *    again) when a verdict looks like a stale layout (isSuspect), which also happens when two people
 *    edit one row at the same moment;
 *  - the change log's tail (change-log-tail.ts), remembered by every append: +1 when missing;
 *  - Staff and Settings (reference-data.ts): +7 reads when its ten-minute cache has expired.
 * Two rarer extras: the organization's own columns lying *inside* the written span cost a read of
 * their formulas (so they keep them), and a write refused by a strict validation rule is retried run
 * by run.
 *
 * Locks: the document lock, and the owner's user lock only when the hourly job left log entries to
 * append and the lock is free (looked for at most every ten minutes); the document lock kept to the
 * trigger's end unless emails follow (./edit-locks).
 */
import { wholeSeconds } from '../../../core/time';
import type { WorkOrder } from '../../../core/model';
import { roleOf } from '../../../core/staff';
import { requireChangeLog, writeChangeLog } from '../../adapters/change-log';
import { withEditLocks, type HandOffLook } from './edit-locks';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { queuePropertiesFor, syncQueueFor } from '../../adapters/review-queue';
import { changesQueue } from '../../adapters/review-queue-codec';
import { currentUserEmail } from '../../adapters/session';
import type { JudgeContext, RowVerdict } from './judge';
import { judgeWithFreshLayout, type EditedRange } from './judge-rows';
import { logEntries, noteMaker, toastFor } from './edit-report';
import { explainHiddenEditor } from './hidden-editor';
import { putBackForgedRows } from '../integrity/paste';
import { withLogReadOutsideLock, type LogReading } from '../integrity/log-snapshot';
import { markEditInProgress } from './pending-record';
import { intendStepEmails, notifySteps, type PendingEmail } from './notify';
import type { MailIntent } from '../../adapters/change-log-mail';
import { untickedLoader } from '../checklists/gate';
import { assetsLoader } from '../assets/assets-tab';
import { plannedRow, spanOf } from './write-plan';
import { writeNotes, writeValues } from './write-back';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

export type { EditedRange } from './judge-rows';

export interface RegisterEditResult {
  verdicts: RowVerdict[];
  toast: string | null;
}

/** Spreadsheet calls one register edit may make. */
const CALL_BUDGET = 6;

/**
 * The orders whose change the review queue shows. Most edits (starting work, notes, results on an
 * order in progress) leave it as it is, and then the index is not even read. A `before` that did not
 * come from the row's record is not what the index holds: synced regardless.
 */
function queueChanges(verdicts: readonly RowVerdict[], top: number): { row: number; order: WorkOrder }[] {
  const changed: { row: number; order: WorkOrder }[] = [];
  verdicts.forEach((v, i) => {
    if (v.kind !== 'judged' || v.changes.length === 0) return;
    if (!v.fromRecord || changesQueue(v.before, v.next)) changed.push({ row: top + i, order: v.next });
  });
  return changed;
}

/**
 * Handles the data rows of an edit of the register. The Settings/Staff snapshot is loaded under the
 * lock, so that it and everything the edit reads of the document's properties come from one read of
 * the store (document-properties-memo.ts). `admit` is asked first, with that snapshot (the trigger
 * checks it runs as the installation owner): false leaves everything as it is and returns null.
 */
export function handleRegisterEdit(
  ss: Spreadsheet,
  sheet: Sheet,
  range: EditedRange,
  admit: (reference: ReferenceData) => boolean = () => true,
): RegisterEditResult | null {
  const top = Math.max(range.row, 2);
  const count = range.row + range.numRows - top;
  if (count <= 0) return { verdicts: [], toast: null };
  const user = currentUserEmail();
  const emails: PendingEmail[] = [];
  // Whole seconds: the stamps must read back exactly as recorded.
  const now = wholeSeconds(new Date());
  let mailIntent: MailIntent | null = null;
  const locked = (
    handOff: HandOffLook,
    log: LogReading,
  ): { result: RegisterEditResult; reference: ReferenceData } | null => {
    const reference = loadReferenceData(ss);
    if (!admit(reference)) return null;
    const ctx: JudgeContext = {
      actor: { email: user, role: roleOf(reference.staff, user) },
      settings: reference.settings,
      staff: reference.staff,
      now,
      timeZone: reference.timeZone,
      unticked: untickedLoader(ss, reference),
      assets: assetsLoader(ss, reference),
    };
    requireChangeLog(ss);
    const judged = judgeWithFreshLayout(sheet, range, top, count, ctx);
    const { shape, read, reads } = judged;
    const edited = (index: number): boolean =>
      index + 1 >= range.column && index + 1 < range.column + range.numColumns;
    // A paste over the hidden state column brought its own record: the change log says what the row held.
    const verdicts = putBackForgedRows(
      ss,
      { sheet, layout: shape.layout, stateIndex: shape.stateIndex, read, edited, log },
      user === '' ? explainHiddenEditor(judged.verdicts) : judged.verdicts,
      reference,
    );
    const note = noteMaker(user, now, reference.timeZone);
    const planned = verdicts.map((v, i) =>
      plannedRow(v, shape.layout, shape.stateIndex, edited, note, read[i]?.[shape.stateIndex]),
    );
    const toast = toastFor(verdicts);
    const writes = (spanOf(planned, 'values') ? 1 : 0) + (spanOf(planned, 'notes') ? 1 : 0);
    // The log's upkeep (growing its sheet early) only spends calls this execution has to spare.
    const spareCalls = Math.max(0, CALL_BUDGET - reads - writes - (toast ? 1 : 0) - 2);
    // The hourly job's entries join this append when an edit is due to look for them (./edit-locks).
    const lookedAt = handOff.join();
    // The log rows first, committed after the register write (change-log.ts).
    const logged = writeChangeLog(ss, logEntries(verdicts, top, user, now), { spareCalls });
    // The emails the steps owe, recorded with the rows (edits/notify.ts): sent once, or queued once.
    for (const v of verdicts)
      if (v.kind === 'judged' && v.changes.length > 0)
        for (const step of v.steps) emails.push({ step, order: v.next });
    mailIntent = intendStepEmails(logged, reference, emails, user);
    // The review queue's update is recorded with the checkpoint, in its round trip (review-queue.ts).
    const changed = queueChanges(verdicts, top);
    const queued = queuePropertiesFor(changed);
    writeValues(sheet, top, planned, read, shape.layout, shape.stateIndex);
    writeNotes(sheet, top, planned);
    logged.commit(mailIntent, { ...lookedAt, ...queued });
    if (queued === null) syncQueueFor(changed);
    return { result: { verdicts, toast }, reference };
  };
  // A check that needs the whole change log reads it with the lock given back, recorded as under way
  // (pending-record.ts), then runs the section again: nothing was written the first time.
  const outcome = withLogReadOutsideLock(
    ss,
    (log) => withEditLocks(ss, now, (handOff) => locked(handOff, log)),
    () => markEditInProgress(range, user, now),
  );
  if (!outcome) return null;
  // Emails after the lock is released (notifySteps gives the kept lock back once their intent is
  // deleted under it): sending is slow and must not hold other editors up.
  notifySteps(ss, outcome.reference, emails, user, now, mailIntent);
  return outcome.result;
}
