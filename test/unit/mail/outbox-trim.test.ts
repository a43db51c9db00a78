/**
 * Which Outbox rows the drain removes: rows it sent and notices gathered into a digest, a week after
 * they went, and blank rows; never mail still owed (Queued, Held for digest) nor rows that wait for an
 * administrator (Failed, Refused), however old.
 */
import { OUTBOX_KEEP_DAYS, trimmableRows } from '../../../src/server/adapters/outbox-trim';

const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;
const old = new Date(NOW - OUTBOX_KEEP_DAYS * DAY - 1);
const recent = new Date(NOW - OUTBOX_KEEP_DAYS * DAY + 60_000);

test('only sent and digested rows older than the keeping time, and blank rows, go', () => {
  const row = (status: string, doneAt: unknown, blank = false) => ({ status, doneAt, blank });
  const rows = [
    row('status', ''), // the header is never removed
    row('sent', old),
    row('in digest', old),
    row('sent', recent),
    row('in digest', recent),
    row('queued', old),
    row('held for digest', old),
    row('failed', old),
    row('refused', old),
    row('sent', 'not a date'),
    row('', '', true),
  ];
  expect(trimmableRows(rows, NOW)).toEqual([1, 2, 10]);
});
