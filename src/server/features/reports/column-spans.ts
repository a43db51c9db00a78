/**
 * Which contiguous column runs to read when only some columns are needed. A read costs a round trip
 * (~100 ms) plus ~10 µs per cell (Google's best-practices page, Tanaike's benchmarks; the benchmark's
 * cost model uses the same figures), so two runs separated by a gap are read together only when the
 * gap's cells cost less than a second round trip. At 100,000 rows even a one-column gap is worth
 * skipping; on a small register everything is read in one call.
 */
const ROUND_TRIP_US = 100_000;
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
    if (current && gap * rows * CELL_READ_US < ROUND_TRIP_US) current.last = c;
    else spans.push({ first: c, last: c });
  }
  return spans;
}
