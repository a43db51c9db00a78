import { OPEN_STATUSES, type WorkOrder } from '../../../core/model';
import { composeUndecidedSummary } from '../../../core/digest';
import { composeEmail, type EmailKind } from '../../../core/notifications';
import { remindedAssignee } from '../../../core/email-recipients';
import { reportProblem } from '../errors/report';
import { agreesOn } from '../../adapters/row-state-agreement';
import { administratorEmails, nameOf, supervisorEmails } from '../../../core/staff';
import type { OutgoingEmail } from '../../adapters/mailer';
import type { ReferenceData } from '../../adapters/reference-data';
import type { JobMail } from './job-mail';
import type { HourlyRegister } from './register-view';
import { readChunkedState, writeChunkedState } from '../../adapters/owner-chunks';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { asRecorded, pickRecorded, reportRecorded } from './recorded-work';
import {
  parseReminderState,
  planReminders,
  respondHoursFor,
  serializeReminderState,
  type ThresholdKind,
} from './thresholds';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Owner state (per spreadsheet): the thresholds each open work order has had. */
export const REMINDER_STATE = 'reminders';

/** What deciding the thresholds reads of each open order (an email reads its whole row). */
const PLAN_FIELDS = ['due', 'priority', 'urgency', 'requestedAt'] as const;
/** Owner state (per spreadsheet): the Request ID of the first open order, as recorded, at the last run. */
export const FIRST_OPEN = 'firstOpenOrder';

/** Per threshold; the response-target ones are counted when any was sent. */
export type ReminderCounts = Record<'dueSoon' | 'overdueReminder' | 'escalation', number> &
  Partial<Record<'respondReminder' | 'respondEscalation', number>>;

/** "Tina Tech (tina@example.com)", or the address alone when the Staff tab gives no name. */
function assigneeName(staff: ReferenceData['staff'], email: string): string {
  const name = nameOf(staff, email);
  return name === email ? email : `${name} (${email})`;
}

/**
 * Due-soon and overdue reminders to the assignee (to the supervisors when the assignee can no longer
 * be given work), escalation to supervisors (administrators when there
 * are none); for requests still awaiting a decision, a reminder to supervisors at half their Respond
 * Within and an escalation (supervisors and administrators) at it; each once per threshold. The state is saved after the emails are handed to the mailer
 * (sent or queued): a run that dies in between repeats a reminder rather than losing one. Settings
 * switches are honoured; a reminder nobody is to receive still counts as handled.
 */
export function sendReminders(
  ss: Spreadsheet,
  reference: ReferenceData,
  register: HourlyRegister,
  now: Date,
  mail: JobMail,
  source = 'onHourlyTrigger',
): ReminderCounts {
  const { settings, staff, timeZone } = reference;
  const ssId = ss.getId();
  const previous = parseReminderState(readChunkedState(ssId, REMINDER_STATE));
  const firstKnown = readOwnerState(ssId, FIRST_OPEN);
  if (firstKnown) register.includeFrom(firstKnown);
  const work = asRecorded(register, register.openWork(PLAN_FIELDS), timeZone);
  const { open, original } = work;
  const planned = planReminders(open, previous, now, { ...settings, timeZone });
  const { next } = planned;
  // The emails need every field: only the orders being told about are read whole. One whose row no
  // longer reads as a work order is left out, and its state with it, as if it had not been read at all.
  const rowOrder = (order: WorkOrder): WorkOrder => original.get(order) ?? order;
  const whole = register.whole(
    planned.due.map((d) => rowOrder(d.order)),
    timeZone,
  );
  const due = planned.due.flatMap(({ kind, order }) => {
    const full = whole.get(rowOrder(order));
    // What the reminder was decided from goes into its email too (the recorded Due, not a forged one).
    if (full)
      return [{ kind, order: { ...full.order, ...pickRecorded(order) }, disagreement: full.disagreement }];
    next.delete(order.id);
    return [];
  });
  // Emails not sent because their address is not one the add-on can vouch for (named to the administrators).
  const withheld: string[] = [];
  const supervisors = supervisorEmails(staff);
  const escalateTo = supervisors.length > 0 ? supervisors : administratorEmails(staff);
  const link = ss.getUrl();
  const counts: ReminderCounts = {
    dueSoon: 0,
    overdueReminder: 0,
    escalation: 0,
    respondReminder: 0,
    respondEscalation: 0,
  };
  const emails: OutgoingEmail[] = [];
  // A request left undecided past its target is escalated to the administrators as well.
  const undecidedTo = [...escalateTo, ...administratorEmails(staff)];
  // Requests crossing a response threshold together are told in one email per stage (see below).
  const undecided = { respondReminder: [] as WorkOrder[], respondEscalation: [] as WorkOrder[] };
  for (const { kind, order, disagreement } of due) {
    if (kind === 'respondReminder' || kind === 'respondEscalation') {
      if (settings.notifySupervisors) undecided[kind].push(order);
      continue;
    }
    // An assignee who left (or can no longer be given work) is not reminded of work they cannot act
    // on: the supervisors are, so that someone reassigns it before it is overdue.
    const assignee = remindedAssignee(order, staff);
    const gone = order.assignee.trim() !== '' && assignee.length === 0;
    const assigneeKind = kind === 'dueSoon' || kind === 'overdueReminder';
    const toSupervisors = !assigneeKind || gone;
    const enabled = toSupervisors ? settings.notifySupervisors : settings.notifyAssignee;
    // The assignee's address is read from the row, which a script can write: one the Staff tab does not
    // list as active staff is never mailed (the supervisors are reminded instead, as for one who left),
    // and when the cell is not what Work Orders recorded the administrators are told as well.
    if (gone && assigneeKind && enabled && !agreesOn(disagreement, 'assignee'))
      withheld.push(
        `${order.woNumber || order.id} (Assignee "${order.assignee.slice(0, 60)}" is not active staff and was changed outside Work Orders)`,
      );
    const worker = gone ? escalateTo : assignee;
    const recipients: Record<ThresholdKind, string[]> = {
      dueSoon: worker,
      overdueReminder: worker,
      escalation: escalateTo,
      respondReminder: escalateTo,
      respondEscalation: undecidedTo,
    };
    const to = enabled ? recipients[kind] : [];
    const email = composeEmail(kind satisfies EmailKind, order, {
      timeZone,
      organizationName: settings.organizationName,
      supervisors: escalateTo,
      link,
      now,
      to,
      respondHours: respondHoursFor(order, settings.priorities),
      assigneeGone: gone ? assigneeName(staff, order.assignee) : undefined,
    });
    if (kind === 'overdueReminder' && settings.notifyRequestor) {
      // The requestor hears of the delay too, once, in their own words (no link to the register).
      const delayed = composeEmail('delayed', order, {
        timeZone,
        organizationName: settings.organizationName,
      });
      if (delayed.to.length > 0 && !agreesOn(disagreement, 'requesterEmail'))
        withheld.push(`${order.woNumber || order.id} (its Requester Email was changed outside Work Orders)`);
      else if (delayed.to.length > 0) emails.push({ ...delayed, recordId: order.id });
    }
    if (email.to.length === 0) continue;
    emails.push({ ...email, recordId: order.id });
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  for (const kind of ['respondReminder', 'respondEscalation'] as const) {
    const list = undecided[kind];
    const to = kind === 'respondEscalation' ? undecidedTo : escalateTo;
    const extra = { timeZone, organizationName: settings.organizationName, link, now, to };
    const only = list[0];
    const email =
      list.length === 1 && only
        ? {
            ...composeEmail(kind, only, {
              ...extra,
              respondHours: respondHoursFor(only, settings.priorities),
            }),
            recordId: only.id,
          }
        : list.length > 1
          ? {
              ...composeUndecidedSummary({
                ...extra,
                stage: kind === 'respondEscalation' ? 'escalation' : 'reminder',
                orders: list,
              }),
              recordId: '',
            }
          : null;
    if (email && email.to.length > 0) {
      emails.push(email);
      counts[kind] = list.length;
    }
  }
  mail.deliver(emails);
  if (withheld.length > 0)
    reportProblem(
      ss,
      {
        source: `${source} › reminders`,
        message: `${withheld.length} reminder email(s) were not sent: ${withheld.slice(0, 5).join('; ')}. An address written where Work Orders did not record it is not mailed: run Verify audit log to put back a value changed outside Work Orders, or assign the work order to active staff.`,
        key: 'reminders withheld',
      },
      now,
    );
  reportRecorded(ss, source, work, timeZone, now);
  const first = open.find((o) => OPEN_STATUSES.includes(o.status));
  if ((first?.id ?? '') !== (firstKnown ?? '')) writeOwnerState(ssId, FIRST_OPEN, first?.id ?? '');
  const serialized = serializeReminderState(next);
  if (serialized !== serializeReminderState(previous)) writeChunkedState(ssId, REMINDER_STATE, serialized);
  return counts;
}
