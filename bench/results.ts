/**
 * One row of the benchmark table: an operation at one register size, its service calls by kind,
 * cells, local JavaScript time and estimated Apps Script time, and the naive baseline beside it.
 */
import type { ExecutionRecord } from '../runtime';
import type { CostModel } from './cost-model';
import { addCounts, countsOf, estimateMs, holdEstimates, ZERO_COUNTS, type CallCounts } from './pricing';
import type { Measurement } from './types';
import type { ScriptSpread } from './median-run';

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
  /** Where the row prices the median of several runs: their JavaScript time (bench/median-run.ts). */
  scriptSpread?: ScriptSpread;
  counts: CallCounts;
  /** Spreadsheet backend reads + writes: what the budgets call "Spreadsheet calls". */
  spreadsheetCalls: number;
  /** Local JavaScript time in the runtime, ms (wall time of the executions minus host service time). */
  scriptMs: number;
  estimatedMs: number;
  /** Service calls by Class.method, summed over the executions. */
  calls: Record<string, number>;
  /** Quota and lock figures of the executions (recordFigures). */
  extra: RecordFigures;
  /** Past this estimate the operation breaks its own budget (worst-case rows), ms. */
  budgetMs?: number;
  naive?: NaiveFigures;
}

/** What quotas and the lock budget read from an operation's executions. */
export interface RecordFigures {
  /** The longest estimated hold of a document lock by any one execution, ms (0: none taken). */
  lockHoldMs: number;
  /** Estimated time of the trigger executions (what counts against the daily trigger runtime), ms. */
  triggerMs: number;
  /** Properties round trips (reads and writes: what counts against the daily properties quota). */
  propertyCalls: number;
  /** Email recipients (what counts against the daily recipients quota of the sending account). */
  recipients: number;
}

/** Lock, trigger-runtime and quota figures of a list of executions, priced with `model`. */
export function recordFigures(records: readonly ExecutionRecord[], model: CostModel): RecordFigures {
  let lockHoldMs = 0;
  let triggerMs = 0;
  let propertyCalls = 0;
  let recipients = 0;
  for (const r of records) {
    for (const hold of holdEstimates(r.stats, model)) {
      if (hold.key.startsWith('document:')) lockHoldMs = Math.max(lockHoldMs, hold.estimatedMs);
    }
    const counts = countsOf(r.stats, r.kind);
    if (r.kind === 'installable-trigger' || r.kind === 'simple-trigger')
      triggerMs += estimateMs(counts, model);
    propertyCalls += counts.propertyReads + counts.propertyWrites;
    recipients += counts.recipients;
  }
  return { lockHoldMs, triggerMs, propertyCalls, recipients };
}

/** Estimated time of several executions: each is priced on its own (each pays its first touch). */
export function estimateRecords(records: readonly ExecutionRecord[], model: CostModel): number {
  return records.reduce((sum, r) => sum + estimateMs(countsOf(r.stats, r.kind), model), 0);
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
  for (const r of m.records) {
    counts = addCounts(counts, countsOf(r.stats, r.kind));
    for (const [k, v] of Object.entries(r.stats.calls)) calls[k] = (calls[k] ?? 0) + v;
    const s = r.stats.backend.Spreadsheet;
    spreadsheet += s ? s.read + s.write : 0;
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
    scriptSpread: m.scriptSpread,
    counts,
    spreadsheetCalls: spreadsheet,
    scriptMs: counts.scriptMs,
    estimatedMs: estimateRecords(m.records, model),
    calls,
    extra: recordFigures(m.records, model),
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
  // Executions, first touches and browser round trips do not scale with the register.
  counts.executions = b.naive.counts.executions;
  counts.touches = b.naive.counts.touches;
  counts.clientCalls = b.naive.counts.clientCalls;
  return { counts, estimatedMs: estimateMs(counts, model), ok: true, extrapolated: true };
}
