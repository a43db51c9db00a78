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

/**
 * What one chunk costs on Google's side, priced like the benchmark's cost model (bench/cost-model.ts:
 * Tanaike's ~0.1 s a read call, ~0.25 s a write call, ~10 µs a cell read, ~50 µs a cell written):
 *  - fixed: both locks and their release, the progress marker (set, removed), the register's row
 *    count, the archive append, the change-log write and its checkpoint, the review queue's
 *    invalidation: about 1.5 s (measured through the runtime: 1.0–1.2 s);
 *  - the first chunk of a year in a run also opens its archive file (its header, its id column: ~1.6 s
 *    at 100,000 archived rows), or creates, shares and links it (~4 s): 4 s;
 *  - per contiguous run of register rows: one read of the run and one deleteRows: 0.35 s;
 *  - per row: ~30 cells read, ~32 archive cells and ~6 log cells written: about 2.5 ms.
 * A chunk is planned to cost at most CHUNK_BUDGET_MS, leaving room under the 10 s lock budget for a
 * stale row hint (one read of the register's id column: ~1.1 s at 100,000 rows).
 */
export const CHUNK_COST = { fixedMs: 1_500, openFileMs: 4_000, perRunMs: 350, perRowMs: 2.5 } as const;
export const CHUNK_BUDGET_MS = 6_500;
/** Ids per chunk: keeps the progress marker a few property pieces. */
export const MAX_CHUNK_ROWS = 1_000;

export interface Eligible {
  id: string;
  /** The row it was on when the run planned (a hint: checked under the lock). */
  row: number;
  /** Which archive file it goes to. */
  year: number;
}

export interface PlannedChunk {
  year: number;
  items: Eligible[];
  estimatedMs: number;
}

export function chunkCost(rows: readonly number[], opensFile: boolean): number {
  const runs = descendingBlocks(rows).length;
  const fixed = CHUNK_COST.fixedMs + (opensFile ? CHUNK_COST.openFileMs : 0);
  return fixed + runs * CHUNK_COST.perRunMs + rows.length * CHUNK_COST.perRowMs;
}

/**
 * Chunks of one archive year each, bottom of the sheet first (deleting a chunk's rows never moves a
 * row of a chunk planned after it within the year), each within CHUNK_BUDGET_MS.
 */
export function planChunks(eligible: readonly Eligible[]): PlannedChunk[] {
  const byYear = new Map<number, Eligible[]>();
  for (const e of eligible) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
  const chunks: PlannedChunk[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const items = (byYear.get(year) ?? []).slice().sort((a, b) => b.row - a.row);
    let current: Eligible[] = [];
    let runs = 0;
    let first = true;
    const close = () => {
      if (current.length > 0)
        chunks.push({
          year,
          items: current,
          estimatedMs: chunkCost(
            current.map((c) => c.row),
            first,
          ),
        });
      if (current.length > 0) first = false;
      current = [];
      runs = 0;
    };
    for (const item of items) {
      const last = current[current.length - 1];
      const newRun = !last || last.row - 1 !== item.row;
      const cost =
        CHUNK_COST.fixedMs +
        (first ? CHUNK_COST.openFileMs : 0) +
        (runs + (newRun ? 1 : 0)) * CHUNK_COST.perRunMs +
        (current.length + 1) * CHUNK_COST.perRowMs;
      if (current.length > 0 && (cost > CHUNK_BUDGET_MS || current.length >= MAX_CHUNK_ROWS)) close();
      if (current.length === 0 || newRun) runs++;
      current.push(item);
    }
    close();
  }
  return chunks;
}

/**
 * Where a planned row is now, after rows above it were deleted (`deleted`: sheet rows as they were
 * numbered when planned, ascending).
 */
export function shiftedRow(row: number, deletedAscending: readonly number[]): number {
  let lo = 0;
  let hi = deletedAscending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((deletedAscending[mid] as number) < row) lo = mid + 1;
    else hi = mid;
  }
  return row - lo;
}
