/**
 * Which of the change log's oldest rows move to the archive files, and in what chunks. Pure.
 *
 * The log moves from its top, in chain order, so what stays is still one chain: the live tab keeps
 * the last row moved as its first data row (the link the next row's MAC follows), and the checkpoint
 * records where the archived part ends (core/keyed-chain.ts `ArchivedLog`). A row moves only when:
 *  - it was logged before the retention cutoff (the first younger row ends the move);
 *  - it is not about an order still outside the archive: every live order keeps its whole history in
 *    the live tab (Verify's register comparison, the hourly put-back of a deleted row, the sidebar's
 *    history and the reports read it there). The first row of such an order ends the move, and the
 *    run's summary names that order;
 *  - it is not the log's last row naming a new request id or a work-order number: a lost counter is
 *    rebuilt from the log's end (setup/issued-tail.ts), which must still hold the highest of each.
 * Rows of settings, staff and other records that are not orders move with the rest.
 *
 * Each archive file takes the rows of its year (the latest year met so far in chain order, so that a
 * row logged a moment late around New Year does not split a file's part), in chunks priced like the
 * work-record chunks (record-plan.ts) to hold the locks a few seconds.
 */
import { parseChanges } from '../../../core/change-lines';
import { LOG_COLUMN, timestampOf } from '../../../core/change-log-row';
import { parseRequestId } from '../../../core/ids';
import {
  chainStart,
  linkRows,
  liveLegacyRows,
  parseKeyedCell,
  type Checkpoint,
} from '../../../core/keyed-chain';
import { REGISTER_COLUMNS } from '../../../core/model';
import { CREATED_FIELD } from '../../../core/replay';
import { localParts } from '../../../core/time';

/**
 * What one chunk holds the locks for, from the cost model's published prices as in record-plan.ts:
 * the fixed calls (both locks, the checkpoint written twice, the archive tab's growth and write) and
 * one deleteRows; per row, 6 cells read, 6 written to the archive and 12 covered by structural calls
 * (the archive grown, the live rows deleted), and 1 ms of JavaScript (the row's MAC checked).
 */
export const LOG_CHUNK_COST = {
  fixedMs: 2_000,
  deleteMs: 350,
  cellReadMs: 0.01,
  cellWrittenMs: 0.05,
  structuralCellMs: 0.05,
  javascriptPerRowMs: 1,
} as const;
export const LOG_CHUNK_BUDGET_MS = 6_000;
const LOG_WIDTH = 6;
const PER_ROW_MS =
  LOG_WIDTH * LOG_CHUNK_COST.cellReadMs +
  LOG_WIDTH * LOG_CHUNK_COST.cellWrittenMs +
  2 * LOG_WIDTH * LOG_CHUNK_COST.structuralCellMs +
  LOG_CHUNK_COST.javascriptPerRowMs;
/** Rows a chunk moves at most: what fits its budget (about 1,900 at 1.96 ms a row). */
export const MAX_LOG_CHUNK_ROWS = Math.floor(
  (LOG_CHUNK_BUDGET_MS - LOG_CHUNK_COST.fixedMs - LOG_CHUNK_COST.deleteMs) / PER_ROW_MS,
);

export function logChunkCostMs(rows: number): number {
  return LOG_CHUNK_COST.fixedMs + LOG_CHUNK_COST.deleteMs + rows * PER_ROW_MS;
}

export interface LogChunk {
  /** The archive file (year) the rows go to. */
  year: number;
  /** The chain position of the chunk's last row: the next link. */
  throughSeq: number;
  /** Rows the chunk copies (the legacy rows too, in the first chunk of a log that has them). */
  rows: number;
  estimatedMs: number;
}

/** Why the move stops where it does, for the run's summary. */
export type LogStop =
  | { kind: 'none' }
  | { kind: 'young' }
  | {
      kind: 'order';
      id: string;
      at: Date;
      /** Set when an archive file holds it too: its register row was typed or restored by hand. */
      alsoArchived?: true;
    }
  | { kind: 'latest-number' }
  | { kind: 'damaged'; row: number }
  | { kind: 'legacy'; rows: number }
  | { kind: 'planned-enough' };

export interface LogPlan {
  chunks: LogChunk[];
  stop: LogStop;
}

const WO_FIELD = REGISTER_COLUMNS.woNumber;

/** Whether a Changes cell names a new request id or a work-order number (the counters' last rows). */
function namesNumber(changes: string): boolean {
  if (!changes.includes(CREATED_FIELD) && !changes.includes(WO_FIELD)) return false;
  return parseChanges(changes).some((l) => l.field === CREATED_FIELD || l.field === WO_FIELD);
}

/**
 * Plans the move row by row, in the order the log is read from sheet row 2 (`feed` as many times as
 * there are reads; it says when it has seen enough). Rows past `checkpoint.row` are never moved
 * (uncommitted: the next append settles them).
 */
export class LogCutPlanner {
  /** The chain position the live tab continues after, and its rows from before the keyed chain. */
  private readonly startSeq: number;
  private readonly legacy: number;
  /** Rows at the tab's top already moved (the link). */
  private readonly link: number;
  /** Rows of the live tab seen (from sheet row 2). */
  private seen = 0;
  /** Rows that may move, in chain order: their year, and whether they name a number. */
  private readonly movable: { year: number; names: boolean }[] = [];
  private stop: LogStop = { kind: 'none' };
  private done = false;
  /** Whether the row that ended the move names a number (then the log keeps a later such row). */
  private stoppedOnNaming = false;

  constructor(
    private readonly checkpoint: Checkpoint,
    private readonly options: {
      cutoff: number;
      /** Order ids held by an archive file (and gone from the register). */
      archivedIds: ReadonlySet<string>;
      timeZone: string;
      /** Rows planned at most (what the run has time for). */
      maxRows: number;
    },
  ) {
    this.startSeq = chainStart(checkpoint).seq;
    this.legacy = liveLegacyRows(checkpoint);
    this.link = linkRows(checkpoint);
  }

  /** The chain position of movable row `index` (a keyed one: after the legacy rows). */
  private seqAt(index: number): number {
    return this.startSeq + index - this.legacy + 1;
  }

  /** Takes in the next rows read; true once planning needs no more. */
  feed(rows: readonly (readonly unknown[])[]): boolean {
    for (const row of rows) {
      if (this.done) break;
      const sheetRow = 2 + this.seen++;
      if (sheetRow < 2 + this.link) continue; // the link: moved already
      this.take(row, sheetRow);
    }
    return this.done;
  }

  private end(stop: LogStop, row?: readonly unknown[]): void {
    this.stop = stop;
    this.done = true;
    const changes = row?.[LOG_COLUMN.changes];
    this.stoppedOnNaming = typeof changes === 'string' && namesNumber(changes);
  }

  private take(row: readonly unknown[], sheetRow: number): void {
    const { cutoff, archivedIds, timeZone, maxRows } = this.options;
    if (sheetRow > this.checkpoint.row) return this.end({ kind: 'none' });
    if (this.movable.length >= maxRows) return this.end({ kind: 'planned-enough' }, row);
    const at = timestampOf(row[LOG_COLUMN.at]);
    if (!at || at.getTime() >= cutoff) return this.end({ kind: 'young' }, row);
    const index = this.movable.length;
    if (index >= this.legacy) {
      // A keyed row must hold the next position: anything else is damage Verify will name.
      const cell = parseKeyedCell(row[LOG_COLUMN.hash]);
      if (cell?.seq !== this.seqAt(index)) return this.end({ kind: 'damaged', row: sheetRow });
    }
    const id = String(row[LOG_COLUMN.recordId] ?? '').trim();
    if (parseRequestId(id) !== null && !archivedIds.has(id)) return this.end({ kind: 'order', id, at }, row);
    const previous = this.movable[index - 1]?.year ?? 0;
    const changes = row[LOG_COLUMN.changes];
    this.movable.push({
      year: Math.max(previous, localParts(at, timeZone).year),
      names: typeof changes === 'string' && namesNumber(changes),
    });
  }

  plan(): LogPlan {
    let count = this.movable.length;
    let stop = this.stop;
    // The log's last row naming a number stays, and not as the link (which nothing reads as the
    // add-on's): unless the row that ended the move names one, the last such row planned stays.
    let lastNaming = -1;
    for (let i = count - 1; i >= 0 && lastNaming < 0; i--) if (this.movable[i]?.names) lastNaming = i;
    if (lastNaming >= 0 && !this.stoppedOnNaming) {
      count = lastNaming;
      // Damage met, or more rows due than planned, still say why the move stops where the summary can.
      if (stop.kind === 'none' || stop.kind === 'young') stop = { kind: 'latest-number' };
    }
    // The move ends on a keyed row (the link), after every legacy row.
    if (count <= this.legacy) return { chunks: [], stop };
    if (this.legacy + 1 > MAX_LOG_CHUNK_ROWS)
      return { chunks: [], stop: { kind: 'legacy', rows: this.legacy } };
    return { chunks: this.chunks(count), stop };
  }

  private chunks(count: number): LogChunk[] {
    const chunks: LogChunk[] = [];
    let first = 0;
    while (first < count) {
      // The legacy rows all go in the first chunk: the chain's first keyed row follows them.
      let last = Math.max(first, this.legacy);
      // Never keyed row 1 as the link: with no legacy rows, a reading that checks each row against the
      // one above (integrity/log-history.ts) would take it for the add-on's first row.
      if (this.seqAt(last) < 2) last++;
      if (last >= count) break;
      const cap = first + MAX_LOG_CHUNK_ROWS - 1;
      // Years only grow in chain order (see the header): the chunk's year is its last row's.
      const year = (this.movable[last] as { year: number }).year;
      while (last + 1 < count && last + 1 <= cap && this.movable[last + 1]?.year === year) last++;
      const rows = last - first + 1;
      chunks.push({
        year,
        throughSeq: this.seqAt(last),
        rows,
        estimatedMs: logChunkCostMs(rows),
      });
      first = last + 1;
    }
    return chunks;
  }
}
