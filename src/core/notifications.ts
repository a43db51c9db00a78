/**
 * Email composition. Every email is built from one structure rendered twice, as plain text and as fully
 * escaped HTML; subjects are one line and start with the work-order number ([WO-2026-00042]), or the
 * request id ([REQ-000123]) before there is one, so replies and filters thread by work order.
 * What each kind says is ./email-content's, who gets it ./email-recipients'; callers import from here.
 */
import type { WorkOrder } from './model';
import { cleanRecipients, renderEmail, signatureOf, type Email } from './email-format';
import { contentFor, reference } from './email-content';
import type { EmailExtra, EmailKind } from './email-kinds';
import { defaultRecipients } from './email-recipients';
import { singleLine } from './sanitize';

/** Kinds sent to staff: only they get the spreadsheet link (requestors may have no access). */
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
  'requestorReply',
]);

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

export { EMAIL_KINDS } from './email-kinds';
export type { EmailExtra, EmailKind } from './email-kinds';
export { EMAIL_TEXT_LIMIT, cutForEmail } from './email-content';
export { defaultRecipients, recipientsFor } from './email-recipients';
export type { PlannedEmail } from './email-recipients';

export { composeDigest } from './digest';
export type { DigestInput } from './digest';
export { cleanRecipients } from './email-format';
export type { Email } from './email-format';
