/**
 * What each kind of email says: its title, its opening lines, and which of the work order's details
 * it lists (a technician gets what the job needs, a supervisor who asked and how urgent). Long texts
 * are cut, the full text being in the register. Rendering is ./email-format's.
 */
import type { WorkOrder } from './model';
import type { Content } from './email-format';
import type { EmailExtra, EmailKind } from './email-kinds';
import { formatLocal, hoursBetween } from './time';

/** Longest text of one field in an email: longer ones are cut, the full text being in the register. */
export const EMAIL_TEXT_LIMIT = 600;

export function reference(order: WorkOrder): string {
  return order.woNumber || order.id;
}

/** The title, opening lines and details of one email about `order`. */
export function contentFor(kind: EmailKind, order: WorkOrder, extra: EmailExtra): Content {
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
      // The Due shown is the one before the hold: resuming moves it by the working time held.
      return c('On hold', [
        `Work order ${ref} is on hold, which delays it.`,
        `Reason: ${reason}`,
        'The due date below moves later by the working time it spends on hold, once work resumes.',
      ]);
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
      return c('Due soon', [`Work order ${ref} is due ${due}.`, goneLine(extra)]);
    case 'overdueReminder':
      return c('Overdue', [`Work order ${ref} was due ${due} and is not completed yet.`, goneLine(extra)]);
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
    case 'workReopened':
      // No reason: a return's is written to the technician about their work, and stays internal (a
      // hold's, a cancellation's or a rejection's is written knowing the requestor is told it).
      return c('Work not finished yet', [
        `The work on your request ${order.id} was reported done, but a supervisor found it is not finished yet: it has been sent back to be finished. We will tell you when it is done.`,
      ]);
    case 'delayed':
      return c('Delayed', [
        `Work order ${ref} was due ${due} and is not finished yet. We are sorry for the delay; you will hear from us when it is done.`,
      ]);
    case 'requestorReply':
      return c('Requestor replied', [
        extra.question
          ? `The requestor of ${ref} answered the question "${cutForEmail(extra.question, 200)}":`
          : `The requestor of ${ref} added information:`,
        cutForEmail(extra.answer ?? ''),
        'It is on the work order’s Progress Notes.',
      ]);
    case 'emergency':
      return c('EMERGENCY request', [
        `${order.requesterName || order.requesterEmail || 'A requestor'} reported an emergency at ${order.location || 'an unknown location'}. It needs a decision now.`,
        waitedLine(order, extra),
        extra.noSupervisor
          ? 'No supervisor is active on the Staff tab, so it comes to the administrators: decide it in the register (Extensions › Work Orders › Review & assign), and make a supervisor active there for the next one.'
          : DECIDE_IT,
      ]);
    case 'respondReminder':
      return c('Awaiting a decision', [
        `Request ${order.id} is still waiting for a supervisor's decision. ${waitedLine(order, extra)}`,
        DECIDE_IT,
      ]);
    case 'respondEscalation':
      return c('Escalation: no decision yet', [
        `Request ${order.id} has had no decision within its response target. ${waitedLine(order, extra)}`,
        DECIDE_IT,
      ]);
    case 'escalation':
      return c('Escalation: overdue', [
        `Work order ${ref} has been overdue for ${overdueHours} hour${overdueHours === 1 ? '' : 's'}.`,
        extra.assigneeGone
          ? goneLine(extra)
          : order.assignee
            ? `Assignee: ${order.assignee}`
            : 'It has no assignee.',
      ]);
  }
  function c(title: string, intro: string[]): Content {
    const action = extra.reply ? { label: 'Reply about your request', url: extra.reply.link } : undefined;
    return { title, intro: intro.filter((l) => l !== ''), details: detailsOf(order, kind, due), action };
  }
}

/** Said to the supervisors about work held by someone who can no longer be given work. */
function goneLine(extra: EmailExtra): string {
  if (!extra.assigneeGone) return '';
  return `Its assignee, ${extra.assigneeGone}, can no longer be given work (not active as a Technician, Supervisor or Administrator on the Staff tab): reassign it in Review & assign.`;
}

/** "Submitted 3 hours ago (respond within 1 hour)." */
/** Where a request awaiting a decision is decided: the staff emails about one say it, not only that it waits. */
const DECIDE_IT = 'Decide it in the register: Extensions › Work Orders › Review & assign.';

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
