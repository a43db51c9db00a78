/**
 * One operation run several times, priced from the run whose measured JavaScript time is the median.
 * The script's thread-CPU time is not steady on a shared machine: the same rebuild of the reports at
 * 10k measured 570–870 ms in one process (each run a whole execution, identical service calls), so one
 * run moved the priced JavaScript (× 4) by a second at 10k and ~10 s at 100k. The median of a few runs
 * of the same operation on the same world is steady to a few per cent; it is the median, not the
 * minimum, so the price stays a typical run, not the luckiest.
 */
import type { ExecutionRecord } from '../runtime';
import { countsOf } from './pricing';

/** The measured JavaScript time of the runs, ms (thread CPU time where the platform gives it). */
export interface ScriptSpread {
  runs: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
}

/** WO_BENCH_REPEAT_RUNS, else `fallback` (bench/operations.ts: 3 rebuilds of the reports). */
export function repeatRunsFromEnv(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WO_BENCH_REPEAT_RUNS;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(
      `WO_BENCH_REPEAT_RUNS=${raw}: give a whole number of runs, at least 1 (${fallback} by default)`,
    );
  }
  return n;
}

/**
 * The run to price and the spread of all: the run at the median JavaScript time (for an even count the
 * upper of the middle two, never the optimistic one). A failed run is returned as the run, so the row
 * reports the failure instead of hiding it behind the others.
 */
export function medianRun(runs: readonly ExecutionRecord[]): { run: ExecutionRecord; spread: ScriptSpread } {
  if (runs.length === 0) throw new Error('medianRun: no runs to take the median of');
  const timed = runs.map((run) => ({ run, ms: countsOf(run.stats, run.kind).scriptMs }));
  const sorted = [...timed].sort((a, b) => a.ms - b.ms);
  const failed = runs.find((r) => !r.ok);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return {
    run: failed ?? middle.run,
    spread: {
      runs: runs.length,
      minMs: sorted[0]!.ms,
      medianMs: middle.ms,
      maxMs: sorted[sorted.length - 1]!.ms,
    },
  };
}

/** "JavaScript here 710 ms, the median of 3 runs (697–757 ms)". */
export function describeScriptSpread(s: ScriptSpread): string {
  return `JavaScript here ${s.medianMs.toFixed(0)} ms, the median of ${s.runs} runs (${s.minMs.toFixed(0)}–${s.maxMs.toFixed(0)} ms)`;
}
