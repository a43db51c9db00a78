/**
 * The staff told of a requestor's reply: the supervisors (administrators when there are none) and
 * the order's technician when it has one who can still be given work. A supervisor who asked a
 * question, or a technician waiting on an answer, hears it has come instead of having to look. The
 * email is recorded with the reply's log row (an intent, change-log-mail.ts) and sent after the locks;
 * a failure to send leaves it to the next change to queue.
 */
import { composeEmail } from '../../../core/notifications';
import type { WorkOrder } from '../../../core/model';
import { activeTechnicians, administratorEmails, supervisorEmails } from '../../../core/staff';
import {
  emailExtraOf,
  releaseMailIntent,
  type MailIntent,
  type PlannedMail,
} from '../../adapters/change-log-mail';
import { sendOrQueue } from '../../adapters/mailer';
import type { ReferenceData } from '../../adapters/reference-data';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export function planReplyNotice(
  reference: ReferenceData,
  order: WorkOrder,
  question: string | undefined,
  answer: string,
): PlannedMail[] {
  const supervisors = supervisorEmails(reference.staff);
  const staff = supervisors.length > 0 ? supervisors : administratorEmails(reference.staff);
  const assignee = order.assignee.trim().toLowerCase();
  const working = activeTechnicians(reference.staff).some((m) => m.email === assignee);
  const { notifySupervisors, notifyAssignee } = reference.settings;
  const to = [
    ...new Set([...(notifySupervisors ? staff : []), ...(working && notifyAssignee ? [assignee] : [])]),
  ];
  return to.length > 0 ? [{ kind: 'requestorReply', to, question, answer }] : [];
}

export function sendReplyNotice(
  ss: Spreadsheet,
  reference: ReferenceData,
  order: WorkOrder,
  planned: readonly PlannedMail[],
  intent: MailIntent | null,
  now: Date,
  row: number,
): void {
  if (planned.length === 0 || !releaseMailIntent(intent)) return;
  for (const plan of planned) {
    const email = composeEmail(plan.kind, order, {
      timeZone: reference.timeZone,
      organizationName: reference.settings.organizationName,
      link: ss.getUrl(),
      row,
      ...emailExtraOf(plan),
    });
    try {
      sendOrQueue(ss, { ...email, recordId: order.id }, now);
    } catch (error) {
      // The reply is on the record; only an email that could not even be queued ends up here.
      console.error(`Email about the reply to ${order.id} could not be sent or queued: ${String(error)}`);
    }
  }
}
