/**
 * The change log's Status rows grouped by work order, once, in time order. A compressed layout
 * (offsets + one flat index array, like a CSR matrix) keeps a million rows at a few MB and makes
 * the grouping linear; each order's slice is sorted only when it is not already (the log is
 * append-only, so it nearly always is).
 */
import { STATUSES, type ChangeLogEntry } from '../model';
import { parseFieldLine, type FieldLine } from '../change-lines';
import type { SkipNotes } from './notes';
import { validSeconds } from './dates';

export interface StatusHistory {
  changes: readonly ChangeLogEntry[];
  /** Time of each change row in ms (NaN when unusable). */
  atMs: Float64Array;
  /**
   * Each change row's old and new value as its place in STATUSES (UNKNOWN_STATUS for any other text):
   * the figures compare statuses for every row of every order, and a number compares without turning
   * the cell into a string and looking it up again each time.
   */
  fromCode: Int8Array;
  toCode: Int8Array;
  /** Order i's rows are rows[start[i] .. start[i+1]). */
  start: Int32Array;
  /** Change-row indices, grouped by order, ascending by time (ties keep log order). */
  rows: Int32Array;
  /** Earliest and latest usable Status-row time, NaN when none. */
  first: number;
  last: number;
}

/** The lifecycle's field is logged under its header 'Status'; accept the field key 'status' as well. */
export function isStatusField(field: string): boolean {
  return field === 'Status' || (field.length === 6 && field.toLowerCase() === 'status');
}

const COLON = 0x3a;

/** A value that is not a lifecycle status, in StatusHistory's codes. */
export const UNKNOWN_STATUS = -1;
const STATUS_CODE: ReadonlyMap<string, number> = new Map(STATUSES.map((s, i) => [s, i]));

/** A status's place in STATUSES, UNKNOWN_STATUS for any other value. */
export function statusCode(value: unknown): number {
  return STATUS_CODE.get(String(value)) ?? UNKNOWN_STATUS;
}

/**
 * The Status lines of a Changes cell (see change-lines.ts), parsed; every other line is skipped after
 * looking at its first seven characters. A million log rows hold a few million field lines, and
 * splitting and parsing each of them was most of a report build's JavaScript time.
 */
export function statusLinesOf(text: string): FieldLine[] {
  const lines: FieldLine[] = [];
  forEachStatusLine(text, (line) => lines.push(line));
  return lines;
}

/** statusLinesOf without an array per cell (most cells of the log hold no Status line). */
export function forEachStatusLine(text: string, visit: (line: FieldLine) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // "Status: old → new": a status line's label is six characters then ": " (never quoted).
    if (
      text.charCodeAt(start + 6) === COLON &&
      end - start > 8 &&
      isStatusField(text.slice(start, start + 6))
    ) {
      const line = parseFieldLine(text.slice(start, end));
      if (line) visit(line);
    }
    start = end + 1;
  }
}

export function buildStatusHistory(
  changes: readonly ChangeLogEntry[],
  orderIndex: ReadonlyMap<string, number>,
  orderCount: number,
  notes: SkipNotes,
): StatusHistory {
  const atMs = new Float64Array(changes.length);
  const fromCode = new Int8Array(changes.length).fill(UNKNOWN_STATUS);
  const toCode = new Int8Array(changes.length).fill(UNKNOWN_STATUS);
  const owner = new Int32Array(changes.length).fill(-1);
  const counts = new Int32Array(orderCount + 1);
  let badTime = 0;
  let unknownRecord = 0;
  let first = NaN;
  let last = NaN;
  for (let i = 0; i < changes.length; i++) {
    const row = changes[i];
    if (!row || !isStatusField(String(row.field))) continue;
    const at = validSeconds(row.at);
    atMs[i] = at;
    if (Number.isNaN(at)) {
      badTime++;
      continue;
    }
    const idx = orderIndex.get(String(row.recordId));
    if (idx === undefined) {
      unknownRecord++;
      continue;
    }
    owner[i] = idx;
    fromCode[i] = statusCode(row.oldValue);
    toCode[i] = statusCode(row.newValue);
    counts[idx + 1] = (counts[idx + 1] ?? 0) + 1;
    if (!(at >= first)) first = at;
    if (!(at <= last)) last = at;
  }
  const start = new Int32Array(orderCount + 1);
  for (let i = 0; i < orderCount; i++) start[i + 1] = (start[i] ?? 0) + (counts[i + 1] ?? 0);
  const rows = new Int32Array(start[orderCount] ?? 0);
  const fill = start.slice(0, orderCount);
  for (let i = 0; i < changes.length; i++) {
    const idx = owner[i] ?? -1;
    if (idx < 0) continue;
    const pos = fill[idx] ?? 0;
    rows[pos] = i;
    fill[idx] = pos + 1;
  }
  for (let o = 0; o < orderCount; o++) sortSlice(rows, start[o] ?? 0, start[o + 1] ?? 0, atMs);

  if (badTime > 0)
    notes.add(`${badTime} Status row(s) of the change log with a missing or malformed time were left out.`);
  if (unknownRecord > 0) {
    notes.add(
      `${unknownRecord} Status row(s) of the change log belong to records not in the register (archived or removed) and were left out of time in status.`,
    );
  }
  return { changes, atMs, fromCode, toCode, start, rows, first, last };
}

function sortSlice(rows: Int32Array, from: number, to: number, atMs: Float64Array): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) {
    if ((atMs[rows[k - 1] ?? 0] ?? 0) > (atMs[rows[k] ?? 0] ?? 0)) sorted = false;
  }
  if (sorted) return;
  // Ties keep log order (index order), which is the order the changes were written in.
  rows.subarray(from, to).sort((a, b) => (atMs[a] ?? 0) - (atMs[b] ?? 0) || a - b);
}
