/**
 * Which Outbox rows the add-on wrote: each row it queues carries a MAC (core/outbox-mac.ts) keyed with
 * the add-on's secret over its content, kind and sequence number, and the drain sends only rows whose
 * MAC verifies. A row typed in, or one of the add-on's with its recipients, subject, bodies, kind or
 * number changed, is refused.
 */
import { normalizeHeader } from '../../core/headers';
import {
  legacyOutboxMac,
  outboxMac,
  type NumberedOutboxMessage,
  type OutboxMessage,
} from '../../core/outbox-mac';
import { REFUSED_MESSAGE } from '../../core/outbox-ledger';
import { addonKey } from './addon-secret';
import type { Sheet } from './apps-script-types';

/** Why a row was not sent: its MAC does not verify. */
export { REFUSED_MESSAGE };

export interface OutboxVerifier {
  /** A row's MAC over its content, kind and number. */
  numbered(mac: string, message: NumberedOutboxMessage): boolean;
  /** A row queued before rows were numbered: its MAC over its content only. */
  legacy(mac: string, message: OutboxMessage): boolean;
  /** The MAC a row numbered by the drain gets (a row queued before rows were numbered). */
  sign(message: NumberedOutboxMessage): string;
}

/** A check of rows against this spreadsheet's key; throws when the key is not available here. */
export function outboxVerifier(spreadsheetId: string): OutboxVerifier {
  const key = addonKey(spreadsheetId);
  if (!key) {
    throw new Error(
      'Queued emails cannot be checked: the add-on key for this spreadsheet is not available to the hourly job. ' +
        'The administrator who owns the triggers can run Extensions › Work Orders › Set up work orders to restore it.',
    );
  }
  return {
    numbered: (mac, message) => mac === outboxMac(key, message),
    legacy: (mac, message) => mac === legacyOutboxMac(key, message),
    sign: (message) => outboxMac(key, message),
  };
}

/**
 * An Outbox made before rows carried a MAC, a kind or a number lacks those columns: its header gets
 * them at its end, in that order (so the layout matches what queueEmails appends), the grid widened
 * first when it is too narrow (once). Its rows without a number are then numbered once by the drain, or
 * refused like any row the add-on cannot vouch for. `values` is updated to match.
 */
export function addMissingHeaders(sheet: Sheet, values: unknown[][], headers: readonly string[]): void {
  const header = values[0] ?? [];
  const has = new Set(header.map((h) => normalizeHeader(h)));
  const missing = headers.filter((h) => !has.has(normalizeHeader(h)));
  if (missing.length === 0) return;
  let width = header.length;
  while (width > 0 && String(header[width - 1] ?? '').trim() === '') width--;
  const columns = sheet.getMaxColumns();
  if (columns < width + missing.length) sheet.insertColumnsAfter(columns, width + missing.length - columns);
  sheet.getRange(1, width + 1, 1, missing.length).setValues([missing]);
  missing.forEach((h, k) => (header[width + k] = h));
  for (const row of values) while (row.length < width + missing.length) row.push('');
}
