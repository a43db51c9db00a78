/**
 * A change that keeps the status (the amendments of the lifecycle table): a new priority with its due
 * date recomputed from the SLA, a new due date, or started work handed to another technician. Called
 * by performAction inside the document lock, after the stale check; writes the row once, logs every
 * field change and the reason, and updates the queue. Emails follow in ./notify.
 */
import { applyAmendment, checkAmendment } from '../../../core/amendments';
import type { AmendmentAction } from '../../../core/lifecycle-table';
import type { WorkOrder } from '../../../core/model';
import { dueDate } from '../../../core/sla';
import { activeTechnicians } from '../../../core/staff';
import type { Refusal, ReviewActionRequest } from '../../../shared/review';
import { writeChangeLog } from '../../adapters/change-log';
import type { ReferenceData } from '../../adapters/reference-data';
import type { LocatedOrder, Register } from '../../adapters/register';
import type { QueueSession } from '../../adapters/review-queue';
import type { ActOutcome } from './act';
import { planActionEmails } from './notify';
import type { Reviewer } from './caller';
import { LOG_UPKEEP, committedOutcome, logEntries, sidebarLine } from './record';
import { refusal } from './respond';
import { formatLocalDate } from '../../../core/time';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** How far ahead a due date may be moved: further is a slip of the date picker's year, not a plan. */
const MAX_YEARS_AHEAD = 10;

/**
 * Why a new due date cannot be taken, or null. The sidebar's date picker lets any year through (0001,
 * 9999) and any day already gone; either would email the requestor and technician a nonsense date,
 * and a past one makes the order overdue at once, with the reminders that follow.
 */
function dueProblem(due: Date, now: Date, timeZone: string): string | null {
  if (due.getTime() <= now.getTime())
    return `${formatLocalDate(due, timeZone)} has already passed: choose a due date from today on.`;
  const limit = new Date(now.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS_AHEAD);
  if (due.getTime() > limit.getTime())
    return `${formatLocalDate(due, timeZone)} is more than ${MAX_YEARS_AHEAD} years away: choose a nearer due date.`;
  return null;
}

export interface AmendInput {
  ss: Spreadsheet;
  reference: ReferenceData;
  reviewer: Reviewer;
  register: Register;
  located: LocatedOrder;
  request: ReviewActionRequest;
  amendment: AmendmentAction;
  now: Date;
  session: QueueSession;
}

function changesOf(request: ReviewActionRequest): { changes: Partial<WorkOrder>; reason?: string } {
  switch (request.action) {
    case 'reprioritize':
      return { changes: { priority: request.priority }, reason: request.reason };
    case 'redate':
      return { changes: { due: new Date(request.due) }, reason: request.reason };
    case 'reassign':
      return { changes: { assignee: request.assignee } };
    default:
      return { changes: {} };
  }
}

export function amend(input: AmendInput): ActOutcome | Refusal {
  const { ss, reference, reviewer, located, request, now, session } = input;
  const before = located.order;
  const { settings, staff, timeZone } = reference;
  const { changes, reason } = changesOf(request);
  const problem = changes.due ? dueProblem(changes.due, now, timeZone) : null;
  if (problem) return refusal(problem);
  const check = checkAmendment({
    order: before,
    action: input.amendment,
    actor: { email: reviewer.email, role: reviewer.role },
    changes,
    reason,
    allowed: {
      priorities: settings.priorities.map((p) => p.name),
      technicians: activeTechnicians(staff).map((t) => t.email),
    },
  });
  if (!check.ok) return refusal(`${check.reason}.`);
  const amendment = check.amendment;
  const due = amendment.stamps.includes('due')
    ? dueDate(String(changes.priority ?? before.priority), now, settings, timeZone)
    : undefined;
  const applied = applyAmendment(before, amendment, changes, {
    now,
    due,
    sla: { settings, timeZone },
  });
  const log = logEntries(before.id, reviewer, now, applied.changes);
  if (reason !== undefined)
    log.push(
      sidebarLine(before.id, reviewer, now, { field: 'Reason for change', oldValue: '', newValue: reason }),
    );
  // The log rows first, committed after the register write, with the emails owed (see act.ts).
  const logged = writeChangeLog(ss, log, LOG_UPKEEP);
  const done = { before, after: applied.order, transitions: [], amendment, reason };
  const mailIntent = logged.intend(before.id, planActionEmails(input.reference, input.reviewer, done));
  input.register.write(located, applied.order);
  logged.commit(mailIntent);
  session.apply([{ row: located.row, order: applied.order }]);
  return committedOutcome(done, located, session, mailIntent);
}
