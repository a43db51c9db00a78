/**
 * Reading the change log as a whole, for the code that checks or sums it (Verify audit log, the
 * reports): every column of every row in chunks, or only some columns. Appending is change-log.ts's.
 * Row numbers are sheet rows: the header is row 1.
 */
import { LOG_COLUMN } from '../../core/change-log-row';
import { CHANGE_LOG_HEADERS, SHEET_NAMES } from '../../core/model';
import { columnSpans } from './column-spans';
import { logSheet, requireSheet } from './workbook';
import type { Spreadsheet, Sheet } from './apps-script-types';
import { asText } from '../../core/headers';
import type { Checkpoint } from '../../core/keyed-chain';
import { checkpointCell } from './change-log-tail';

export interface ChunkOptions {
  /** Rows handed to `visit` per read. */
  chunkRows: number;
  /** Rows read past each chunk (and handed over after its `count` rows), to see what follows it. */
  lookahead?: number;
  /** The sheet rows read: from `from` (default 2, the first data row) through `through` (default: the log's last row, one getLastRow call). */
  from?: number;
  through?: number;
}

/** The log's rows `first`..`last` (sheet rows), every column, in one read. */
export function readChangeLogRows(sheet: Sheet, first: number, last: number): unknown[][] {
  return sheet.getRange(first, 1, last - first + 1, CHANGE_LOG_HEADERS.length).getValues();
}

/**
 * Reads the log (its sheet, already found: requireSheet) from row 2 (or `from`) down, one read per
 * chunk, handing each to `visit` (its rows, how many of them belong to the chunk, the sheet row of the
 * first); `visit` returns true to stop. Returns the log's last row (or `through`), as read before the
 * first chunk.
 */
export function readChangeLogChunks(
  sheet: Sheet,
  { chunkRows, lookahead = 0, from = 2, through }: ChunkOptions,
  visit: (rows: unknown[][], count: number, first: number) => boolean | void,
): number {
  const last = through ?? sheet.getLastRow();
  for (let first = from; first <= last; first += chunkRows) {
    const count = Math.min(chunkRows, last - first + 1);
    const read = Math.min(count + lookahead, last - first + 1);
    if (visit(readChangeLogRows(sheet, first, first + read - 1), count, first) === true) break;
  }
  return last;
}

/** One column as read: data row i's cell is `rows[i][at]` (rows shared with the columns read with it). */
export interface LogColumn {
  rows: readonly (readonly unknown[])[];
  at: number;
}

/**
 * The cells of `columns` (0-based) in every row of the log, one read per run of nearby columns
 * (column-spans.ts); `rows` is how many data rows there are. Each column is handed out in place, not
 * copied: at a million rows a copy per column is megabytes more for the garbage collector.
 */
export function readChangeLogColumns(
  ss: Spreadsheet,
  columns: readonly number[],
): { rows: number; column: (column: number) => LogColumn } {
  const sheet = requireSheet(ss, SHEET_NAMES.changeLog);
  const rows = Math.max(0, sheet.getLastRow() - 1);
  const read: { first: number; last: number; values: unknown[][] }[] = [];
  if (rows > 0)
    for (const span of columnSpans(columns, rows)) {
      const values = sheet.getRange(2, span.first + 1, rows, span.last - span.first + 1).getValues();
      read.push({ ...span, values });
    }
  return {
    rows,
    column: (column) => {
      const span = read.find((s) => column >= s.first && column <= s.last);
      return span ? { rows: span.values, at: column - span.first } : { rows: [], at: 0 };
    },
  };
}

export interface BackwardScan {
  /** First (leftmost) column read, 0-based, and how many adjacent columns from it. */
  firstColumn: number;
  columns: number;
  /** Rows per read, bottom-up: the first read takes chunks[0] rows, and so on; the last size repeats. */
  chunks: readonly number[];
  /** Rows read at most, counted from the bottom row up (overlap rows included). */
  maxRows: number;
  /** The sheet row the reading starts at (default: the log's last row, one getLastRow call). */
  bottom?: number;
  /**
   * Rows read above each chunk and handed over before its rows, to see what precedes the chunk's top
   * row (a keyed row is checked against the row above it); they are read again with the next chunk.
   */
  overlap?: number;
}

/**
 * Reads the log's last rows from the bottom up, one read per chunk (sizes growing as `chunks` says,
 * so a question the last rows answer costs one small read), at most `maxRows` rows. `visit` gets each
 * chunk's rows in sheet order (top to bottom, the `overlap` rows above it first), the sheet row of the
 * first row handed over and that of the chunk's own top row; it returns true to stop.
 * Returns how many rows were read.
 */
export function readChangeLogBackward(
  sheet: Sheet,
  { firstColumn, columns, chunks, maxRows, bottom: start, overlap = 0 }: BackwardScan,
  visit: (rows: unknown[][], first: number, top: number) => boolean | void,
): number {
  let bottom = start ?? sheet.getLastRow();
  const floor = Math.max(2, bottom - maxRows + 1);
  let read = 0;
  for (let i = 0; bottom >= floor; i++) {
    const size = chunks[Math.min(i, chunks.length - 1)] ?? 1;
    const top = Math.max(floor, bottom - size + 1);
    const first = Math.max(floor, top - overlap);
    const rows = sheet.getRange(first, firstColumn + 1, bottom - first + 1, columns).getValues();
    read += rows.length;
    if (visit(rows, first, top) === true) break;
    bottom = top - 1;
  }
  return read;
}

/**
 * The log's last `count` rows, every column, and the sheet row of the first of them: the last row, then
 * one read (none when the log has no data row). For a reader that wants the end of the log as it stands
 * in the sheet, such as the daily anchor; appends go through the checkpoint (change-log-tail.ts) instead.
 */
export function readLastLogRows(ss: Spreadsheet, count: number): { rows: unknown[][]; first: number } {
  let found: { rows: unknown[][]; first: number } = { rows: [], first: 2 };
  const scan = { firstColumn: 0, columns: CHANGE_LOG_HEADERS.length, chunks: [count], maxRows: count };
  readChangeLogBackward(logSheet(ss), scan, (rows, first) => {
    found = { rows, first };
    return true;
  });
  return found;
}

/**
 * The log's Timestamp and Record ID columns from the bottom up, `chunkRows` rows a chunk (two reads a
 * chunk, one per column: the columns between are never read), handing each chunk's cells in sheet
 * order to `visit`, which returns true to stop. Nothing when the log is missing.
 */
export function readLogTimesAndRecordsBackward(
  ss: Spreadsheet,
  chunkRows: number,
  visit: (times: unknown[][], records: unknown[][]) => boolean,
): void {
  const log = ss.getSheetByName(SHEET_NAMES.changeLog);
  if (!log) return;
  const recordColumn = LOG_COLUMN.recordId + 1;
  for (let end = log.getLastRow(); end >= 2;) {
    const start = Math.max(2, end - chunkRows + 1);
    const times = log.getRange(start, 1, end - start + 1, 1).getValues();
    const records = log.getRange(start, recordColumn, end - start + 1, 1).getValues();
    if (visit(times, records)) break;
    end = start - 1;
  }
}

/**
 * Whether the log's sheet row `checkpoint.row` (the last the add-on recorded writing) still holds the
 * checkpoint's MAC: one read of one cell. The header row of an empty log always does.
 */
export function checkpointRowIntact(ss: Spreadsheet, checkpoint: Checkpoint): boolean {
  if (checkpoint.row <= 1) return true;
  // The same tab readChangeLogColumns read, through the local accessor (no second look-up call).
  const cell = logSheet(ss)
    .getRange(checkpoint.row, LOG_COLUMN.hash + 1)
    .getValue();
  return asText(cell) === checkpointCell(checkpoint);
}
