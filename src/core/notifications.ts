/**
 * Email composition. Every email is built from one structure rendered twice, as plain text and as fully
 * escaped HTML; subjects are one line and start with the work-order number ([WO-2026-00042]), or the
 * request id ([REQ-000123]) before there is one, so replies and filters thread by work order.
 */
import type { Transition } from './lifecycle-table';
import type { StaffMember, WorkOrder } from './model';
import type { NotifySwitches } from './settings-model';
import { cleanRecipients, renderEmail, signatureOf, type Content, type Email } from './email-format';
import { singleLine } from './sanitize';
import { administratorEmails, supervisorEmails } from './staff';
import { formatLocal, hoursBetween } from './time';

export const EMAIL_KINDS = [
  'acknowledgment',
  'clarification',
  'approved',
  'rejected',
  'assigned',
  'unassigned',
  'onHold',
  'completed',
  'closed',
  'returned',
  'cancelled',
  'dueSoon',
  'overdueReminder',
  'escalation',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export interface EmailExtra {
  timeZone: string;
  organizationName?: string;
  /** Recipients; when absent, the kind's usual ones (see `defaultRecipients`). */
  to?: readonly string[];
  supervisors?: readonly string[];
  previousAssignee?: string;
  /** The question of a clarification request. */
  question?: string;
  /** Link to the spreadsheet, only put in emails to staff (requestors may have no access). */
  link?: string;
  /** For overdue/due-soon wording. */
  now?: Date;
  /** The order's pre-filled update-form link, put in the assignee's email (for a phone). */
  updateLink?: string;
}

/** The kind's usual recipients. */
export function defaultRecipients(kind: EmailKind, order: WorkOrder, extra: EmailExtra): string[] {
  const requestor = [order.requesterEmail];
  const assignee = [order.assignee];
  const supervisors = [...(extra.supervisors ?? [])];
  const map: Record<EmailKind, string[]> = {
    acknowledgment: requestor,
    clarification: requestor,
    approved: requestor,
    rejected: requestor,
    closed: requestor,
    assigned: assignee,
    returned: assignee,
    dueSoon: assignee,
    overdueReminder: assignee,
    unassigned: [extra.previousAssignee ?? ''],
    onHold: [...requestor, ...supervisors],
    completed: supervisors,
    escalation: supervisors,
    cancelled: [...requestor, ...assignee],
  };
  return cleanRecipients(map[kind]);
}

const STAFF_KINDS: ReadonlySet<EmailKind> = new Set<EmailKind>([
  'assigned',
  'unassigned',
  'completed',
  'returned',
  'dueSoon',
  'overdueReminder',
  'escalation',
]);

function reference(order: WorkOrder): string {
  return order.woNumber || order.id;
}

function contentFor(kind: EmailKind, order: WorkOrder, extra: EmailExtra): Content {
  const ref = reference(order);
  const due = order.due ? `${formatLocal(order.due, extra.timeZone)} (${extra.timeZone})` : '';
  const reason = order.reason;
  const overdueHours =
    extra.now && order.due ? Math.max(0, Math.floor(hoursBetween(order.due, extra.now))) : 0;
  switch (kind) {
    case 'acknowledgment':
      return c('Request received', [
        `We received your request. Its reference is ${order.id}; a supervisor will review it.`,
      ]);
    case 'clarification':
      return c('Question about your request', [
        `Before we can act on request ${order.id}, we need more information:`,
        extra.question ?? '',
        'Please reply to this email with the answer.',
      ]);
    case 'approved':
      return c('Approved', [`Your request ${order.id} was approved as work order ${order.woNumber}.`]);
    case 'rejected':
      return c('Not approved', [`Your request ${order.id} was not approved.`, `Reason: ${reason}`]);
    case 'assigned':
      return c('Assigned to you', [
        `Work order ${ref} is assigned to you.`,
        ...(extra.updateLink && /^https:\/\/\S+$/.test(extra.updateLink)
          ? [`To update it from a phone, open ${extra.updateLink}`]
          : []),
      ]);
    case 'unassigned':
      return c('Reassigned', [
        `Work order ${ref} has been reassigned to someone else; no further action is needed from you.`,
      ]);
    case 'onHold':
      return c('On hold', [`Work order ${ref} is on hold, which delays it.`, `Reason: ${reason}`]);
    case 'completed':
      return c('Completed, ready for review', [
        `Work order ${ref} was completed. Please review it and close it.`,
      ]);
    case 'closed':
      return c('Closed', [`Work order ${ref} is complete and closed. Thank you for your request.`]);
    case 'returned':
      return c('Returned for more work', [`Work order ${ref} was sent back to you.`, `Reason: ${reason}`]);
    case 'cancelled':
      return c('Cancelled', [`Work order ${ref} was cancelled.`, `Reason: ${reason}`]);
    case 'dueSoon':
      return c('Due soon', [`Work order ${ref} is due ${due}.`]);
    case 'overdueReminder':
      return c('Overdue', [`Work order ${ref} was due ${due} and is not completed yet.`]);
    case 'escalation':
      return c('Escalation: overdue', [
        `Work order ${ref} has been overdue for ${overdueHours} hour${overdueHours === 1 ? '' : 's'}.`,
        order.assignee ? `Assignee: ${order.assignee}` : 'It has no assignee.',
      ]);
  }
  function c(title: string, intro: string[]): Content {
    return { title, intro: intro.filter((l) => l !== ''), details: detailsOf(order, kind, due) };
  }
}

function detailsOf(order: WorkOrder, kind: EmailKind, due: string): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Request', order.id],
    ['Work order', order.woNumber],
    ['Description', order.description],
    ['Location', order.location],
  ];
  if (kind !== 'acknowledgment' && kind !== 'clarification') {
    rows.push(['Category', order.category], ['Priority', order.priority], ['Due', due]);
  }
  if (kind === 'completed' || kind === 'closed')
    rows.push(['Results', order.results], ['Actions taken', order.actions]);
  return rows.filter(([, v]) => v.trim() !== '');
}

/** Builds one email about one work order. */
export function composeEmail(kind: EmailKind, order: WorkOrder, extra: EmailExtra): Email {
  const content = contentFor(kind, order, extra);
  const to = extra.to ? cleanRecipients(extra.to) : defaultRecipients(kind, order, extra);
  const subject = singleLine(
    `[${reference(order)}] ${content.title}: ${singleLine(order.description, 60)}`,
    250,
  );
  const link = STAFF_KINDS.has(kind) ? (extra.link ?? '') : '';
  return { to, subject, ...renderEmail(content, link, signatureOf(extra.organizationName)) };
}

export interface PlannedEmail {
  kind: EmailKind;
  to: string[];
}

const KIND_OF_ACTION: Partial<Record<Transition['action'], EmailKind>> = {
  approve: 'approved',
  reject: 'rejected',
  assign: 'assigned',
  reassign: 'assigned',
  hold: 'onHold',
  complete: 'completed',
  close: 'closed',
  return: 'returned',
  cancel: 'cancelled',
};

/**
 * Who gets which email after a transition, from the table's notify list, honouring the Settings
 * switches. Supervisors are the active Supervisors (administrators when there are none). The person
 * who made the change is not emailed about it. `order` is the work order after the transition.
 */
export function recipientsFor(
  transition: Transition,
  order: WorkOrder,
  staff: readonly StaffMember[],
  previousAssignee: string,
  options: { switches?: NotifySwitches; actorEmail?: string } = {},
): PlannedEmail[] {
  const kind = KIND_OF_ACTION[transition.action];
  if (!kind) return [];
  const s = options.switches ?? { notifyRequestor: true, notifyAssignee: true, notifySupervisors: true };
  const supervisors = supervisorEmails(staff);
  const main: string[] = [];
  const unassigned: string[] = [];
  for (const recipient of transition.notify) {
    if (recipient === 'requestor' && s.notifyRequestor) main.push(order.requesterEmail);
    if (recipient === 'assignee' && s.notifyAssignee) main.push(order.assignee);
    if (recipient === 'previousAssignee' && s.notifyAssignee) unassigned.push(previousAssignee);
    if (recipient === 'supervisors' && s.notifySupervisors) {
      main.push(...(supervisors.length > 0 ? supervisors : administratorEmails(staff)));
    }
  }
  const actor = (options.actorEmail ?? '').trim().toLowerCase();
  const keep = (list: string[]): string[] => cleanRecipients(list).filter((e) => e !== actor);
  const planned: PlannedEmail[] = [
    { kind, to: keep(main) },
    {
      kind: 'unassigned' as const,
      to: keep(unassigned).filter((e) => e !== order.assignee.trim().toLowerCase()),
    },
  ];
  return planned.filter((p) => p.to.length > 0);
}

export { composeDigest } from './digest';
export type { DigestInput } from './digest';
export { cleanRecipients } from './email-format';
export type { Email } from './email-format';
