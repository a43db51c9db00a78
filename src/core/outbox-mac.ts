/**
 * The MAC an Outbox row carries: HMAC-SHA-256, keyed with the add-on's secret, over what the row
 * would send (recipients, subject, plain and HTML body) and the record it is about, as the cells read
 * back. A row typed or edited by hand has no valid MAC, and the drain never sends it.
 */
import { hmacSha256Hex, type HmacKey } from './sha256';

export interface OutboxMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  recordId: string;
}

export function outboxMac(key: HmacKey, message: OutboxMessage): string {
  return hmacSha256Hex(
    key,
    'outbox\n',
    JSON.stringify([message.to, message.subject, message.body, message.htmlBody, message.recordId]),
  );
}
