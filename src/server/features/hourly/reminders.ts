import type { WorkOrder } from '../../../core/model';
import { composeEmail, type EmailKind } from '../../../core/notifications';
import { administratorEmails, supervisorEmails } from '../../../core/staff';
import type { OutgoingEmail } from '../../adapters/mailer';
import type { ReferenceData } from '../../adapters/reference-data';
import type { JobMail } from './job-mail';
import { readChunkedState, writeChunkedState } from '../../adapters/owner-chunks';
import { parseReminderState, planReminders, serializeReminderState, type ThresholdKind } from './thresholds';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Owner state (per spreadsheet): the thresholds each open work order has had. */
export const REMINDER_STATE = 'reminders';

export type ReminderCounts = Record<ThresholdKind, number>;

/**
 * Due-soon and overdue reminders to the assignee, escalation to supervisors (administrators when there
 * are none), each once per threshold. The state is saved after the emails are handed to the mailer
 * (sent or queued): a run that dies in between repeats a reminder rather than losing one. Settings
 * switches are honoured; a reminder nobody is to receive still counts as handled.
 */
export function sendReminders(
  ss: Spreadsheet,
  reference: ReferenceData,
  orders: readonly WorkOrder[],
  now: Date,
  mail: JobMail,
): ReminderCounts {
  const { settings, staff, timeZone } = reference;
  const ssId = ss.getId();
  const previous = parseReminderState(readChunkedState(ssId, REMINDER_STATE));
  const { due, next } = planReminders(orders, previous, now, settings);
  const supervisors = supervisorEmails(staff);
  const escalateTo = supervisors.length > 0 ? supervisors : administratorEmails(staff);
  const link = ss.getUrl();
  const counts: ReminderCounts = { dueSoon: 0, overdueReminder: 0, escalation: 0 };
  const emails: OutgoingEmail[] = [];
  for (const { kind, order } of due) {
    const enabled = kind === 'escalation' ? settings.notifySupervisors : settings.notifyAssignee;
    const to = !enabled ? [] : kind === 'escalation' ? escalateTo : [order.assignee];
    const email = composeEmail(kind satisfies EmailKind, order, {
      timeZone,
      organizationName: settings.organizationName,
      supervisors: escalateTo,
      link,
      now,
      to,
    });
    if (email.to.length === 0) continue;
    emails.push({ ...email, recordId: order.id });
    counts[kind]++;
  }
  mail.deliver(emails);
  const serialized = serializeReminderState(next);
  if (serialized !== serializeReminderState(previous)) writeChunkedState(ssId, REMINDER_STATE, serialized);
  return counts;
}
