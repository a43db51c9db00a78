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
import { composeBulkNotices } from '../../../core/bulk-notice';
import type { Email } from '../../../core/email-format';
import { composeEmail, recipientsFor } from '../../../core/notifications';
import type { WorkOrder } from '../../../core/model';
import { supervisorEmails } from '../../../core/staff';
import type { ReferenceData } from '../../adapters/reference-data';
import { queueEmails, sendOrQueue, type OutgoingEmail } from '../../adapters/mailer';
import { deliverAll } from '../../adapters/outbox';
import type { Step } from './judge';
import { updateLinkFor } from '../my-work/update-link';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PendingEmail {
  step: Step;
  /** The order after the edit. */
  order: WorkOrder;
}

/** More emails than this from one edit are sent as one email per recipient. */
export const BULK_EMAILS = 10;

function deliver(ss: Spreadsheet, email: OutgoingEmail, now: Date): void {
  try {
    sendOrQueue(ss, email, now);
  } catch (error) {
    // The change is made and logged; only an email that could not even be queued ends up here.
    console.error(`Email about ${email.recordId} could not be sent or queued: ${String(error)}`);
  }
}

/** The emails the steps owe, one per step and recipient group, as composeEmail writes them. */
function composeAll(
  ss: Spreadsheet,
  reference: ReferenceData,
  pending: readonly PendingEmail[],
  actorEmail: string,
  now: Date,
): OutgoingEmail[] {
  const { settings, staff, timeZone } = reference;
  const supervisors = supervisorEmails(staff);
  // The assignee's email carries the order's update-form link (one property read, only for assignments).
  const assigns = pending.some((p) => ['assign', 'reassign'].includes(p.step.transition.action));
  const linkFor = assigns ? updateLinkFor() : null;
  const link = ss.getUrl();
  const out: OutgoingEmail[] = [];
  for (const { step, order } of pending) {
    const planned = recipientsFor(step.transition, order, staff, step.previousAssignee, {
      switches: settings,
      actorEmail,
    });
    for (const { kind, to } of planned) {
      const email = composeEmail(kind, order, {
        timeZone,
        organizationName: settings.organizationName,
        to,
        supervisors,
        previousAssignee: step.previousAssignee,
        link,
        now,
        updateLink: linkFor?.(order),
      });
      out.push({ ...email, recordId: order.id });
    }
  }
  return out;
}

export function notifySteps(
  ss: Spreadsheet,
  reference: ReferenceData,
  pending: readonly PendingEmail[],
  actorEmail: string,
  now: Date,
): void {
  if (pending.length === 0) return;
  const emails = composeAll(ss, reference, pending, actorEmail, now);
  if (emails.length <= BULK_EMAILS) {
    for (const email of emails) deliver(ss, email, now);
    return;
  }
  const notices = composeBulkNotices({
    emails: emails as readonly Email[],
    now,
    timeZone: reference.timeZone,
    organizationName: reference.settings.organizationName,
    link: ss.getUrl(),
  });
  const first = pending[0]?.order.id ?? '';
  const recordId = pending.length === 1 ? first : `${first} and ${pending.length - 1} more`;
  const outgoing = notices.map((notice) => ({ ...notice, recordId }));
  try {
    // A few people concerned: their one email each goes now (one quota read; what the quota does not
    // cover is queued in one write). Many: all queued in one write, for the hourly drain.
    if (outgoing.length <= BULK_EMAILS) deliverAll(ss, outgoing, now);
    else queueEmails(ss, outgoing, now);
  } catch (error) {
    // The changes are made and logged; the Change Log names every order these emails were about.
    console.error(`The emails of a ${pending.length}-row change could not be queued: ${String(error)}`);
  }
}
