/**
 * The MAC an Outbox row carries: HMAC-SHA-256, keyed with the add-on's secret, over what the row
 * would send (recipients, subject, plain and HTML body), the record it is about, what kind of email it
 * is and its sequence number (core/outbox-ledger.ts), as the cells read back. A row typed or edited by
 * hand has no valid MAC, and the drain never sends it; a copy carries its original's number, so at most
 * one row of a number is ever sent, and a changed Kind (the drain's order) no longer verifies.
 */
import { hmacSha256Hex, type HmacKey } from './sha256';

export interface OutboxMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  recordId: string;
}

export interface NumberedOutboxMessage extends OutboxMessage {
  kind: string;
  /** The row's sequence number as its Seq cell reads back ("17", "H3"). */
  seq: string;
}

export function outboxMac(key: HmacKey, message: NumberedOutboxMessage): string {
  return hmacSha256Hex(
    key,
    'outbox-seq\n',
    JSON.stringify([
      message.to,
      message.subject,
      message.body,
      message.htmlBody,
      message.recordId,
      message.kind,
      message.seq,
    ]),
  );
}

/**
 * The MAC of a row queued before rows were numbered: content only. Checked once, when the drain gives
 * such a row still owed a number (core/outbox-ledger.ts); never enough to send a row on its own.
 */
export function legacyOutboxMac(key: HmacKey, message: OutboxMessage): string {
  return hmacSha256Hex(
    key,
    'outbox\n',
    JSON.stringify([message.to, message.subject, message.body, message.htmlBody, message.recordId]),
  );
}
