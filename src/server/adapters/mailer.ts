import { isDigestKind } from '../../core/mail-forecast';
import { MAX_RECIPIENTS_PER_MESSAGE, recipientGroups } from '../../core/email-format';
import type { EmailKind } from '../../core/notifications';
import { asCellText } from '../../core/sanitize';
import { outboxMac } from '../../core/outbox-mac';
import { seqText, type Seq } from '../../core/outbox-ledger';
import { addonKey } from './addon-secret';
import { holdingForDigests } from './mail-volume';
import { loadReferenceData } from './reference-data';
import { appendNumbered } from './outbox-numbers';
import { OUTBOX_HEADERS, outboxTabForAppend } from './outbox-tabs';
import { mailSender } from './sender';
import type { Spreadsheet } from './apps-script-types';

/** An email ready to send: built by core/notifications (escaped HTML, plain text, one-line subject). */
export interface OutgoingEmail {
  to: string[];
  subject: string;
  body: string;
  htmlBody: string;
  /** The work order it is about, for the outbox and the log. */
  recordId: string;
  /** What it says (composeEmail): a notice that needs no action now may wait for a daily digest. */
  kind?: EmailKind;
}

export const SENDER_NAME = 'Work Orders';

/** Of one email's groups' deliveries, the one it reports: any group waiting makes the email wait. */
const DELIVERY_SAID_FIRST: readonly Delivery[] = ['queued', 'held', 'sent'];

export type Delivery = 'sent' | 'queued' | 'held' | 'skipped';

/** Outbox statuses of notices kept for their reader's daily digest, then gathered into it. */
export const HELD_STATUS = 'Held for digest';
export const DIGESTED_STATUS = 'In digest';

/**
 * Whether this email waits for its reader's daily digest: a notice that needs no action now, on a
 * day the sending account's mail is forecast to pass its quota (./mail-volume).
 */
export function waitsForDigest(ss: Spreadsheet, email: Pick<OutgoingEmail, 'kind'>, now: Date): boolean {
  return isDigestKind(email.kind) && holdingForDigests(now, loadReferenceData(ss).timeZone);
}

/**
 * MailApp's error once the day's recipients are used up:
 * "Service invoked too many times for one day: email."
 */
const QUOTA_EXHAUSTED = /too many times for one day/i;

/**
 * Sends now, or queues the message in the Outbox sheet for the hourly job to send, oldest first, when
 * the send fails; a notice that needs no action now is kept for its reader's daily digest instead on a
 * day the account's quota is forecast short. The quota is not asked first: MailApp refuses a message
 * whose recipients the day's quota no longer covers with its own error, sending nothing, so trying and
 * queueing on that error ends where asking getRemainingDailyQuota would have, one round trip cheaper
 * on every email that goes. A send that fails for any other reason is queued too (the drain retries it
 * and records the error), so an email is never dropped; only a failure to queue it throws.
 */
export function sendOrQueue(ss: Spreadsheet, email: OutgoingEmail, now: Date): Delivery {
  const to = [...new Set(email.to.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''))];
  if (to.length === 0) return 'skipped';
  // More people than one message may name (every supervisor of a large site): one message per group,
  // each sent or queued on its own, so a group is never sent twice or lost with another.
  if (to.length > MAX_RECIPIENTS_PER_MESSAGE) {
    const deliveries = recipientGroups(to).map((group) => sendOrQueue(ss, { ...email, to: group }, now));
    return DELIVERY_SAID_FIRST.find((d) => deliveries.includes(d)) ?? 'sent';
  }
  if (waitsForDigest(ss, email, now)) {
    try {
      queueEmails(ss, [{ ...email, to }], now, { hold: true });
      return 'held';
    } catch (error) {
      // Its intent is already released: a notice that cannot be kept for the digest goes now instead.
      console.error(`Notice about ${email.recordId} not kept for the digest, sent now: ${String(error)}`);
    }
  }
  try {
    MailApp.sendEmail({
      to: to.join(','),
      subject: email.subject,
      body: email.body,
      htmlBody: email.htmlBody,
      ...mailSender(ss),
    });
    return 'sent';
  } catch (error) {
    // Over quota is the expected way to end up here; anything else is worth an error in the logs.
    const message = `Email about ${email.recordId} not sent now, queued: ${String(error)}`;
    if (QUOTA_EXHAUSTED.test(String(error))) console.warn(message);
    else console.error(message);
  }
  queueEmails(ss, [{ ...email, to }], now);
  return 'queued';
}

/**
 * Appends messages to the Outbox in one write (status Queued, or Held for digest for a notice that
 * waits for its reader's daily digest: `hold`, or the day's forecast says so), each with a sequence
 * number, under the lock that issues the numbers (./outbox-numbers.ts): the document lock where there
 * is one, so two executions queueing at once never write the same row; the hourly job, which has no
 * document, appends to the Hourly Outbox, where it is the only writer (./outbox-tabs.ts). The sheet is
 * grown first: a write past a sheet's last row throws, which would lose the very mail being queued.
 */
export function queueEmails(
  ss: Spreadsheet,
  asked: readonly OutgoingEmail[],
  now: Date,
  options: { hold?: boolean } = {},
): void {
  if (asked.length === 0) return;
  // One row per message the drain can send: at most MAX_RECIPIENTS_PER_MESSAGE recipients each.
  const emails = asked.flatMap((e) =>
    e.to.length > MAX_RECIPIENTS_PER_MESSAGE ? recipientGroups(e.to).map((to) => ({ ...e, to })) : [e],
  );
  const held = (e: OutgoingEmail): boolean =>
    isDigestKind(e.kind) && (options.hold === true || waitsForDigest(ss, e, now));
  // Decided before the lock: only what depends on the numbers (the MACs) is computed under it.
  const statuses = emails.map((e) => (held(e) ? HELD_STATUS : 'Queued'));
  const write = (): void =>
    appendNumbered(ss, emails.length, (seqs) => {
      // Signed over the text the cells will read back, with the row's number and kind: the drain sends
      // only rows whose MAC verifies, and at most one row of each number (core/outbox-ledger.ts).
      const key = addonKey(ss.getId());
      const rows = emails.map((e, i) => {
        const cells = [e.to.join(', '), e.subject, e.body, e.htmlBody, e.recordId].map((v) => asCellText(v));
        const [to, subject, body, htmlBody, recordId] = cells.map((c) => c.text) as [
          string,
          string,
          string,
          string,
          string,
        ];
        const seq = seqs[i] as Seq;
        const kind = e.kind ?? '';
        const mac = key
          ? outboxMac(key, { to, subject, body, htmlBody, recordId, kind, seq: seqText(seq) })
          : '';
        // A document's number is written as a number (it reads back as its digits), the owner's as text.
        const seqCell = seq.series === 'd' ? seq.n : seqText(seq);
        return [now, ...cells.map((c) => c.cell), statuses[i], '', 0, '', mac, kind, seqCell];
      });
      // The document's rows go to the Outbox, the hourly job's to the Hourly Outbox (./outbox-tabs.ts).
      const sheet = outboxTabForAppend(ss, (seqs[0] as Seq).series);
      const last = sheet.getLastRow();
      const max = sheet.getMaxRows();
      // A little ahead of need, so the next queueing does not grow it again.
      if (last + rows.length > max) sheet.insertRowsAfter(max, last + rows.length - max + 500);
      sheet.getRange(last + 1, 1, rows.length, OUTBOX_HEADERS.length).setValues(rows);
    });
  // The mail is owed and nothing else holds it (its intent is released): a failed call is retried once.
  // The append is the section's last sheet call and the numbers are recorded after it, so a failure
  // means nothing was written and no number taken; if only their record failed, the retry writes the
  // same numbers again, and the drain sends one row of each.
  try {
    write();
  } catch (error) {
    console.warn(`Queueing ${emails.length} email(s) failed once, trying again: ${String(error)}`);
    write();
  }
}
