/**
 * Which work-record rows (Checklist Items, Time, Parts Used) follow their order to its archive file, and
 * in what chunks. Pure.
 *
 * A row moves when its Record ID is held by an archive file and is not (or no longer) in the register:
 * the archive run moved the order, so its checklist, time and parts go to the same year's file. A row
 * whose id is in neither place (typed by hand, or its order deleted) stays where it is.
 *
 * A row copied is known by its key: its cells as they read back (text as stored, dates as instants), so a
 * row copied to the archive file and read back there has the key it had in the live tab. That is what
 * lets a run stopped between copying a chunk and deleting it finish without copying it twice
 * (records.ts).
 */
import { CHECKLIST_ITEM_COLUMNS } from '../../../core/checklist-items';
import { cellsUnderHeader, normalizeHeader } from '../../../core/headers';
import { asCellText } from '../../../core/sanitize';
import { isValidDate } from '../../../core/time';
import { asStoredCell, descendingBlocks } from './plan';

/** The column every work-record tab names its order by (Checklist Items, Time and Parts Used alike). */
export const RECORD_ID = CHECKLIST_ITEM_COLUMNS.id;

/** Where a work-record tab's header has its Record ID column (compared normalized), -1 when nowhere. */
export function recordIdAt(header: readonly unknown[]): number {
  return header.findIndex((h) => normalizeHeader(h) === normalizeHeader(RECORD_ID));
}

/** How much of the run's time is left: whether a step of `ms` may start, and what was spent. */
export interface RunBudget {
  allows(ms: number): boolean;
  spend(ms: number): void;
}

/** A live row to move: its sheet row and id as planned (checked again under the lock). */
export interface RecordMove {
  row: number;
  year: number;
  id: string;
}

export interface RecordChunk {
  year: number;
  /** Bottom of the tab first. */
  moves: RecordMove[];
  estimatedMs: number;
}

/**
 * What one chunk holds the locks for, priced like an archive chunk (plan.ts CHUNK_COST, from the
 * cost model's published prices): the fixed calls (first touch, both locks, the progress marker set
 * and removed, the archive append and its growth); one read of the span of live rows the chunk covers
 * (each row checked again under the lock), ~10 µs a cell; one deleteRows per contiguous run (0.35 s,
 * with its share of the span's structural cost); per row moved, its cells written to the archive and
 * covered twice by structural calls (the archive grown, the live rows deleted), ~50 µs a cell, and
 * 1 ms of JavaScript (no MAC: a work-record row keeps the seal it has).
 */
export const RECORD_CHUNK_COST = {
  fixedMs: 2_000,
  perRunMs: 350,
  spanCellReadMs: 0.01,
  movedCellMs: 0.05 * 3,
  javascriptPerRowMs: 1,
} as const;
export const RECORD_CHUNK_BUDGET_MS = 6_000;
/** Rows per chunk: keeps one archive append and one span read modest. */
export const MAX_RECORD_CHUNK_ROWS = 2_000;

/** The key of a row: each cell as Sheets stores it, text as text, a date as its instant. */
export function recordKey(cells: readonly unknown[]): string {
  return JSON.stringify(
    cells.map((v) => {
      if (v === null || v === undefined) return '';
      if (isValidDate(v)) return { at: v.getTime() };
      if (typeof v === 'string') return asCellText(v).text;
      return v;
    }),
  );
}

/**
 * A live row as written to the archive tab (so a tab whose columns were moved by hand still lands
 * right): text that Sheets would parse is kept as text; dates, numbers and booleans as they are.
 */
export function archivedRecordRow(
  archiveHeader: readonly string[],
  liveHeader: readonly string[],
  cells: readonly unknown[],
): unknown[] {
  return cellsUnderHeader(archiveHeader, liveHeader, cells).map(asStoredCell);
}

/**
 * The rows of a live tab that go to an archive file, bottom first, from its Record ID column
 * (`ids[i]` is sheet row i + 2). `yearOf`: archived id → the year of the file holding it; `live`: the
 * register's ids.
 */
export function recordsToMove(
  ids: readonly string[],
  yearOf: ReadonlyMap<string, number>,
  live: ReadonlySet<string>,
): RecordMove[] {
  const moves: RecordMove[] = [];
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = (ids[i] ?? '').trim();
    const year = id === '' || live.has(id) ? undefined : yearOf.get(id);
    if (year !== undefined) moves.push({ row: i + 2, year, id });
  }
  return moves;
}

/**
 * Chunks of one year each, in the order given (bottom first, as recordsToMove returns them), each
 * within RECORD_CHUNK_BUDGET_MS (its cost kept as rows are added: one pass).
 */
export function planRecordChunks(moves: readonly RecordMove[], width: number): RecordChunk[] {
  const chunks: RecordChunk[] = [];
  let current: RecordMove[] = [];
  let runs = 0;
  const cost = (rows: number, runCount: number, top: number, bottom: number): number =>
    priced(rows, runCount, bottom - top + 1, width);
  const close = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last)
      chunks.push({
        year: first.year,
        moves: current,
        estimatedMs: cost(current.length, runs, last.row, first.row),
      });
    current = [];
    runs = 0;
  };
  for (const move of moves) {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && first.year !== move.year) close();
    else if (first && last) {
      const newRun = last.row - 1 !== move.row ? 1 : 0;
      const next = cost(current.length + 1, runs + newRun, move.row, first.row);
      if (next > RECORD_CHUNK_BUDGET_MS || current.length >= MAX_RECORD_CHUNK_ROWS) close();
    }
    const previous = current[current.length - 1];
    if (!previous || previous.row - 1 !== move.row) runs++;
    current.push(move);
  }
  close();
  return chunks;
}

/** A chunk's estimated hold of the locks (see RECORD_CHUNK_COST), `rows` in any order. */
export function recordChunkCost(rows: readonly number[], width: number): number {
  if (rows.length === 0) return 0;
  const span = Math.max(...rows) - Math.min(...rows) + 1;
  return priced(rows.length, descendingBlocks(rows).length, span, width);
}

function priced(rows: number, runs: number, span: number, width: number): number {
  return (
    RECORD_CHUNK_COST.fixedMs +
    runs * RECORD_CHUNK_COST.perRunMs +
    span * width * RECORD_CHUNK_COST.spanCellReadMs +
    rows * (width * RECORD_CHUNK_COST.movedCellMs + RECORD_CHUNK_COST.javascriptPerRowMs)
  );
}
