/**
 * A new emergency request is not left to wait for the hourly run: the moment intake records it, the
 * supervisors (administrators when there are none) are emailed, with where, who and a link to the
 * register. The hourly job then holds it to its Respond Within target like any request.
 *
 * The alert is owed durably, like the acknowledgment: intake records it in the same writes (the
 * pending submission in a document, features/intake/pending-ack.ts; the hourly job's mail intent), so
 * an execution that dies before sending it leaves it for the next one to queue. Only an emergency's
 * plan carries it, so an ordinary submission's writes are unchanged.
 */
import type { WorkOrder } from '../../../core/model';
import { composeEmail } from '../../../core/notifications';
import { isEmergency } from '../../../core/sla';
import { administratorEmails, supervisorEmails } from '../../../core/staff';
import { emailExtraOf, type PlannedMail } from '../../adapters/change-log-mail';
import { sendOrQueue, type Delivery } from '../../adapters/mailer';
import type { ReferenceData } from '../../adapters/reference-data';
import { respondHoursFor } from '../hourly/thresholds';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/**
 * The alert `order` owes, to record with its acknowledgment: null when it is not an emergency or
 * supervisors' emails are off. The recipients are fixed now (supervisors, else administrators), so
 * whoever settles it later writes to the same people the submission would have.
 */
export function emergencyAlertPlan(reference: ReferenceData, order: WorkOrder): PlannedMail | null {
  const { settings, staff } = reference;
  if (!settings.notifySupervisors || !isEmergency(order, settings.priorities)) return null;
  const supervisors = supervisorEmails(staff);
  const to = supervisors.length > 0 ? supervisors : administratorEmails(staff);
  const respondHours = respondHoursFor(order, settings.priorities);
  return {
    kind: 'emergency',
    to,
    ...(respondHours === null ? {} : { respondHours }),
    // Said in the text: an administrator who is not used to deciding requests learns why it is theirs.
    ...(supervisors.length === 0 ? { noSupervisor: true as const } : {}),
  };
}

/** Emails the supervisors the alert `plan` (emergencyAlertPlan) recorded for `order`. */
export function sendEmergencyAlert(
  ss: Spreadsheet,
  reference: ReferenceData,
  order: WorkOrder,
  plan: PlannedMail,
  now: Date,
): Delivery {
  const email = composeEmail('emergency', order, {
    timeZone: reference.timeZone,
    organizationName: reference.settings.organizationName,
    link: ss.getUrl(),
    now,
    ...emailExtraOf(plan),
  });
  return sendOrQueue(ss, { ...email, recordId: order.id }, now);
}
