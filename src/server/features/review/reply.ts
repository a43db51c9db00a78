/**
 * A requestor's reply through the reply form: the answer goes on the work order (Progress Notes,
 * "<when> Requestor: <answer>"), the change log records it with the question it answers, the open
 * question is settled (the card no longer reads "waiting for requestor") and the review queue follows,
 * so the open sidebars refresh. Only the order's own requestor may add to it, as Google verified
 * their address; a reply to an order that is finished or not theirs changes nothing, is logged, and
 * is answered by email to the address that sent it, saying why and what to do.
 * Each response row is handled once, marked in intake's ledger as the update form's are: Google may
 * deliver a form-submit event twice, and fires it again for the same row when a response is edited,
 * and neither may add the reply to the record a second time (nor rewrite what was added).
 */
import { checkWaitingEditsFirst } from '../edits/pending';
import type { UnhashedEntry } from '../../../core/audit';
import { FINAL_STATUSES, type WorkOrder } from '../../../core/model';
import { notesWithReply, readReply, type Reply } from '../../../core/reply-form';
import { formatLocal } from '../../../core/time';
import { CELL_CHAR_LIMIT, singleLine } from '../../../core/sanitize';
import { appendChangeLog, writeChangeLog } from '../../adapters/change-log';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import type { FormSubmitEvent } from '../../../core/intake';
import { oncePerResponseRow } from '../intake/response-once';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
import { syncQueueFor } from '../../adapters/review-queue';
import { requesterOnRecord } from './requester-on-record';
import { emailFormRefusal } from '../intake/form-refusal';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { findOrder } from '../../adapters/register-lookup';
import { hasVisibleText } from '../../../shared/visible-text';
import { openQuestionsIn, settleQuestion } from './questions';
import { planReplyNotice, sendReplyNotice } from './reply-notice';
import type { MailIntent, PlannedMail } from '../../adapters/change-log-mail';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export type ReplyOutcome =
  | 'added'
  | 'unknown request'
  | 'requestor unknown'
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
  const handled = withOwnerAndDocumentLocks(() =>
    oncePerResponseRow(ss, { sheetName, row }, { now, user: respondentOf(reply) }, () =>
      applyReply(ss, reference, reply, now),
    ),
  );
  if (!handled) return 'already handled';
  // After the locks: sending is slow. A replay (handled above) is never answered twice.
  if (handled.told) refusalEmail(ss, reference, reply, handled.told, now);
  const notice = handled.notice;
  if (notice) sendReplyNotice(ss, reference, notice.order, notice.planned, notice.intent, now, notice.row);
  return handled.outcome;
}

interface Applied {
  outcome: ReplyOutcome;
  /** Why the reply was refused and what to do, for the respondent; undefined when it was added. */
  told?: string;
  /** The staff's email of an added reply, sent after the locks. */
  notice?: { order: WorkOrder; planned: PlannedMail[]; intent: MailIntent | null; row: number };
}

/** Who a reply's log rows name (the replay of a killed execution looks for them: intake/response-once.ts). */
const respondentOf = (reply: Reply): string => reply.email || 'anonymous form respondent';

/** The reply put on its order, or refused and logged. Caller holds the owner's and the document lock. */
function applyReply(ss: Spreadsheet, reference: ReferenceData, reply: Reply, now: Date): Applied {
  const who = respondentOf(reply);
  checkWaitingEditsFirst(ss, reply.email);
  const register = Register.open(ss);
  const found = /^[A-Z0-9][A-Z0-9._-]{0,39}$/.test(reply.id) ? findOrder(register, reply.id) : null;
  const typed = singleLine(reply.id, 40);
  const refuse = (outcome: ReplyOutcome, why: string, told: string): Applied => {
    const recordId = found?.order.id ?? 'Requestor Replies';
    appendChangeLog(ss, [
      entry(now, who, recordId, `Requestor reply not added (${why})`, '', reply.answer.slice(0, 500)),
    ]);
    return { outcome, told };
  };
  // Someone else's request and no request at all read alike to the respondent: the email must not
  // tell a stranger which request ids exist. A request finished and archived is not found either, so
  // the requestor replying to an old email is told what to do for that too, not only to check the id.
  const notYours = `no open request ${typed} of yours was found. Check the request id in the email that asked you, and send the form again signed in with the address you made the request with. If that request was finished (closed, cancelled or archived) and the work is still needed, submit a new request.`;
  if (!found) return refuse('unknown request', `no request ${reply.id.slice(0, 40)}`, notYours);
  const order = found.order;
  // Who may reply, and whether the order still takes replies, are not decided from a cell written
  // where no edit trigger judged it (a Requester Email or Status forged by script). The respondent is
  // told to try later, not why: the row's state is the team's business.
  const unrecorded = register.unrecordedChange(found, reference.timeZone);
  if (unrecorded)
    return refuse(
      'changed outside',
      unrecorded.slice(0, 400),
      `your reply to ${typed} could not be added just now: the request is being checked by the maintenance team. Please send the form again later, or answer the email that asked you.`,
    );
  // Nothing is added to a finished request whoever asks: the cell only picks the words of the answer.
  if (FINAL_STATUSES.includes(order.status))
    return reply.email !== '' && reply.email === order.requesterEmail.trim().toLowerCase()
      ? refuse(
          'request finished',
          `the request is ${order.status}`,
          `${order.id} is ${order.status}, so nothing more can be added to it. If the work is still needed, submit a new request.`,
        )
      : refuse('not the requestor', 'not sent by the requestor', notYours);
  // Never the register's Requester Email cell, which a script can rewrite unseen (./requester-on-record.ts).
  const requester = requesterOnRecord(ss, order.id);
  if (requester === null)
    return refuse(
      'requestor unknown',
      'its requestor could not be established',
      `who made ${order.id} could not be confirmed just now. Please send the form again in an hour.`,
    );
  if (reply.email === '' || reply.email !== requester)
    return refuse('not the requestor', 'not sent by the requestor', notYours);
  const question = openQuestionsIn({
    [PROPERTY_KEYS.reviewQuestions]:
      documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.reviewQuestions) ?? '',
  }).get(order.id);
  const notes = notesWithReply(order.notes, formatLocal(now, reference.timeZone), reply.answer);
  // Written past a cell's limit, the reply would be cut off the end of the notes while logged as added.
  if (notes.length > CELL_CHAR_LIMIT)
    return refuse(
      'notes full',
      `its Progress Notes are full: a cell holds ${CELL_CHAR_LIMIT} characters`,
      `${order.id} has no room left for more notes. Please contact the maintenance team directly.`,
    );
  const after: WorkOrder = { ...order, notes, revision: order.revision + 1 };
  // The log row first, committed after the register write: a failure between is settled by the next append.
  const logged = writeChangeLog(ss, [
    entry(now, who, order.id, 'Requestor Reply', question ?? '', reply.answer),
  ]);
  const planned = planReplyNotice(reference, after, question, reply.answer);
  const intent = logged.intend(order.id, planned);
  register.write(found, after);
  logged.commit(intent);
  settleQuestion(order.id);
  syncQueueFor([{ row: found.row, order: after }]);
  return { outcome: 'added', notice: { order: after, planned, intent, row: found.row } };
}

/** The respondent is told why their reply was not added and what to do (features/intake/form-refusal.ts). */
function refusalEmail(
  ss: Spreadsheet,
  reference: ReferenceData,
  reply: Reply,
  told: string,
  now: Date,
): void {
  const ref = singleLine(reply.id, 40) || 'your request';
  emailFormRefusal(
    ss,
    reference,
    {
      to: reply.email,
      ref,
      title: 'Reply not added',
      subject: `[${ref}] Your reply was not added`,
      intro: [`Your reply about ${ref} was not added: ${told}`, 'Nothing was changed.'],
      link: '',
    },
    now,
  );
}
