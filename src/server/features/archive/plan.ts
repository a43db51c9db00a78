/**
 * Which register rows are due for the Archive, and what their Archive rows hold. Pure.
 *
 * A closed, rejected or cancelled work order is archived when it became final before the retention
 * window: Closed At for closed work, Decided At for rejected requests, and for the rest (cancelled
 * work: cancelling stamps no date) its last change-log entry. In every case no date on the row may be
 * inside the window either.
 */
import { normalizeHeader } from '../../../core/headers';
import { ARCHIVE_MAC_HEADER } from '../../../core/covered-rows';
import { FINAL_STATUSES, type WorkOrder } from '../../../core/model';
import { asCellText } from '../../../core/sanitize';
import { isValidDate } from '../../../core/time';

export const ARCHIVED_AT = 'Archived At';
export { ARCHIVE_MAC_HEADER };
const DAY_MS = 86_400_000;

const DATE_FIELDS = [
  'requestedAt',
  'decidedAt',
  'assignedAt',
  'startedAt',
  'completedAt',
  'closedAt',
] as const;

export function retentionCutoff(now: Date, retentionDays: number): number {
  return now.getTime() - retentionDays * DAY_MS;
}

/** The latest date on the row (0 when it has none). */
export function lastDateOnRow(order: WorkOrder): number {
  let latest = 0;
  for (const field of DATE_FIELDS) {
    const d = order[field];
    if (d && d.getTime() > latest) latest = d.getTime();
  }
  return latest;
}

/**
 * When the work order reached its final status, as its row says: Closed At for closed work, Decided At
 * for rejected requests; null when the row does not say (cancelling stamps no date), and then the
 * change log's last entry for it decides.
 */
export function finalStamp(order: WorkOrder): Date | null {
  if (order.status === 'Closed') return order.closedAt;
  if (order.status === 'Rejected') return order.decidedAt;
  return null;
}

/** Final, and quiet on the row itself since before the cutoff (a row with no date at all is kept). */
export function isArchiveCandidate(order: WorkOrder, cutoff: number): boolean {
  if (!FINAL_STATUSES.includes(order.status)) return false;
  const latest = lastDateOnRow(order);
  return latest > 0 && latest < cutoff;
}

/** A candidate whose final stamp is missing: only its last change-log entry can date it. */
export function needsLogCheck(order: WorkOrder): boolean {
  return finalStamp(order) === null;
}

/** The Archive header: the existing one, plus any register column it lacks, plus Archived At. */
export function archiveHeader(
  existing: readonly string[],
  registerHeader: readonly string[],
): { header: string[]; added: string[] } {
  const header = [...existing];
  const have = new Set(existing.map(normalizeHeader));
  const added: string[] = [];
  for (const h of [...registerHeader, ARCHIVED_AT, ARCHIVE_MAC_HEADER]) {
    if (h.trim() === '' || have.has(normalizeHeader(h))) continue;
    header.push(h);
    have.add(normalizeHeader(h));
    added.push(h);
  }
  return { header, added };
}

/**
 * One Archive row from a register row, column by header. Text is neutralized again (what getValues
 * returns as "=…" was stored as text and must stay text); dates, numbers and booleans are kept.
 */
export function archiveRow(
  archiveHeaderRow: readonly string[],
  registerHeader: readonly string[],
  cells: readonly unknown[],
  archivedAt: Date,
): unknown[] {
  const registerIndex = new Map<string, number>();
  registerHeader.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key !== '' && !registerIndex.has(key)) registerIndex.set(key, i);
  });
  return archiveHeaderRow.map((h) => {
    const key = normalizeHeader(h);
    if (key === normalizeHeader(ARCHIVED_AT)) return archivedAt;
    if (key === normalizeHeader(ARCHIVE_MAC_HEADER)) return ''; // set once the row is complete
    const i = registerIndex.get(key);
    const v = i === undefined ? '' : cells[i];
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return asCellText(v).cell;
    if (typeof v === 'number' || typeof v === 'boolean' || isValidDate(v)) return v;
    return asCellText(String(v)).cell;
  });
}

/** Sheet rows as descending blocks [start, count]: the fewest deleteRows calls, none shifting another. */
export function descendingBlocks(rows: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  const blocks: Array<[number, number]> = [];
  for (const row of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last[0] - 1 === row) {
      last[0] = row;
      last[1]++;
    } else blocks.push([row, 1]);
  }
  return blocks;
}
