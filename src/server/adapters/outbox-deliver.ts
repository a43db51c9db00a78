/**
 * A batch of emails sent at once as far as the sending account's quota allows, the rest queued in the
 * Outbox in one write (./outbox.ts drains it), and notices that need no action now kept for their
 * readers' daily digests on a day the quota is forecast short (./mail-volume.ts).
 */
import { queueEmails, waitsForDigest, type OutgoingEmail } from './mailer';
import { mailSender } from './sender';
import type { Spreadsheet } from './apps-script-types';

/** Google's refusal once the day's recipients are used up (another execution may have used them). */
export function isQuotaError(error: unknown): boolean {
  return /too many times|quota|limit exceeded: email recipients per day/i.test(
    String(error instanceof Error ? error.message : error),
  );
}

export interface Delivery {
  sent: number;
  queued: number;
  /** Notices kept for their reader's daily digest (a day the quota is forecast short): not a backlog. */
  held: number;
  /** Emails with no valid recipient (nothing to send, nothing to queue). */
  skipped: number;
}

/**
 * Sends a batch of emails, or queues them. One quota read for the batch; in order, each email is sent
 * while the quota covers its recipients; once one does not fit (or `backlog`: older mail is still
 * queued), it and every later one are queued, in one write, so nothing overtakes older mail. A send
 * that fails for another reason is queued as well: the drain retries it and records the error. Past
 * `deadlineMs` (epoch ms), everything left is queued.
 */
export function deliverAll(
  ss: Spreadsheet,
  emails: readonly OutgoingEmail[],
  now: Date,
  options: { backlog?: boolean; deadlineMs?: number; maxSends?: number } = {},
): Delivery {
  const delivery: Delivery = { sent: 0, queued: 0, held: 0, skipped: 0 };
  const ready = emails
    .map((e) => ({ ...e, to: [...new Set(e.to.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''))] }))
    .filter((e) => {
      if (e.to.length > 0) return true;
      delivery.skipped++;
      return false;
    });
  const waiting = ready.filter((e) => waitsForDigest(ss, e, now));
  if (waiting.length > 0) {
    queueEmails(ss, waiting, now, { hold: true });
    delivery.held = waiting.length;
  }
  const held = new Set(waiting);
  ready.splice(0, ready.length, ...ready.filter((e) => !held.has(e)));
  if (ready.length === 0) return delivery;
  let queuing = options.backlog === true;
  let remaining = 0;
  if (!queuing) {
    try {
      remaining = MailApp.getRemainingDailyQuota();
    } catch (error) {
      // Unable to ask: everything is queued (one write) for the drain, never dropped.
      console.error(`Mail quota unknown (${String(error)}): ${ready.length} email(s) queued.`);
      queuing = true;
    }
  }
  const toQueue: OutgoingEmail[] = [];
  for (const email of ready) {
    // Past the deadline the rest is queued (one write) rather than sent (~1 s each): the execution
    // must end within its 6 minutes, and the drain of later runs sends them.
    if (!queuing && options.deadlineMs !== undefined && Date.now() > options.deadlineMs) queuing = true;
    // Past the run's count of sends, likewise: the count holds however long each send takes.
    if (!queuing && options.maxSends !== undefined && delivery.sent >= options.maxSends) queuing = true;
    if (!queuing && remaining >= email.to.length) {
      try {
        MailApp.sendEmail({
          to: email.to.join(','),
          subject: email.subject,
          body: email.body,
          htmlBody: email.htmlBody,
          ...mailSender(ss),
        });
        remaining -= email.to.length;
        delivery.sent++;
        continue;
      } catch (error) {
        if (isQuotaError(error)) queuing = true;
      }
    } else queuing = true;
    toQueue.push(email);
  }
  if (toQueue.length > 0) {
    queueEmails(ss, toQueue, now);
  }
  delivery.queued = toQueue.length;
  return delivery;
}
