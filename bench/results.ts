/**
 * One row of the benchmark table: an operation at one register size, its service calls by kind,
 * cells, local JavaScript time and estimated Apps Script time, and the naive baseline beside it.
 */
import type { ExecutionRecord } from '../runtime';
import { addCounts, countsOf, estimateMs, ZERO_COUNTS, type CallCounts, type CostModel } from './cost-model';
import type { Measurement } from './types';

export interface NaiveFigures {
  counts: CallCounts;
  estimatedMs: number;
  ok: boolean;
  /** True when computed from the measured sizes by a straight-line fit instead of run. */
  extrapolated: boolean;
  error?: string;
}

export interface ResultRow {
  size: number;
  operation: string;
  /** Which file measured it (bench/operations.ts, bench/edits.ts…). */
  source: string;
  ok: boolean;
  /** Not run on purpose (its note says why, e.g. the world cannot hold what it needs): no budget applies. */
  skipped?: boolean;
  error?: string;
  note?: string;
  counts: CallCounts;
  /** Spreadsheet backend reads + writes: what the budgets call "Spreadsheet calls". */
  spreadsheetCalls: number;
  /** Local JavaScript time in the runtime, ms (wall time of the executions minus host service time). */
  scriptMs: number;
  estimatedMs: number;
  /** Service calls by Class.method, summed over the executions. */
  calls: Record<string, number>;
  naive?: NaiveFigures;
}

/** Estimated time of several executions: each is priced on its own (each pays its first touch). */
export function estimateRecords(records: readonly ExecutionRecord[], model: CostModel): number {
  return records.reduce((sum, r) => sum + estimateMs(countsOf(r.stats), model), 0);
}

export function rowFromMeasurement(
  size: number,
  source: string,
  m: Measurement,
  model: CostModel,
): ResultRow {
  let counts: CallCounts = { ...ZERO_COUNTS };
  const calls: Record<string, number> = {};
  let spreadsheet = 0;
  let scriptMs = 0;
  for (const r of m.records) {
    counts = addCounts(counts, countsOf(r.stats));
    for (const [k, v] of Object.entries(r.stats.calls)) calls[k] = (calls[k] ?? 0) + v;
    const s = r.stats.backend.Spreadsheet;
    spreadsheet += s ? s.read + s.write : 0;
    scriptMs += Math.max(0, r.stats.totalMs - r.stats.serviceMs);
  }
  const failed = m.records.find((r) => !r.ok);
  const empty = m.records.length === 0;
  return {
    size,
    operation: m.operation,
    source,
    ok: !failed && !empty,
    skipped: empty && m.note !== undefined,
    error: failed
      ? `${failed.entry}: ${failed.error?.message ?? 'failed'}`
      : empty
        ? (m.note ?? 'not run')
        : undefined,
    note: m.note,
    counts,
    spreadsheetCalls: spreadsheet,
    scriptMs,
    estimatedMs: estimateRecords(m.records, model),
    calls,
  };
}

/** Naive figures at `size` from the naive rows measured at two smaller sizes (straight-line fit). */
export function extrapolate(
  at: number,
  a: { size: number; naive: NaiveFigures },
  b: { size: number; naive: NaiveFigures },
  model: CostModel,
): NaiveFigures {
  const t = (at - a.size) / (b.size - a.size);
  const counts = { ...ZERO_COUNTS };
  for (const key of Object.keys(counts) as (keyof CallCounts)[]) {
    counts[key] = Math.max(0, a.naive.counts[key] + (b.naive.counts[key] - a.naive.counts[key]) * t);
  }
  // Executions and first touches do not scale with the register.
  counts.executions = b.naive.counts.executions;
  counts.touches = b.naive.counts.touches;
  return { counts, estimatedMs: estimateMs(counts, model), ok: true, extrapolated: true };
}
