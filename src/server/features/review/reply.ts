/**
 * A requestor's reply through the reply form: the answer goes on the work order (Progress Notes,
 * "<when> Requestor: <answer>"), the change log records it with the question it answers, the open
 * question is settled (the card no longer reads "waiting for requestor") and the review queue follows,
 * so the open sidebars refresh. Only the order's own requestor may add to it, as Google verified
 * their address; a reply to an order that is finished or not theirs changes nothing and is logged.
 * Each response row is handled once, marked in intake's ledger as the update form's are: Google may
 * deliver a form-submit event twice, and fires it again for the same row when a response is edited,
 * and neither may add the reply to the record a second time (nor rewrite what was added).
 */
import type { UnhashedEntry } from '../../../core/audit';
import { FINAL_STATUSES, type WorkOrder } from '../../../core/model';
import { notesWithReply, readReply, type Reply } from '../../../core/reply-form';
import { formatLocal } from '../../../core/time';
import { CELL_CHAR_LIMIT } from '../../../core/sanitize';
import { appendChangeLog, writeChangeLog } from '../../adapters/change-log';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import type { FormSubmitEvent } from '../../../core/intake';
import { oncePerResponseRow } from '../intake/response-once';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
import { syncQueueFor } from '../../adapters/review-queue';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { findOrder } from '../../adapters/register-lookup';
import { hasVisibleText } from '../../../shared/visible-text';
import { openQuestionsIn, settleQuestion } from './questions';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export type ReplyOutcome =
  | 'added'
  | 'unknown request'
  | 'not the requestor'
  | 'request finished'
  | 'notes full'
  | 'empty'
  | 'already handled'
  | 'changed outside';

function entry(
  now: Date,
  user: string,
  recordId: string,
  field: string,
  oldValue: string,
  newValue: string,
): UnhashedEntry {
  return { at: now, user, source: 'form', recordId, field, oldValue, newValue };
}

export function recordReply(
  ss: Spreadsheet,
  event: Pick<FormSubmitEvent, 'namedValues' | 'range'>,
  now: Date,
): ReplyOutcome {
  const reply = readReply(event.namedValues);
  // An answer of invisible characters only (zero-width, direction marks) would go on the record blank.
  if (reply.id === '' || !hasVisibleText(reply.answer)) return 'empty';
  const reference = loadReferenceData(ss);
  const { sheetName, row } = event.range;
  // The owner's lock guards the ledger (their user properties), the document lock the register.
  return withOwnerAndDocumentLocks(
    (): ReplyOutcome =>
      oncePerResponseRow(ss.getId(), { sheetName, row }, () => applyReply(ss, reference, reply, now)) ??
      'already handled',
  );
}

/** The reply put on its order, or refused and logged. Caller holds the owner's and the document lock. */
function applyReply(ss: Spreadsheet, reference: ReferenceData, reply: Reply, now: Date): ReplyOutcome {
  const who = reply.email || 'anonymous form respondent';
  const register = Register.open(ss);
  const found = /^[A-Z0-9][A-Z0-9._-]{0,39}$/.test(reply.id) ? findOrder(register, reply.id) : null;
  const refuse = (
    outcome: ReplyOutcome,
    why: string,
    recordId = found?.order.id ?? 'Requestor Replies',
  ): ReplyOutcome => {
    appendChangeLog(ss, [
      entry(now, who, recordId, `Requestor reply not added (${why})`, '', reply.answer.slice(0, 500)),
    ]);
    return outcome;
  };
  if (!found) return refuse('unknown request', `no request ${reply.id.slice(0, 40)}`);
  const order = found.order;
  // Who may reply, and whether the order still takes replies, are not decided from a cell written
  // where no edit trigger judged it (a Requester Email or Status forged by script).
  const unrecorded = register.unrecordedChange(found, reference.timeZone);
  if (unrecorded) return refuse('changed outside', unrecorded.slice(0, 400));
  if (reply.email === '' || reply.email !== order.requesterEmail.trim().toLowerCase())
    return refuse('not the requestor', 'not sent by the requestor');
  if (FINAL_STATUSES.includes(order.status))
    return refuse('request finished', `the request is ${order.status}`);
  const question = openQuestionsIn({
    [PROPERTY_KEYS.reviewQuestions]:
      documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.reviewQuestions) ?? '',
  }).get(order.id);
  const notes = notesWithReply(order.notes, formatLocal(now, reference.timeZone), reply.answer);
  // Written past a cell's limit, the reply would be cut off the end of the notes while logged as added.
  if (notes.length > CELL_CHAR_LIMIT)
    return refuse('notes full', `its Progress Notes are full: a cell holds ${CELL_CHAR_LIMIT} characters`);
  const after: WorkOrder = { ...order, notes, revision: order.revision + 1 };
  // The log row first, committed after the register write: a failure between is settled by the next append.
  const logged = writeChangeLog(ss, [
    entry(now, who, order.id, 'Requestor Reply', question ?? '', reply.answer),
  ]);
  register.write(found, after);
  logged.commit();
  settleQuestion(order.id);
  syncQueueFor([{ row: found.row, order: after }]);
  return 'added';
}
