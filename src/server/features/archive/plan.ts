/**
 * Which register rows are due for the Archive, and what their Archive rows hold. Pure.
 *
 * A closed, rejected or cancelled work order is archived when it became final before the retention
 * window: Closed At for closed work, Decided At for rejected requests, and for the rest (cancelled
 * work: cancelling stamps no date) its last change-log entry. In every case no date on the row may be
 * inside the window either.
 */
import { cellsUnderHeader, completedHeader, normalizeHeader } from '../../../core/headers';
import { ARCHIVE_MAC_HEADER } from '../../../core/covered-rows';
import { DATE_TIME_FIELDS } from '../../../core/columns';
import { FINAL_STATUSES, type WorkOrder } from '../../../core/model';
import { asCellText } from '../../../core/sanitize';
import { DAY_MS, isValidDate } from '../../../core/time';

export const ARCHIVED_AT = 'Archived At';
export { ARCHIVE_MAC_HEADER };

/**
 * The dates the row keeps of what happened to the order, the request and each step after it. Not the
 * register's other date columns (core/columns DATE_TIME_FIELDS): Due is a deadline, not an event, and
 * On Hold Since says whether the order is on hold now (resuming empties it).
 */
const DATE_FIELDS = DATE_TIME_FIELDS.filter((f) => f !== 'due' && f !== 'heldSince');

export function retentionCutoff(now: Date, retentionDays: number): number {
  return now.getTime() - retentionDays * DAY_MS;
}

/** The latest date on the row (0 when it has none). */
export function lastDateOnRow(order: WorkOrder): number {
  let latest = 0;
  for (const field of DATE_FIELDS) {
    const d = order[field];
    if (isValidDate(d) && d.getTime() > latest) latest = d.getTime();
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
  return completedHeader(existing, [...registerHeader, ARCHIVED_AT, ARCHIVE_MAC_HEADER]);
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
  const row = cellsUnderHeader(archiveHeaderRow, registerHeader, cells).map(asStoredCell);
  archiveHeaderRow.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key === normalizeHeader(ARCHIVED_AT)) row[i] = archivedAt;
    else if (key === normalizeHeader(ARCHIVE_MAC_HEADER)) row[i] = ''; // set once the row is complete
  });
  return row;
}

/** A cell read back, as it should be written to keep it: text Sheets would parse kept as text. */
export function asStoredCell(v: unknown): unknown {
  if (typeof v === 'string') return asCellText(v).cell;
  if (typeof v === 'number' || typeof v === 'boolean' || isValidDate(v)) return v;
  return asCellText(String(v)).cell;
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
 * What one chunk holds the locks for, priced with the benchmark's cost model (bench/cost-model.ts:
 * ~0.1 s a read call, ~0.25 s a write call, ~10 µs a cell read, ~50 µs a cell written or covered by a
 * structural call such as deleteRows or insertRowsAfter, JavaScript as measured) and calibrated against
 * the runtime's cost trace of chunks at 100,000 work orders:
 *  - fixed: the first touch of the document, both locks and their release, the progress marker set
 *    and removed, the archive append and the change-log rows (one write each), the calls growing the
 *    archive and the log, the checkpoint: 2 s (traced: 1.4 s for scattered rows, 1.9 s with both
 *    growths);
 *  - per contiguous run of register rows: one read of the run and one deleteRows: 0.35 s;
 *  - per row, from the register's width W: W cells read; the archive row (W + 2 cells) and two log
 *    rows (12 cells) written, and as many again covered by growing the archive and the log; W cells
 *    covered by deleting the row; and 3 ms of JavaScript (traced 0.8–1.5 ms a row on a quiet machine,
 *    mostly the MACs and the log's chain, and up to 4–16 ms on a busy one, where the wall time held
 *    includes waiting for a CPU): 9.5 ms a row at W = 32.
 * The old model (1.5 s fixed, 2.5 ms a row) priced no structural cell and no JavaScript: its 1,000-row
 * chunks held the lock 10.1–10.5 s at 100,000 work orders. A chunk now has about 380 contiguous rows
 * or 11 scattered ones.
 *
 * A chunk is planned to cost at most CHUNK_BUDGET_MS, leaving 4 s under the 10 s lock budget for a
 * stale row hint (one read of the register's id column: ~1.1 s at 100,000 rows) and for JavaScript
 * slower than priced (traced at 100,000 work orders on a machine shared by several benchmarks, with a
 * 7.5 s budget: longest hold 9.9 s). Opening an archive file (reading its id column, or creating and
 * sharing it) is not part of a chunk: archive.ts does it under a hold of its own first.
 */
export const CHUNK_COST = {
  fixedMs: 2_000,
  perRunMs: 350,
  cellReadMs: 0.01,
  cellWrittenMs: 0.05,
  structuralCellMs: 0.05,
  javascriptPerRowMs: 3,
} as const;
export const CHUNK_BUDGET_MS = 6_000;
/** Ids per chunk: keeps the progress marker a few property pieces. */
export const MAX_CHUNK_ROWS = 1_000;
/** Change-log cells written per archived row: two rows (Archived, and its MAC) of six columns. */
const LOG_CELLS_PER_ROW = 12;

/** A row's share of a chunk's cost, for a register `registerWidth` columns wide (see CHUNK_COST). */
export function perRowCostMs(registerWidth: number): number {
  const written = registerWidth + 2 + LOG_CELLS_PER_ROW;
  return (
    registerWidth * CHUNK_COST.cellReadMs +
    written * CHUNK_COST.cellWrittenMs +
    (written + registerWidth) * CHUNK_COST.structuralCellMs +
    CHUNK_COST.javascriptPerRowMs
  );
}

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

export function chunkCost(rows: readonly number[], registerWidth: number): number {
  const runs = descendingBlocks(rows).length;
  return CHUNK_COST.fixedMs + runs * CHUNK_COST.perRunMs + rows.length * perRowCostMs(registerWidth);
}

/**
 * Chunks of one archive year each, bottom of the sheet first (deleting a chunk's rows never moves a
 * row of a chunk planned after it within the year), each within CHUNK_BUDGET_MS.
 */
export function planChunks(eligible: readonly Eligible[], registerWidth: number): PlannedChunk[] {
  const byYear = new Map<number, Eligible[]>();
  for (const e of eligible) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
  const perRow = perRowCostMs(registerWidth);
  const chunks: PlannedChunk[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const items = (byYear.get(year) ?? []).slice().sort((a, b) => b.row - a.row);
    let current: Eligible[] = [];
    let runs = 0;
    const close = () => {
      if (current.length > 0)
        chunks.push({
          year,
          items: current,
          estimatedMs: chunkCost(
            current.map((c) => c.row),
            registerWidth,
          ),
        });
      current = [];
      runs = 0;
    };
    for (const item of items) {
      const last = current[current.length - 1];
      const newRun = !last || last.row - 1 !== item.row;
      const cost =
        CHUNK_COST.fixedMs + (runs + (newRun ? 1 : 0)) * CHUNK_COST.perRunMs + (current.length + 1) * perRow;
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
