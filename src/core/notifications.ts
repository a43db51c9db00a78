/**
 * Email composition. Every email is built from one structure rendered twice, as plain text and as fully
 * escaped HTML; subjects are one line and start with the work-order number ([WO-2026-00042]), or the
 * request id ([REQ-000123]) before there is one, so replies and filters thread by work order.
 */
import type { Amendment, Transition } from './lifecycle-table';
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
  'reprioritized',
  'redated',
  'emergency',
  'respondReminder',
  'respondEscalation',
  'workDone',
  'delayed',
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
  /** Why a supervisor changed the priority or due date. */
  reason?: string;
  /** The due date before a re-dating or re-prioritization. */
  previousDue?: Date | null;
  /** The Respond Within target (hours) of a request awaiting a decision. */
  respondHours?: number | null;
  /** The order's row in the register, named next to the link so staff land on it. */
  row?: number;
  /** The requestors' reply form for this request, and whether it arrives with the id filled in. */
  reply?: { link: string; prefilled: boolean };
  /** The order's pre-filled update-form link, put in the assignee's email (for a phone). */
  updateLink?: string;
}

/** Longest text of one field in an email: longer ones are cut, the full text being in the register. */
export const EMAIL_TEXT_LIMIT = 600;

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
    reprioritized: [...requestor, ...assignee],
    redated: [...requestor, ...assignee],
    workDone: requestor,
    delayed: requestor,
    emergency: supervisors,
    respondReminder: supervisors,
    respondEscalation: supervisors,
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
  'emergency',
  'respondReminder',
  'respondEscalation',
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
        extra.reply
          ? `Please answer with the reply form below: your answer goes on the record of your request${extra.reply.prefilled ? '' : ` (give its reference, ${order.id})`}.`
          : 'Please reply to this email with the answer.',
      ]);
    case 'approved':
      return c('Approved', [
        `Your request ${order.id} was approved as work order ${order.woNumber}.`,
        extra.reply ? 'To add information to it, use the reply form below: it goes on its record.' : '',
      ]);
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
    case 'reprioritized':
      return c(`Priority changed to ${order.priority}`, [
        `The priority of ${ref} is now ${order.priority}${due ? `; it is now due ${due}` : ''}.`,
        extra.reason ? `Reason: ${extra.reason}` : '',
      ]);
    case 'redated':
      return c('New due date', [
        `${ref} is now due ${due}${extra.previousDue ? ` (it was due ${formatLocal(extra.previousDue, extra.timeZone)})` : ''}.`,
        extra.reason ? `Reason: ${extra.reason}` : '',
      ]);
    case 'workDone':
      return c('Work done', [
        `The work on your request ${order.id} is done. A supervisor will check it and close it.`,
      ]);
    case 'delayed':
      return c('Delayed', [
        `Work order ${ref} was due ${due} and is not finished yet. We are sorry for the delay; you will hear from us when it is done.`,
      ]);
    case 'emergency':
      return c('EMERGENCY request', [
        `${order.requesterName || order.requesterEmail || 'A requestor'} reported an emergency at ${order.location || 'an unknown location'}. It needs a decision now.`,
        waitedLine(order, extra),
      ]);
    case 'respondReminder':
      return c('Awaiting a decision', [
        `Request ${order.id} is still waiting for a supervisor's decision. ${waitedLine(order, extra)}`,
      ]);
    case 'respondEscalation':
      return c('Escalation: no decision yet', [
        `Request ${order.id} has had no decision within its response target. ${waitedLine(order, extra)}`,
      ]);
    case 'escalation':
      return c('Escalation: overdue', [
        `Work order ${ref} has been overdue for ${overdueHours} hour${overdueHours === 1 ? '' : 's'}.`,
        order.assignee ? `Assignee: ${order.assignee}` : 'It has no assignee.',
      ]);
  }
  function c(title: string, intro: string[]): Content {
    const action = extra.reply ? { label: 'Reply about your request', url: extra.reply.link } : undefined;
    return { title, intro: intro.filter((l) => l !== ''), details: detailsOf(order, kind, due), action };
  }
}

/** "Submitted 3 hours ago (respond within 1 hour)." */
function waitedLine(order: WorkOrder, extra: EmailExtra): string {
  if (!order.requestedAt || !extra.now) return '';
  const hours = Math.max(0, Math.floor(hoursBetween(order.requestedAt, extra.now)));
  const target = extra.respondHours ? ` (respond within ${plural(extra.respondHours, 'hour')})` : '';
  return `Submitted ${hours === 0 ? 'less than an hour' : plural(hours, 'hour')} ago${target}.`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** `text` cut at EMAIL_TEXT_LIMIT characters (never inside a surrogate pair), marked as cut. */
export function cutForEmail(text: string, limit = EMAIL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}… [shortened: ${text.length - end} more characters in the register]`;
}

/** Kinds whose reader does the work: they get what the job needs (urgency, resources, who to call). */
const WORKER_KINDS: ReadonlySet<EmailKind> = new Set<EmailKind>([
  'assigned',
  'returned',
  'dueSoon',
  'overdueReminder',
]);
/** Kinds about a request awaiting a decision: the supervisor needs who asked and how urgent. */
const DECISION_KINDS: ReadonlySet<EmailKind> = new Set<EmailKind>([
  'emergency',
  'respondReminder',
  'respondEscalation',
]);

function detailsOf(order: WorkOrder, kind: EmailKind, due: string): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Request', order.id],
    ['Work order', order.woNumber],
    ['Description', cutForEmail(order.description)],
    ['Location', order.location],
  ];
  if (WORKER_KINDS.has(kind) || DECISION_KINDS.has(kind)) {
    const requester = [order.requesterName, order.requesterEmail ? `<${order.requesterEmail}>` : '']
      .filter((p) => p !== '')
      .join(' ');
    rows.push(['Urgency', order.urgency], ['Requester', requester]);
  }
  if (WORKER_KINDS.has(kind)) rows.push(['Required resources', cutForEmail(order.resources)]);
  if (kind !== 'acknowledgment' && kind !== 'clarification' && !DECISION_KINDS.has(kind)) {
    rows.push(['Category', order.category], ['Priority', order.priority], ['Due', due]);
  }
  if (kind === 'completed' || kind === 'closed' || kind === 'workDone')
    rows.push(['Results', cutForEmail(order.results)], ['Actions taken', cutForEmail(order.actions)]);
  return rows.filter(([, v]) => v.trim() !== '');
}

/** Builds one email about one work order; its kind goes with it, so the sender can tell what may wait for a digest. */
export function composeEmail(
  kind: EmailKind,
  order: WorkOrder,
  extra: EmailExtra,
): Email & { kind: EmailKind } {
  const content = contentFor(kind, order, extra);
  const to = extra.to ? cleanRecipients(extra.to) : defaultRecipients(kind, order, extra);
  const subject = singleLine(
    `[${reference(order)}] ${content.title}: ${singleLine(order.description, 60)}`,
    250,
  );
  const link = STAFF_KINDS.has(kind) ? (extra.link ?? '') : '';
  if (link && extra.row) content.details.push(['Register row', `Work Orders, row ${extra.row}`]);
  return { to, subject, ...renderEmail(content, link, signatureOf(extra.organizationName)), kind };
}

export interface PlannedEmail {
  kind: EmailKind;
  to: string[];
}

/** Kinds written for staff whose news the requestor gets in words of their own. */
const REQUESTOR_KIND: Partial<Record<EmailKind, EmailKind>> = { completed: 'workDone' };

const KIND_OF_ACTION: Partial<Record<Transition['action'] | Amendment['action'], EmailKind>> = {
  reprioritize: 'reprioritized',
  redate: 'redated',
  reassignWork: 'assigned',
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
  transition: Pick<Transition | Amendment, 'action' | 'notify'>,
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
  const requestor: string[] = [];
  // The requestor gets their own wording where the kind speaks to staff ("please review and close").
  const ownKind = REQUESTOR_KIND[kind];
  for (const recipient of transition.notify) {
    if (recipient === 'requestor' && s.notifyRequestor)
      (ownKind ? requestor : main).push(order.requesterEmail);
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
    ...(ownKind ? [{ kind: ownKind, to: keep(requestor) }] : []),
  ];
  return planned.filter((p) => p.to.length > 0);
}

export { composeDigest } from './digest';
export type { DigestInput } from './digest';
export { cleanRecipients } from './email-format';
export type { Email } from './email-format';
