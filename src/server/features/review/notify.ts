/**
 * The emails of a sidebar action, sent after the document lock is released: the lifecycle table's
 * notify list through recipientsFor (Settings switches honoured, the supervisor not emailed about
 * their own change), composed by composeEmail, sent or queued by sendOrQueue.
 */
import { composeEmail, recipientsFor } from '../../../core/notifications';
import type { ReferenceData } from '../../adapters/reference-data';
import { queueEmails, sendOrQueue, type OutgoingEmail } from '../../adapters/mailer';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { emailExtraOf, releaseMailIntent, type PlannedMail } from '../../adapters/change-log-mail';
import { composeQuotaWarning } from '../../../core/mail-forecast';
import { problemRecipients } from '../../adapters/administrators';
import { observeAccount } from '../../adapters/mail-volume';
import { currentUserEmail } from '../../adapters/session';
import type { ActOutcome } from './act';
import { replyLinkFor } from './reply-form';
import type { Reviewer } from './caller';
import { updateLinkFor } from '../my-work/update-link';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface Deliveries {
  sent: string[];
  queued: string[];
  /** Kept for the recipient's daily digest (the acting account's quota is forecast short today). */
  held?: string[];
  failed: string[];
}

function deliver(ss: Spreadsheet, email: OutgoingEmail, now: Date, into: Deliveries): void {
  try {
    const result = sendOrQueue(ss, email, now);
    if (result === 'sent') into.sent.push(...email.to);
    if (result === 'queued') into.queued.push(...email.to);
    if (result === 'held') (into.held ??= []).push(...email.to);
  } catch (error) {
    // The change is made; only an email that could not even be queued is reported as failed.
    console.error(`Email about ${email.recordId} could not be sent or queued: ${String(error)}`);
    into.failed.push(...email.to);
  }
}

/**
 * What an action owes by email (recorded with its commit, see change-log-mail.ts): the transitions'
 * or the amendment's notify lists, and the question of a clarification. Once the reply form exists,
 * the approval tells the requestor how to add information too.
 */
export function planActionEmails(
  reference: ReferenceData,
  reviewer: Reviewer,
  outcome: Pick<
    ActOutcome,
    'before' | 'after' | 'transitions' | 'question' | 'reply' | 'amendment' | 'reason'
  >,
): PlannedMail[] {
  const planned: PlannedMail[] = [];
  const extra = {
    previousAssignee: outcome.before.assignee,
    question: outcome.question,
    reason: outcome.reason,
    previousDueMs: outcome.before.due ? outcome.before.due.getTime() : null,
  };
  if (outcome.question !== undefined)
    planned.push({
      kind: 'clarification',
      to: [outcome.after.requesterEmail],
      ...extra,
      reply: outcome.reply,
    });
  const steps = outcome.amendment ? [outcome.amendment] : outcome.transitions;
  const approving = steps.some((t) => t.action === 'approve');
  const template =
    approving && !outcome.reply ? documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.replyFormLink) : null;
  const addInfo = template ? replyLinkFor(template, outcome.after.id) : undefined;
  for (const transition of steps) {
    for (const { kind, to } of recipientsFor(
      transition,
      outcome.after,
      reference.staff,
      outcome.before.assignee,
      {
        switches: reference.settings,
        actorEmail: reviewer.email,
      },
    ))
      planned.push({ kind, to, ...extra, reply: kind === 'approved' ? addInfo : undefined });
  }
  return planned;
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
    link: ss.getUrl(),
    row: outcome.row,
    // Only an assignment's email carries it (one property read, not on every action); handing work
    // already started to another technician is one too: they take it over from a phone as well.
    updateLink:
      outcome.transitions.some((t) => t.action === 'assign' || t.action === 'reassign') ||
      outcome.amendment?.action === 'reassignWork'
        ? updateLinkFor()(outcome.after)
        : undefined,
  };
  const planned = planActionEmails(reference, reviewer, outcome);
  const emails = planned
    .map((p) => composeEmail(p.kind, outcome.after, { ...extra, ...emailExtraOf(p) }))
    .filter((email) => email.to.length > 0);
  // Read before sending: MailApp's "remaining" at a day's first action is the account's quota. Read
  // before the release too: between the release and the send an email can only be lost (nothing is left
  // for anyone else to queue), so nothing that can wait goes in that window.
  const recipients = emails.reduce((n, e) => n + e.to.length, 0);
  watchQuota(ss, reference, now, recipients);
  // The intent goes first: if that fails, the next change queues these emails, so they are not sent here.
  if (!releaseMailIntent(outcome.mailIntent)) {
    for (const email of emails) into.queued.push(...email.to);
    return into;
  }
  for (const email of emails) deliver(ss, { ...email, recordId: outcome.after.id }, now, into);
  return into;
}

/** "Emailed a@x and b@y." plus what was queued or failed. */
export function describeDeliveries(d: Deliveries): string {
  const list = (xs: string[]): string => [...new Set(xs)].join(', ');
  const parts: string[] = [];
  if (d.sent.length > 0) parts.push(`Emailed ${list(d.sent)}.`);
  if (d.queued.length > 0) parts.push(`Email to ${list(d.queued)} queued; the hourly job sends it.`);
  if (d.held && d.held.length > 0)
    parts.push(`The notice to ${list(d.held)} goes in their daily digest (today's email quota is short).`);
  if (d.failed.length > 0) parts.push(`Could not email ${list(d.failed)}.`);
  return parts.join(' ');
}

/**
 * The acting person's own account sends a sidebar action's emails: its day is projected too, and the
 * administrators told once a day when it would pass the quota (a mail problem must not stop the action).
 */
function watchQuota(ss: Spreadsheet, reference: ReferenceData, now: Date, sending: number): void {
  if (sending === 0) return;
  try {
    const { forecast, warn } = observeAccount(now, reference.timeZone, { queued: sending });
    // Ahead of the shortfall only: once the account is out, the Outbox and tomorrow's forecast take over.
    if (!warn || forecast.remaining === 0) return;
    const account = currentUserEmail();
    const email = composeQuotaWarning({
      account,
      forecast,
      to: problemRecipients(reference, account),
      now,
      timeZone: reference.timeZone,
      organizationName: reference.settings.organizationName,
      link: ss.getUrl(),
    });
    // Queued for the hourly job (the installation owner's account): not one more recipient on this one.
    if (email.to.length > 0) queueEmails(ss, [{ ...email, recordId: '' }], now);
  } catch (error) {
    console.error(`The mail forecast of this account could not be made: ${String(error)}`);
  }
}
