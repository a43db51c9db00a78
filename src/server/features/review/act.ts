/**
 * One sidebar action, inside the document lock: find the row by id, refuse a stale view, check every
 * lifecycle step against the table, then write the row once, append the change log, move the
 * work-order counter and update the review queue. Emails are sent by the caller after the lock is
 * released (./notify). A refusal writes nothing to the register, the change log or the mailbox.
 */
import { checkWaitingEditsFirst } from '../edits/pending';
import { nextWoNumber } from '../setup/counters';
import { applyTransition, checkTransition, type Transition } from '../../../core/lifecycle';
import { FINAL_STATUSES, type WorkOrder } from '../../../core/model';
import type { Amendment } from '../../../core/lifecycle-table';
import { cleanRecipients } from '../../../core/notifications';
import { approvalDue } from '../../../core/schedule-order';
import { holdReleaseReasons } from '../../../core/sla';
import { activeTechnicians } from '../../../core/staff';
import { localYear } from '../../../core/time';
import type { UnhashedEntry } from '../../../core/audit';
import { ACTION_LABELS, amendmentOf, type Refusal, type ReviewActionRequest } from '../../../shared/review';
import { requireChangeLog, writeChangeLog } from '../../adapters/change-log';
import type { MailIntent } from '../../adapters/change-log-mail';
import { KEEP_DOCUMENT_LOCK_FOR_MAIL, withDocumentLock } from '../../adapters/document-lock';
import { PROPERTY_KEYS, setProperty } from '../../adapters/document-properties';
import type { ReferenceData } from '../../adapters/reference-data';
import { Register, type LocatedOrder } from '../../adapters/register';
import type { ReviewIndex } from '../../adapters/review-queue-entries';
import { QueueSession } from '../../adapters/review-queue';
import { UserFacingError } from '../../adapters/workbook';
import type { Reviewer } from './caller';
import { amend } from './amend';
import { isOpenQuestion, openQuestionsIn, recordQuestion } from './questions';
import { ensureReplyForm, replyLinkFor } from './reply-form';
import { LOG_UPKEEP, committedOutcome, logEntries, saveQueue, sidebarLine, staleRefusal } from './record';
import { refusal } from './respond';
import { stepsOf, wrongStepMessage } from './steps';
import { planActionEmails } from './notify';
import { planChecklistCopy } from '../checklists/copy';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface ActOutcome {
  ok: true;
  before: WorkOrder;
  after: WorkOrder;
  row: number;
  /** The lifecycle rows applied, in order (none for a clarification). */
  transitions: Transition[];
  /** The queue after the action, for the refreshed list (null when it is to be rebuilt). */
  index: ReviewIndex | null;
  /** The queue's change marker after the action. */
  marker: string;
  /** The question of a clarification request. */
  question?: string;
  /** The reply form's link for the requestor (a clarification). */
  reply?: { link: string; prefilled: boolean };
  /** The amendment made (a change that kept the status), with its reason. */
  amendment?: Amendment;
  reason?: string;
  /** The emails this action owes, recorded with its log commit (change-log-mail.ts). */
  mailIntent: MailIntent | null;
}

/** Finds the row by id: at the index's (or the sidebar's) row hint, else by reading the id column. */
function locate(
  register: Register,
  session: QueueSession,
  id: string,
  clientHint?: number,
): LocatedOrder | null {
  const hint = session.index?.entries.get(id)?.row ?? clientHint;
  const hinted = hint === undefined ? null : register.findAtRow(id, hint);
  if (hinted) return hinted;
  // The hint was stale (rows sorted or inserted): one read of the id column fixes every hint at once.
  const ids = register.readIds();
  session.refreshRows(ids);
  const at = ids.indexOf(id);
  return at < 0 ? null : register.readAt(at + 2);
}

function clarify(
  ss: Spreadsheet,
  reference: ReferenceData,
  reviewer: Reviewer,
  register: Register,
  located: LocatedOrder,
  question: string,
  now: Date,
  session: QueueSession,
): ActOutcome | Refusal {
  const order = located.order;
  if (FINAL_STATUSES.includes(order.status)) {
    return refusal(`${order.id} is ${order.status}: there is nothing left to ask the requestor about.`);
  }
  if (!reference.settings.notifyRequestor) {
    return refusal(
      `Emails to requestors are switched off on the Settings tab (notifyRequestor is FALSE), so the question to the requestor of ${order.id} was not sent. Ask them yourself, or ask an administrator to set notifyRequestor to TRUE and ask again.`,
    );
  }
  if (cleanRecipients([order.requesterEmail]).length === 0) {
    const who = order.requesterName.trim() || 'the requestor';
    return refusal(
      `${order.id} has no valid requestor email address, so the question was not sent. Ask ${who} another way.`,
    );
  }
  if (isOpenQuestion(session.snapshot, order.id, question)) {
    return refusal(
      `The requestor of ${order.id} was already asked exactly this and has not replied yet, so it was not sent again. To remind them, ask again in other words.`,
    );
  }
  // The reply form first (made once, on the first question): nothing is logged if that fails.
  const reply = replyLinkFor(ensureReplyForm(ss, session.snapshot), order.id);
  const logged = writeChangeLog(
    ss,
    [
      sidebarLine(order.id, reviewer, now, {
        field: 'Clarification Requested',
        oldValue: '',
        newValue: question,
      }),
    ],
    LOG_UPKEEP,
  );
  recordQuestion(session.snapshot, order.id, question);
  // A new revision: a sidebar opened before the question cannot decide the order as if none were out
  // (its action is refused as stale and its card then shows the question).
  const after: WorkOrder = { ...order, revision: order.revision + 1 };
  const done = { before: order, after, transitions: [], question, reply };
  const mailIntent = logged.intend(order.id, planActionEmails(reference, reviewer, done));
  register.write(located, after);
  logged.commit(mailIntent);
  session.apply([{ row: located.row, order: after }]);
  return committedOutcome(done, located, session, mailIntent);
}

export function performAction(
  ss: Spreadsheet,
  reference: ReferenceData,
  reviewer: Reviewer,
  request: ReviewActionRequest,
  now: Date,
): ActOutcome | Refusal {
  return withDocumentLock(() => {
    requireChangeLog(ss);
    const session = QueueSession.open();
    if (!session)
      throw new UserFacingError('Work Orders runs inside a spreadsheet: open the spreadsheet and try again.');
    checkWaitingEditsFirst(ss, reviewer.email);
    const register = Register.open(ss);
    const located = locate(register, session, request.id, request.rowHint);
    if (!located) {
      session.remove([request.id]);
      saveQueue(session);
      return refusal(
        `No work order ${request.id} is in the register (it may have been archived or deleted). Reload to see the latest.`,
      );
    }
    const before = located.order;
    // Every action (amendments and clarifications included) decides from the row's cells: none from a
    // cell written where no edit trigger judged it.
    const unrecorded = register.unrecordedChange(located, reference.timeZone);
    if (unrecorded) return refusal(unrecorded);
    // A question decides nothing, so a sidebar that is behind may still ask one (a double click or a
    // follow-up asked before the card redrew): the open-question and status checks still apply.
    if (before.revision !== request.revision && request.action !== 'clarify') {
      // The queue showed an older version: bring it up to date so that the reload shows this one.
      session.apply([{ row: located.row, order: before }]);
      saveQueue(session);
      return staleRefusal(before, located.row, openQuestionsIn(session.snapshot).get(before.id));
    }
    if (request.action === 'clarify')
      return clarify(ss, reference, reviewer, register, located, request.question, now, session);
    const amendment = amendmentOf(request.action, before.status);
    if (amendment)
      return amend({ ss, reference, reviewer, register, located, request, amendment, now, session });
    if (request.action === 'reprioritize' || request.action === 'redate')
      return refusal(
        `${ACTION_LABELS[request.action]} does not apply to a work order that is ${before.status}.`,
      );

    const { settings, staff, timeZone } = reference;
    const allowed = {
      priorities: settings.priorities.map((p) => p.name),
      categories: settings.categories,
      technicians: activeTechnicians(staff).map((t) => t.email),
    };
    let current = before;
    let counter: string | null = null;
    const transitions: Transition[] = [];
    const log: UnhashedEntry[] = [];
    // Every step is checked and applied in memory first: nothing is written unless all of them pass.
    for (const step of stepsOf(request)) {
      const check = checkTransition({
        order: current,
        to: step.to,
        actor: { email: reviewer.email, role: reviewer.role },
        changes: step.changes,
        allowed,
      });
      if (!check.ok) return refusal(`${check.reason}.`);
      if (check.transition.action !== step.action)
        return refusal(wrongStepMessage(request, current, check.transition.action));
      const stamps = check.transition.stamps;
      let woNumber: string | undefined;
      if (stamps.includes('woNumber')) {
        // A lost or unreadable counter is rebuilt from the highest number issued, never restarted.
        const next = nextWoNumber(
          ss,
          session.snapshot[PROPERTY_KEYS.woCounters] ?? null,
          localYear(now, timeZone),
        );
        woNumber = next.woNumber;
        counter = next.stored;
      }
      const priority = step.changes.priority ?? current.priority;
      const due = stamps.includes('due')
        ? approvalDue(current, priority, now, settings, timeZone)
        : undefined;
      const applied = applyTransition(current, check.transition, step.changes, {
        now,
        actorEmail: reviewer.email,
        woNumber,
        due,
        sla: { settings, timeZone },
      });
      log.push(...logEntries(current.id, reviewer, now, applied.changes));
      for (const line of holdReleaseReasons(current, applied.order))
        log.push(sidebarLine(current.id, reviewer, now, line));
      current = applied.order;
      transitions.push(check.transition);
    }
    // The log rows first, committed after the register write (change-log.ts): a failure in between is
    // settled by the next append. The counter moves before the register: a failure after it leaves a
    // gap in the numbers, never a duplicate.
    const copy = planChecklistCopy(ss, settings.categories, before, current, reviewer.email, 'sidebar', now);
    if (copy) log.push(...copy.entries);
    const logged = writeChangeLog(ss, log, LOG_UPKEEP);
    const done = { before, after: current, transitions };
    const mailIntent = logged.intend(current.id, planActionEmails(reference, reviewer, done));
    if (counter !== null) setProperty(PROPERTY_KEYS.woCounters, counter);
    register.write(located, current);
    copy?.write();
    logged.commit(mailIntent);
    session.apply([{ row: located.row, order: current }]);
    return committedOutcome(done, located, session, mailIntent);
  }, KEEP_DOCUMENT_LOCK_FOR_MAIL);
}
