/**
 * The emails of status steps taken in the sheet, sent after the locks are released: the lifecycle
 * table's notify list through recipientsFor (Settings switches honoured, the editor not emailed about
 * their own change), composed by composeEmail.
 * On Hold tells the requestor and the supervisors (a delay), Completed the supervisors, an assignment
 * the technician (and the one it was taken from).
 *
 * A few emails are sent (or queued) one by one, as each step owes them. A bulk change (a paste of many
 * rows) owes each recipient ONE email listing their orders (core/bulk-notice): a few of those are sent
 * at once; many are queued in the Outbox in one write for the hourly drain (which sends within the
 * day's quota): a 1,000-row paste ends in seconds instead of ~1 s per email, and never drops one.
 */
import type { WorkOrder } from '../../../core/model';
import { recipientsFor } from '../../../core/notifications';
import { supervisorEmails } from '../../../core/staff';
import type { LoggedRows } from '../../adapters/change-log';
import {
  BULK_EMAILS,
  composePlanned,
  releaseMailIntent,
  type MailIntent,
  type PlannedMail,
} from '../../adapters/change-log-mail';
import type { ReferenceData } from '../../adapters/reference-data';
import { queueEmails, sendOrQueue, type OutgoingEmail } from '../../adapters/mailer';
import { deliverAll } from '../../adapters/outbox';
import type { Step } from './judge';
import { updateLinkFor } from '../my-work/update-link';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface PendingEmail {
  step: Step;
  /** The order after the edit. */
  order: WorkOrder;
}

export { BULK_EMAILS };

function deliver(ss: Spreadsheet, email: OutgoingEmail, now: Date): void {
  try {
    sendOrQueue(ss, email, now);
  } catch (error) {
    // The change is made and logged; only an email that could not even be queued ends up here.
    console.error(`Email about ${email.recordId} could not be sent or queued: ${String(error)}`);
  }
}

/**
 * What the steps owe by email, as an intent's plans (change-log-mail.ts): one plan per kind and
 * recipients, naming every order it is about, so that a paste of hundreds of rows stays compact.
 */
export function planStepEmails(
  reference: Pick<ReferenceData, 'settings' | 'staff'>,
  pending: readonly PendingEmail[],
  actorEmail: string,
): { recordId: string; planned: PlannedMail[] } {
  const plans = new Map<string, PlannedMail & { ids: string[] }>();
  for (const { step, order } of pending) {
    const planned = recipientsFor(step.transition, order, reference.staff, step.previousAssignee, {
      switches: reference.settings,
      actorEmail,
    });
    for (const { kind, to } of planned) {
      const group = `${kind}\n${to.join('\n')}`;
      const plan = plans.get(group);
      if (plan) plan.ids.push(order.id);
      else plans.set(group, { kind, to, ids: [order.id] });
    }
  }
  return { recordId: pending[0]?.order.id ?? '', planned: [...plans.values()] };
}

/**
 * Records the emails the steps owe with the rows just written (call it before the register write;
 * commit the rows with what it returns). Null when they owe none.
 */
export function intendStepEmails(
  logged: LoggedRows,
  reference: Pick<ReferenceData, 'settings' | 'staff'>,
  pending: readonly PendingEmail[],
  actorEmail: string,
): MailIntent | null {
  if (pending.length === 0) return null;
  const { recordId, planned } = planStepEmails(reference, pending, actorEmail);
  return logged.intend(recordId, planned);
}

function composeStepEmails(
  ss: Spreadsheet,
  reference: ReferenceData,
  pending: readonly PendingEmail[],
  actorEmail: string,
  now: Date,
): { emails: OutgoingEmail[]; bulk: boolean } {
  const orders = new Map(pending.map((p) => [p.order.id, p.order]));
  // The assignee's email carries the order's update-form link (one property read, only for assignments).
  const assigns = pending.some((p) => ['assign', 'reassign'].includes(p.step.transition.action));
  return composePlanned(planStepEmails(reference, pending, actorEmail), (id) => orders.get(id), {
    timeZone: reference.timeZone,
    organizationName: reference.settings.organizationName,
    link: ss.getUrl(),
    now,
    supervisors: supervisorEmails(reference.staff),
    updateLinkOf: assigns ? updateLinkFor() : undefined,
  });
}

/**
 * Sends what the steps owe, once their intent is released (`intent`, from intendStepEmails): when
 * releasing it fails, the next change to the log queues them instead, and nothing is sent here.
 */
export function notifySteps(
  ss: Spreadsheet,
  reference: ReferenceData,
  pending: readonly PendingEmail[],
  actorEmail: string,
  now: Date,
  intent: MailIntent | null,
): void {
  if (pending.length === 0) return;
  // Composed before the intent is released: a failure here leaves them to the next change to queue.
  let composed: { emails: OutgoingEmail[]; bulk: boolean };
  try {
    composed = composeStepEmails(ss, reference, pending, actorEmail, now);
  } catch (error) {
    console.error(`Emails about ${pending[0]?.order.id ?? ''} left for the next change: ${String(error)}`);
    return;
  }
  if (!releaseMailIntent(intent)) return;
  const { emails, bulk } = composed;
  if (!bulk) {
    for (const email of emails) deliver(ss, email, now);
    return;
  }
  try {
    // A few people concerned: their one email each goes now (one quota read; what the quota does not
    // cover is queued in one write). Many: all queued in one write, for the hourly drain.
    if (emails.length <= BULK_EMAILS) deliverAll(ss, emails, now);
    else queueEmails(ss, emails, now);
  } catch (error) {
    // The changes are made and logged; the Change Log names every order these emails were about.
    console.error(`The emails of a ${pending.length}-row change could not be queued: ${String(error)}`);
  }
}
