/**
 * Repeated runs of one operation (bench/median-run.ts): the run priced is the one at the median
 * JavaScript time, never the fastest; a failed run is not hidden behind the others. No timing is
 * asserted: the records are made up.
 */
import type { ExecutionRecord } from '../../../runtime';
import { emptyStats } from '../../../runtime/host/execution';
import { describeScriptSpread, medianRun, repeatRunsFromEnv } from '../../../bench/median-run';

function run(scriptCpuMs: number, ok = true): ExecutionRecord {
  return {
    executionId: scriptCpuMs,
    ok,
    value: undefined,
    error: ok ? undefined : { name: 'Exception', message: 'boom' },
    stats: { ...emptyStats(), scriptCpuMs },
    entry: 'buildReports',
    user: 'mia.manager@bench.example',
    kind: 'script-run',
  };
}

test('of three runs the median one is priced, with the spread of all three', () => {
  const runs = [run(870), run(570), run(640)];
  const { run: priced, spread } = medianRun(runs);
  expect(priced).toBe(runs[2]);
  expect(spread).toEqual({ runs: 3, minMs: 570, medianMs: 640, maxMs: 870 });
});

test('of an even count the upper of the middle two is priced, not the optimistic one', () => {
  const runs = [run(600), run(700), run(650), run(900)];
  expect(medianRun(runs).run).toBe(runs[1]);
  expect(medianRun(runs).spread.medianMs).toBe(700);
});

test('one run is priced as it is', () => {
  const only = run(610);
  expect(medianRun([only])).toEqual({
    run: only,
    spread: { runs: 1, minMs: 610, medianMs: 610, maxMs: 610 },
  });
});

test('a failed run is the run reported, so the row fails instead of pricing a lucky success', () => {
  const runs = [run(600), run(650, false), run(700)];
  expect(medianRun(runs).run).toBe(runs[1]);
});

test('where the platform gives no CPU time the wall time outside service calls is used, as pricing does', () => {
  const noCpu = (totalMs: number): ExecutionRecord => {
    const r = run(NaN);
    r.stats = { ...r.stats, totalMs, serviceMs: 100, loadMs: 50 };
    return r;
  };
  const runs = [noCpu(950), noCpu(750), noCpu(850)];
  expect(medianRun(runs)).toEqual({
    run: runs[2],
    spread: { runs: 3, minMs: 600, medianMs: 700, maxMs: 800 },
  });
});

test('no runs is an error', () => {
  expect(() => medianRun([])).toThrow(/no runs to take the median of/);
});

test('the number of runs: the caller default, WO_BENCH_REPEAT_RUNS otherwise, a whole number ≥ 1', () => {
  expect(repeatRunsFromEnv(3, {})).toBe(3);
  expect(repeatRunsFromEnv(3, { WO_BENCH_REPEAT_RUNS: '5' })).toBe(5);
  expect(() => repeatRunsFromEnv(3, { WO_BENCH_REPEAT_RUNS: '0' })).toThrow(
    /WO_BENCH_REPEAT_RUNS=0: give a whole number of runs, at least 1 \(3 by default\)/,
  );
});

test('the printed spread', () => {
  expect(describeScriptSpread({ runs: 3, minMs: 697.4, medianMs: 710.2, maxMs: 757.1 })).toBe(
    'JavaScript here 710 ms, the median of 3 runs (697–757 ms)',
  );
});
