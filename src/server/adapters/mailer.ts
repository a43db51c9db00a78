import { SHEET_NAMES } from '../../core/model';
import { asCellText } from '../../core/sanitize';
import { outboxMac } from '../../core/outbox-mac';
import { addonKey } from './addon-secret';
import { withDocumentLockIfAny } from './reentrant-lock';
import { mailSender } from './sender';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** An email ready to send: built by core/notifications (escaped HTML, plain text, one-line subject). */
export interface OutgoingEmail {
  to: string[];
  subject: string;
  body: string;
  htmlBody: string;
  /** The work order it is about, for the outbox and the log. */
  recordId: string;
}

export const OUTBOX_HEADERS = [
  'Queued At',
  'To',
  'Subject',
  'Body',
  'HTML Body',
  'Record ID',
  'Status',
  'Sent At',
  'Attempts',
  'Last Error',
  'MAC',
] as const;

export const SENDER_NAME = 'Work Orders';

export type Delivery = 'sent' | 'queued' | 'skipped';

/**
 * MailApp's error once the day's recipients are used up:
 * "Service invoked too many times for one day: email."
 */
const QUOTA_EXHAUSTED = /too many times for one day/i;

/**
 * Sends now, or queues the message in the Outbox sheet for the hourly job to send, oldest first, when
 * the send fails. The quota is not asked first: MailApp refuses a message whose recipients the day's
 * quota no longer covers with its own error, sending nothing, so trying and queueing on that error
 * ends where asking getRemainingDailyQuota would have, one round trip cheaper on every email that
 * goes. A send that fails for any other reason is queued too (the drain retries it and records the
 * error), so an email is never dropped; only a failure to queue it throws.
 */
export function sendOrQueue(ss: Spreadsheet, email: OutgoingEmail, now: Date): Delivery {
  const to = [...new Set(email.to.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''))];
  if (to.length === 0) return 'skipped';
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
 * Appends messages to the Outbox in one write, under the document lock where there is one (two
 * executions queueing at once must not write the same row), growing the sheet first: a write past a
 * sheet's last row throws, which would lose the very mail being queued.
 */
export function queueEmails(ss: Spreadsheet, emails: readonly OutgoingEmail[], now: Date): void {
  if (emails.length === 0) return;
  // Signed over the text the cells will read back: the drain sends only rows whose MAC verifies.
  const key = addonKey(ss.getId());
  const rows = emails.map((e) => {
    const cells = [e.to.join(', '), e.subject, e.body, e.htmlBody, e.recordId].map((v) => asCellText(v));
    const [to, subject, body, htmlBody, recordId] = cells.map((c) => c.text) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const mac = key ? outboxMac(key, { to, subject, body, htmlBody, recordId }) : '';
    return [now, ...cells.map((c) => c.cell), 'Queued', '', 0, '', mac];
  });
  withDocumentLockIfAny(() => {
    let sheet = ss.getSheetByName(SHEET_NAMES.outbox);
    if (!sheet) {
      sheet = ss.insertSheet(SHEET_NAMES.outbox);
      sheet.getRange(1, 1, 1, OUTBOX_HEADERS.length).setValues([[...OUTBOX_HEADERS]]);
      sheet.setFrozenRows(1);
    }
    const last = sheet.getLastRow();
    const max = sheet.getMaxRows();
    // A little ahead of need, so the next queueing does not grow it again.
    if (last + rows.length > max) sheet.insertRowsAfter(max, last + rows.length - max + 500);
    sheet.getRange(last + 1, 1, rows.length, OUTBOX_HEADERS.length).setValues(rows);
  });
}
