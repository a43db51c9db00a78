/**
 * The bundle's load price (bench/load-spread.ts): the median over fresh processes of each one's best
 * load, its spread, and the cost model pricing the median. No timing is asserted: only which
 * statistic is taken and that every figure comes from a process that really loaded the source.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { costModelFromEnv, DEFAULT_COST_MODEL, modelForBundle } from '../../../bench/cost-model';
import { describeBundlePrice, type ColdStart } from '../../../bench/cold-start';
import {
  describeSpread,
  loadProcessesFromEnv,
  measureLoadSpread,
  spreadOf,
} from '../../../bench/load-spread';

test('the spread of the processes: sorted bests, min, median of an odd count, max', () => {
  expect(spreadOf([31, 20, 24, 35, 22], 15)).toEqual({
    bestMs: [20, 22, 24, 31, 35],
    runsEach: 15,
    minMs: 20,
    medianMs: 24,
    maxMs: 35,
    cpu: true,
  });
});

test('the median of an even count is the mean of the middle two, not the optimistic lower one', () => {
  expect(spreadOf([30, 20, 26, 22], 15).medianMs).toBe(24);
});

test('a process that gave no time is an error, not a price', () => {
  expect(() => spreadOf([], 15)).toThrow(/non-negative time from every process/);
  expect(() => spreadOf([20, NaN], 15)).toThrow(/non-negative time from every process, got \[20, NaN\]/);
  expect(() => spreadOf([20, -1], 15)).toThrow(/non-negative time/);
});

test('the number of processes: 5 by default, WO_BENCH_LOAD_PROCESSES otherwise, a whole number ≥ 1', () => {
  expect(loadProcessesFromEnv({})).toBe(5);
  expect(loadProcessesFromEnv({ WO_BENCH_LOAD_PROCESSES: '3' })).toBe(3);
  expect(() => loadProcessesFromEnv({ WO_BENCH_LOAD_PROCESSES: '0' })).toThrow(
    /WO_BENCH_LOAD_PROCESSES=0: give a whole number of processes, at least 1/,
  );
  expect(() => loadProcessesFromEnv({ WO_BENCH_LOAD_PROCESSES: 'many' })).toThrow(
    /WO_BENCH_LOAD_PROCESSES=many/,
  );
});

test('the printed spread names the statistic: median of how many processes, best of how many loads, range', () => {
  expect(describeSpread(spreadOf([20.04, 24.01, 35.2], 15))).toBe(
    '24.0 ms CPU (median of 3 fresh processes, each the best of 15 loads; 20.0–35.2 ms)',
  );
});

const coldStart = (bests: number[]): ColdStart => ({
  file: 'dist/Code.js',
  bytes: 1,
  load: spreadOf(bests, 15),
  pages: {},
});

test('the priced line shows the median × the factor and what one process would have priced', () => {
  expect(describeBundlePrice(coldStart([20, 25, 35]), { bundleLoadMs: 100, jsFactor: 4 })).toBe(
    "Priced: 100 ms per execution (the median above × 4); a single process's best would have priced " +
      'it anywhere from 80 to 140 ms.',
  );
  expect(describeBundlePrice(coldStart([20, 25, 35]), { bundleLoadMs: 60, jsFactor: 4 })).toMatch(
    /set by WO_COST_BUNDLE_LOAD_MS; the measured median × 4 is 100 ms/,
  );
});

describe('measured in fresh processes', () => {
  // A tiny bundle that leaves a mark when it runs, so the probe is seen to run the source it was given.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wo-load-spread-'));
  const source = 'var loaded = []; for (var i = 0; i < 1000; i++) loaded.push(i * 2);\n';
  fs.writeFileSync(path.join(dir, 'Code.js'), source);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('each process reports its best load; the spread is measured once per bundle', () => {
    const spread = measureLoadSpread(source, 3, 2);
    expect(spread.bestMs).toHaveLength(3);
    expect(spread.runsEach).toBe(2);
    expect([...spread.bestMs].sort((a, b) => a - b)).toEqual(spread.bestMs);
    expect(spread.medianMs).toBe(spread.bestMs[1]);
    expect(measureLoadSpread(source, 3, 2)).toBe(spread);
  });

  test('the cost model prices the median of the processes, not one process’s best', () => {
    const env = { WO_DIST_DIR: dir, WO_BENCH_LOAD_PROCESSES: '3' };
    const spread = measureLoadSpread(source, 3);
    expect(costModelFromEnv(env).bundleLoadMs).toBe(spread.medianMs * DEFAULT_COST_MODEL.jsFactor);
    expect(modelForBundle(DEFAULT_COST_MODEL, source, env).bundleLoadMs).toBe(
      spread.medianMs * DEFAULT_COST_MODEL.jsFactor,
    );
  });

  test('WO_COST_BUNDLE_LOAD_MS still overrides the measurement', () => {
    expect(costModelFromEnv({ WO_DIST_DIR: dir, WO_COST_BUNDLE_LOAD_MS: '42' }).bundleLoadMs).toBe(42);
  });

  test('a bundle that throws while loading is reported, not priced', () => {
    expect(() => measureLoadSpread('throw new Error("broken bundle")', 1, 1)).toThrow(
      /bundle load probe failed.*broken bundle/s,
    );
  });
});
