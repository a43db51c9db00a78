/**
 * Which Outbox rows the add-on wrote: each row it queues carries a MAC (core/outbox-mac.ts) keyed with
 * the add-on's secret, and the drain sends only rows whose MAC verifies. A row typed in, or one of
 * the add-on's with its recipients, subject or bodies changed, is refused.
 */
import { normalizeHeader } from '../../core/headers';
import { outboxMac, type OutboxMessage } from '../../core/outbox-mac';
import { addonKey } from './addon-secret';
import type { Sheet } from './apps-script-types';

/** Why a row was not sent: its MAC does not verify. */
export const REFUSED_MESSAGE =
  'Not sent: Work Orders did not write this row as it is now (typed or edited by hand), so its MAC does not verify';

/** A check of rows against this spreadsheet's key; throws when the key is not available here. */
export function outboxVerifier(spreadsheetId: string): (mac: string, message: OutboxMessage) => boolean {
  const key = addonKey(spreadsheetId);
  if (!key) {
    throw new Error(
      'Queued emails cannot be checked: the add-on key for this spreadsheet is not available to the hourly job. ' +
        'The administrator who owns the triggers can run Extensions › Work Orders › Set up work orders to restore it.',
    );
  }
  return (mac, message) => mac === outboxMac(key, message);
}

/**
 * An Outbox made before rows carried a MAC has no MAC column: its header gets one (its queued rows,
 * unsigned, are then refused like any row the add-on cannot vouch for). `values` is updated to match.
 */
export function addMacHeader(sheet: Sheet, values: unknown[][], macHeader: string): void {
  const header = values[0] ?? [];
  if (header.some((h) => normalizeHeader(h) === normalizeHeader(macHeader))) return;
  let width = header.length;
  while (width > 0 && String(header[width - 1] ?? '').trim() === '') width--;
  sheet.getRange(1, width + 1).setValue(macHeader);
  header[width] = macHeader;
  for (const row of values) while (row.length < width + 1) row.push('');
}
