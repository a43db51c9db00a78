/**
 * The emails of a sidebar action, sent after the document lock is released: the lifecycle table's
 * notify list through recipientsFor (Settings switches honoured, the supervisor not emailed about
 * their own change), composed by composeEmail, sent or queued by sendOrQueue.
 */
import { composeEmail, recipientsFor, type EmailKind } from '../../../core/notifications';
import type { ReferenceData } from '../../adapters/reference-data';
import { sendOrQueue, type OutgoingEmail } from '../../adapters/mailer';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import type { ActOutcome } from './act';
import { replyLinkFor } from './reply-form';
import type { Reviewer } from './caller';
import { updateLinkFor } from '../my-work/update-link';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Deliveries {
  sent: string[];
  queued: string[];
  failed: string[];
}

function deliver(ss: Spreadsheet, email: OutgoingEmail, now: Date, into: Deliveries): void {
  try {
    const result = sendOrQueue(ss, email, now);
    if (result === 'sent') into.sent.push(...email.to);
    if (result === 'queued') into.queued.push(...email.to);
  } catch (error) {
    // The change is made; only an email that could not even be queued is reported as failed.
    console.error(`Email about ${email.recordId} could not be sent or queued: ${String(error)}`);
    into.failed.push(...email.to);
  }
}

export function sendActionEmails(
  ss: Spreadsheet,
  reference: ReferenceData,
  reviewer: Reviewer,
  outcome: ActOutcome,
  now: Date,
): Deliveries {
  const into: Deliveries = { sent: [], queued: [], failed: [] };
  const extra = {
    timeZone: reference.timeZone,
    organizationName: reference.settings.organizationName,
    previousAssignee: outcome.before.assignee,
    link: ss.getUrl(),
    row: outcome.row,
    // Only an assignment's email carries it (one property read, not on every action).
    updateLink: outcome.transitions.some((t) => t.action === 'assign' || t.action === 'reassign')
      ? updateLinkFor()(outcome.after)
      : undefined,
  };
  // Once the reply form exists, the approval tells the requestor how to add information too.
  const template = outcome.reply
    ? null
    : documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.replyFormLink);
  const addInfo = template ? replyLinkFor(template, outcome.after.id) : undefined;
  const planned: Array<{ kind: EmailKind; to: string[] }> = [];
  if (outcome.question !== undefined)
    planned.push({ kind: 'clarification', to: [outcome.after.requesterEmail] });
  const steps = outcome.amendment ? [outcome.amendment] : outcome.transitions;
  for (const transition of steps) {
    planned.push(
      ...recipientsFor(transition, outcome.after, reference.staff, outcome.before.assignee, {
        switches: reference.settings,
        actorEmail: reviewer.email,
      }),
    );
  }
  for (const { kind, to } of planned) {
    const email = composeEmail(kind, outcome.after, {
      ...extra,
      to,
      question: outcome.question,
      reply: kind === 'clarification' ? outcome.reply : kind === 'approved' ? addInfo : undefined,
      reason: outcome.reason,
      previousDue: outcome.before.due,
    });
    if (email.to.length > 0) deliver(ss, { ...email, recordId: outcome.after.id }, now, into);
  }
  return into;
}

/** "Emailed a@x and b@y." plus what was queued or failed. */
export function describeDeliveries(d: Deliveries): string {
  const list = (xs: string[]): string => [...new Set(xs)].join(', ');
  const parts: string[] = [];
  if (d.sent.length > 0) parts.push(`Emailed ${list(d.sent)}.`);
  if (d.queued.length > 0) parts.push(`Email to ${list(d.queued)} queued; the hourly job sends it.`);
  if (d.failed.length > 0) parts.push(`Could not email ${list(d.failed)}.`);
  return parts.join(' ');
}
