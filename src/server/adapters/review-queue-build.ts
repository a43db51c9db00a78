/**
 * Building the review queue's index from the register in chunks, so that no execution holds the
 * document lock for long: at 100,000 rows one read of every row and column (~2.9 million cells) kept
 * the lock for about 30 s, longer than the 30 s a writer waits for it.
 *
 * A chunk reads the Request ID and Status columns of up to BAND_ROWS rows (three cells a row in the
 * standard layout), then reads in full only the rows that may be in the queue: every row whose Status
 * is not a closed status the index never holds (Closed, Rejected, Cancelled) or empty. Rows read in
 * full are grouped into spans worth one call each, and a chunk stops reading once it has read
 * CHUNK_CELLS cells: what is left waits for the next chunk, under a new hold of the lock. A small
 * register (up to DIRECT_ROWS rows) is read in one call as before.
 *
 * Between chunks the partial index is stored with `scanNext` (the first row not scanned yet), so
 * another execution can carry on where this one stopped, and every writer keeps the rows already
 * scanned true meanwhile (a writer's row beyond `scanNext` is read again by a later chunk, as it is then).
 */
import { highestRequestNumber } from '../../core/ids';
import { parseRegisterRow } from '../../core/columns';
import { applyOrder, emptyIndex, type ReviewIndex } from './review-queue-entries';
import type { Register } from './register';

/** Registers up to this many rows are read whole, in one call (what the cost model prefers). */
export const DIRECT_ROWS = 5_000;
/** Rows whose id and status one chunk reads. */
export const BAND_ROWS = 50_000;
/**
 * A chunk starts no further read of full rows past this many cells or reads. With a span at most
 * half of it, a chunk reads at most 300,000 cells of rows in 26 calls, plus the band (150,000 cells):
 * ~7 s at the cost model's 100 ms a read and 10 µs a cell, under the 10 s a hold may last.
 */
export const CHUNK_CELLS = 200_000;
export const CHUNK_READS = 25;
/** Cells one extra call is worth reading rather than another call (~100 ms a call, ~10 µs a cell). */
const CELLS_PER_CALL = 10_000;
/** Statuses the index never holds: a row in one of them is not read in full. */
const NEVER_QUEUED: ReadonlySet<string> = new Set(['closed', 'rejected', 'cancelled']);

/** A new index to build over rows 2..lastRow. */
export function startBuild(lastRow: number): ReviewIndex {
  const index = emptyIndex(lastRow);
  index.scanNext = lastRow >= 2 ? 2 : 0;
  return index;
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** Groups sorted rows into spans, each worth one read and none longer than a chunk's cells. */
function spansOf(rows: readonly number[], width: number): Array<[number, number]> {
  const gap = Math.max(1, Math.floor(CELLS_PER_CALL / Math.max(1, width)));
  const longest = Math.max(1, Math.floor(CHUNK_CELLS / 2 / Math.max(1, width)));
  const spans: Array<[number, number]> = [];
  for (const row of rows) {
    const last = spans[spans.length - 1];
    if (last && row - last[1] <= gap && row - last[0] < longest) last[1] = row;
    else spans.push([row, row]);
  }
  return spans;
}

/** Applies full rows [first, first + rows.length) to the index. */
function applyRows(register: Register, index: ReviewIndex, rows: readonly unknown[][], first: number): void {
  rows.forEach((cells, i) => {
    if (cells.every((v) => v === '' || v === null)) return;
    const parsed = parseRegisterRow(cells, register.layout, first + i);
    if (parsed.ok) applyOrder(index, first + i, parsed.order);
  });
}

/** The id and status of rows [first, first + count): one read (two when the columns lie far apart). */
function idsAndStatuses(
  register: Register,
  first: number,
  count: number,
): { ids: string[]; statuses: string[] } {
  const idAt = register.layout.indexOf.id;
  const statusAt = register.layout.indexOf.status;
  const lo = Math.min(idAt, statusAt);
  const hi = Math.max(idAt, statusAt);
  if (hi - lo < 4) {
    // Adjacent enough: one read of the band between them.
    const band = register.readBand(first, count, lo, hi - lo + 1);
    return {
      ids: band.map((r) => cellText(r[idAt - lo])),
      statuses: band.map((r) => cellText(r[statusAt - lo]).toLowerCase()),
    };
  }
  const column = (at: number) => register.readColumn(at, first, count).map(cellText);
  return { ids: column(idAt), statuses: column(statusAt).map((s) => s.toLowerCase()) };
}

/** What one chunk read, for the execution log. */
export interface ChunkRead {
  first: number;
  last: number;
  cells: number;
  reads: number;
}

/**
 * Scans the next chunk of a building index (the caller holds the document lock and stores the index
 * afterwards). `scanNext` becomes 0 when the index is complete.
 */
export function scanChunk(register: Register, index: ReviewIndex): ChunkRead {
  const first = index.scanNext;
  if (first < 2 || first > index.lastRow) {
    index.scanNext = 0;
    return { first, last: first - 1, cells: 0, reads: 0 };
  }
  const remaining = index.lastRow - first + 1;
  if (first === 2 && remaining <= DIRECT_ROWS) {
    const rows = register.readRows(first, remaining);
    applyRows(register, index, rows, first);
    index.maxSeq = Math.max(
      index.maxSeq,
      highestRequestNumber(rows.map((r) => cellText(r[register.layout.indexOf.id]))),
    );
    index.scanNext = 0;
    return { first, last: index.lastRow, cells: remaining * register.width, reads: 1 };
  }
  const count = Math.min(BAND_ROWS, remaining);
  const { ids, statuses } = idsAndStatuses(register, first, count);
  const bandWidth = Math.abs(register.layout.indexOf.id - register.layout.indexOf.status) + 1;
  let cells = count * (bandWidth < 5 ? bandWidth : 2);
  let reads = bandWidth < 5 ? 1 : 2;
  const candidates: number[] = [];
  statuses.forEach((status, i) => {
    if (status === '' && ids[i] === '') return;
    if (!NEVER_QUEUED.has(status)) candidates.push(first + i);
  });
  // Rows past the last candidate read need no full read: the chunk ends where its reading stops.
  let scannedTo = first + count - 1;
  for (const [from, to] of spansOf(candidates, register.width)) {
    if (cells >= CHUNK_CELLS || reads > CHUNK_READS) {
      scannedTo = from - 1;
      break;
    }
    applyRows(register, index, register.readRows(from, to - from + 1), from);
    cells += (to - from + 1) * register.width;
    reads++;
  }
  index.maxSeq = Math.max(index.maxSeq, highestRequestNumber(ids.slice(0, scannedTo - first + 1)));
  index.scanNext = scannedTo >= index.lastRow ? 0 : scannedTo + 1;
  return { first, last: scannedTo, cells, reads };
}
