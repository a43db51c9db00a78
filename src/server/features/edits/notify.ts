/**
 * The emails of status steps taken in the sheet, sent after the locks are released: the lifecycle
 * table's notify list through recipientsFor (Settings switches honoured, the editor not emailed about
 * their own change), composed by composeEmail, sent or queued in the Outbox by sendOrQueue.
 * On Hold tells the requestor and the supervisors (a delay), Completed the supervisors, an assignment
 * the technician (and the one it was taken from).
 */
import { composeEmail, recipientsFor } from '../../../core/notifications';
import type { WorkOrder } from '../../../core/model';
import { supervisorEmails } from '../../../core/staff';
import type { ReferenceData } from '../../adapters/reference-data';
import { sendOrQueue, type OutgoingEmail } from '../../adapters/mailer';
import type { Step } from './judge';
import { updateLinkFor } from '../my-work/update-link';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PendingEmail {
  step: Step;
  /** The order after the edit. */
  order: WorkOrder;
}

function deliver(ss: Spreadsheet, email: OutgoingEmail, now: Date): void {
  try {
    sendOrQueue(ss, email, now);
  } catch (error) {
    // The change is made and logged; only an email that could not even be queued ends up here.
    console.error(`Email about ${email.recordId} could not be sent or queued: ${String(error)}`);
  }
}

export function notifySteps(
  ss: Spreadsheet,
  reference: ReferenceData,
  pending: readonly PendingEmail[],
  actorEmail: string,
  now: Date,
): void {
  if (pending.length === 0) return;
  const { settings, staff, timeZone } = reference;
  const supervisors = supervisorEmails(staff);
  // The assignee's email carries the order's update-form link (one property read, only for assignments).
  const assigns = pending.some((p) => ['assign', 'reassign'].includes(p.step.transition.action));
  const linkFor = assigns ? updateLinkFor() : null;
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
        link: ss.getUrl(),
        now,
        updateLink: linkFor?.(order),
      });
      deliver(ss, { ...email, recordId: order.id }, now);
    }
  }
}
