/**
 * The Outbox kept to what may still matter: rows the drain sent, and notices gathered into a digest,
 * go once they are older than OUTBOX_KEEP_DAYS. Without this the sheet would grow with every email
 * ever queued or held, and every drain and digest reads it whole: the read would grow with history,
 * not with the mail waiting. Queued and held rows (mail still owed), and Failed and Refused rows (they
 * wait for an administrator) are never removed. What a removed row said is in the recipient's mailbox
 * and, for a change, in the change log.
 */
import { DAY_MS, isValidDate } from '../../core/time';
import type { Sheet } from './apps-script-types';

/** How long a sent or digested row stays in the Outbox (an administrator looking back at a week's mail). */
export const OUTBOX_KEEP_DAYS = 7;
/** At most this many deleteRows calls per drain (structural calls); what is left goes next run. */
const MAX_RUNS = 20;

/** What one row of the drain's read says (0-based index into the values, the header being 0). */
export interface TrimmableRow {
  /** Normalized status: 'sent', 'in digest', ... */
  status: string;
  /** When it was sent or gathered into a digest (Sent At), else when it was queued. */
  doneAt: unknown;
  /** Every cell of the row is blank (left by a race or a hand edit): nothing to keep. */
  blank: boolean;
}

const DONE = new Set(['sent', 'in digest']);

/** Indexes (ascending, ≥ 1) of the rows to remove from a read of the whole Outbox. */
export function trimmableRows(rows: readonly TrimmableRow[], nowMs: number): number[] {
  const before = nowMs - OUTBOX_KEEP_DAYS * DAY_MS;
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (i === 0) return;
    const at = row.doneAt;
    if (row.blank || (DONE.has(row.status) && isValidDate(at) && at.getTime() < before)) out.push(i);
  });
  return out;
}

/**
 * Deletes the rows at `indexes` (0-based, of a read that started at sheet row 1), bottom run first so
 * no deletion moves a later one, at most MAX_RUNS runs, after growing the grid by as many rows; removes them from `values` as well, so that the
 * caller's indexes keep matching the sheet. Returns how many rows went.
 */
export function deleteOutboxRows(sheet: Sheet, values: unknown[][], indexes: readonly number[]): number {
  const runs: [number, number][] = [];
  for (const i of indexes) {
    const run = runs[runs.length - 1];
    if (run && run[0] + run[1] === i) run[1]++;
    else runs.push([i, 1]);
  }
  const kept = runs.slice(0, MAX_RUNS);
  const total = kept.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return 0;
  // The drain holds no document lock (the hourly job has no document), and a writer holding it may
  // have read where the Outbox ends and be about to write just below: deleting rows above moves the
  // end up under it. Its write then lands as many rows lower (blank rows in between, which the next
  // drain removes: trimmableRows takes blank rows), never on a row still owed, nor on one this drain
  // writes results to (they are all above the end it read). But a write past the grid's last row is
  // refused, so the grid never shrinks: as many empty rows as go are added at its end first. That
  // also keeps a row below the frozen header, which Sheets refuses to delete. Rows are deleted by
  // the indexes of this drain's own read, bottom run first, so no deletion moves a later one; the
  // writer only ever appends below that read, so a deletion never reaches what it wrote.
  // Rejected: deleting only after checking that no writer is appending (nothing tells without the
  // lock), and clearing rows instead of deleting them (the sheet would keep growing with history).
  sheet.insertRowsAfter(sheet.getMaxRows(), total);
  for (const [start, count] of [...kept].reverse()) {
    sheet.deleteRows(start + 1, count);
    values.splice(start, count);
  }
  return total;
}
