/**
 * Which contiguous column runs to read when only some columns are needed. A read costs ~10 µs per cell
 * (Google's best-practices page, Tanaike's benchmarks) and, after the first read of a sheet, a further
 * read of the same sheet with no write between is answered by Sheets' read cache (~4 ms; the
 * benchmark's cost model, bench/cost-model.ts, uses the same figures). Two runs separated by a gap are
 * read together only when the gap's cells cost less than that further read: from a few hundred rows on
 * never, so the plan, and the number of calls, is the same for a register of 1,000 rows as of 100,000.
 */
const FURTHER_READ_US = 4_000;
const CELL_READ_US = 10;

export interface ColumnSpan {
  /** 0-based first column. */
  first: number;
  /** 0-based last column, inclusive. */
  last: number;
}

export function columnSpans(columns: Iterable<number>, rows: number): ColumnSpan[] {
  const sorted = [...new Set(columns)].filter((c) => c >= 0).sort((a, b) => a - b);
  const spans: ColumnSpan[] = [];
  for (const c of sorted) {
    const current = spans[spans.length - 1];
    const gap = current ? c - current.last - 1 : Infinity;
    if (current && gap * rows * CELL_READ_US < FURTHER_READ_US) current.last = c;
    else spans.push({ first: c, last: c });
  }
  return spans;
}
