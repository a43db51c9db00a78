/**
 * The emails of a sidebar action, sent after the document lock is released: the lifecycle table's
 * notify list through recipientsFor (Settings switches honoured, the supervisor not emailed about
 * their own change), composed by composeEmail, sent or queued by sendOrQueue.
 */
import { composeEmail, recipientsFor } from '../../../core/notifications';
import type { ReferenceData } from '../../adapters/reference-data';
import { sendOrQueue, type OutgoingEmail } from '../../adapters/mailer';
import { releaseMailIntent, type PlannedMail } from '../../adapters/change-log-mail';
import type { ActOutcome } from './act';
import type { Reviewer } from './caller';

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

/** What an action owes by email (recorded with its commit, see change-log-mail.ts). */
export function planActionEmails(
  reference: ReferenceData,
  reviewer: Reviewer,
  outcome: Pick<ActOutcome, 'before' | 'after' | 'transitions' | 'question'>,
): PlannedMail[] {
  const planned: PlannedMail[] = [];
  const extra = { previousAssignee: outcome.before.assignee, question: outcome.question };
  if (outcome.question !== undefined)
    planned.push({ kind: 'clarification', to: [outcome.after.requesterEmail], ...extra });
  for (const transition of outcome.transitions) {
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
      planned.push({ kind, to, ...extra });
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
  };
  const planned = planActionEmails(reference, reviewer, outcome);
  const emails = planned
    .map((p) => composeEmail(p.kind, outcome.after, { ...extra, ...p }))
    .filter((email) => email.to.length > 0);
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
  if (d.failed.length > 0) parts.push(`Could not email ${list(d.failed)}.`);
  return parts.join(' ');
}
