/**
 * `npm run bench`: fills the local runtime with generated registers of 1k, 10k and 100k work orders
 * (~10 change-log rows each, as far as the cell limit allows), runs every operation on each, prints a
 * table (service calls by kind, cells, local JavaScript time, estimated Apps Script time, the naive
 * baseline beside it), the report compute time, the live capacity under the 10-million-cell limit and
 * the bundle's cold start, writes the same to bench/results/latest.json, and exits with code 1 when a
 * budget is broken. Not part of `npm test`.
 *
 * Environment: WO_BENCH_SIZES=1000,10000 (register sizes), WO_DIST_DIR (the build to load),
 * WO_COST_* (cost model figures, see cost-model.ts), WO_BENCH_LOG_SPARE_ROWS (empty rows left below
 * the generated change log; default 0, so every writer must grow the log sheet itself).
 */
import { execFileSync } from 'node:child_process';
import { describeVerify, measureVerify } from './verify-audit';
import fs from 'node:fs';
import path from 'node:path';
import { checkBudgets } from './budgets';
import { measureCapacity, type Capacity } from './capacity';
import { bundleBudget, measureColdStart } from './cold-start';
import { timeCompute, type ComputeFigures } from './compute';
import { costModelFromEnv, modelForBundle } from './cost-model';
import { EXTERNAL, externalRows, loadExternal } from './external';
import { logRowCount, type History } from './fixtures/history';
import { measureLifecycleRows, type LifecycleRows } from './lifecycle';
import { createNaiveWorld, measureNaive, naiveBundleSource } from './naive/world';
import { dailyQuotas, quotaChecks, type DailyQuotas } from './quotas';
import { measureWorstCases, WORST_CASE_BUDGET_MS } from './worst-cases';
import {
  measureArchiveDefault,
  measureEditsDefault,
  measureHourlyDefault,
  measureIngest,
  measureReports,
  measureReviewDefault,
  measureSetupRerun,
} from './operations';
import { measureMyWork } from './my-work';
import { measureSchedules } from './schedules';
import { printReport } from './print';
import {
  estimateRecords,
  extrapolate,
  rowFromMeasurement,
  type NaiveFigures,
  type ResultRow,
} from './results';
import type { Measurement } from './types';
import { benchHistory, createOurWorld, forgetBenchHistory } from './world';
import { forgetWorldsOf, shareWorldsOf } from './world-snapshot';
import { addCounts, countsOf, ZERO_COUNTS } from './cost-model';

/** The naive baseline is run up to this size and extrapolated beyond (see print.ts for why). */
const NAIVE_MAX_MEASURED = 10_000;

function sizesFromEnv(): number[] {
  const raw = process.env.WO_BENCH_SIZES;
  if (!raw) return [1_000, 10_000, 100_000];
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error(`WO_BENCH_SIZES=${raw}: sizes are integers ≥ 100`);
  return sizes.sort((a, b) => a - b);
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function naiveFigures(m: Measurement, model: ReturnType<typeof costModelFromEnv>): NaiveFigures {
  let counts = { ...ZERO_COUNTS };
  for (const r of m.records) counts = addCounts(counts, countsOf(r.stats, r.kind));
  const failed = m.records.find((r) => !r.ok);
  return {
    counts,
    estimatedMs: estimateRecords(m.records, model),
    ok: m.records.length > 0 && !failed,
    extrapolated: false,
    error: failed
      ? `${failed.entry}: ${failed.error?.message ?? ''}`
      : m.records.length === 0
        ? (m.note ?? 'not run')
        : undefined,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const model = costModelFromEnv();
  // The naive baseline is priced the same way, with its own (much smaller) bundle's load.
  const naiveModel = modelForBundle(model, naiveBundleSource());
  const sizes = sizesFromEnv();
  const distDir = path.resolve(process.env.WO_DIST_DIR ?? 'dist');
  const log = (text: string) =>
    process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${text}\n`);

  const external = await Promise.all(EXTERNAL.map(async (m) => ({ m, fn: await loadExternal(m) })));
  const externalOps = new Set<string>();
  const rows: ResultRow[] = [];
  /** Runs one measuring file's function for `forSizes`; the operations it measured go into `ops`. */
  const runExternal = async (
    m: (typeof EXTERNAL)[number],
    fn: (sizes: number[]) => Promise<unknown>,
    forSizes: number[],
    ops: Set<string>,
  ) => {
    log(`${m.fn} (bench/${m.file}) for ${forSizes.join(', ')}`);
    try {
      const converted = externalRows(m, await fn(forSizes), model);
      if (converted) {
        rows.push(...converted);
        for (const op of Object.values(m.names)) ops.add(op);
      } else log(`  its figures are not in a shape this table reads: measuring the operation here instead`);
    } catch (error) {
      log(
        `  failed (${error instanceof Error ? error.message : String(error)}): measuring the operation here instead`,
      );
    }
  };
  for (const { m, fn } of external) if (fn && !m.benchWorlds) await runExternal(m, fn, sizes, externalOps);

  const compute: ComputeFigures[] = [];
  const worldNotes: Record<number, string[]> = {};
  const naiveBySize = new Map<number, Map<string, NaiveFigures>>();
  let capacity: Capacity | null = null;
  let lifecycle: LifecycleRows | null = null;

  for (const size of sizes) {
    log(`generating ${size.toLocaleString('en-US')} work orders`);
    const full: History = benchHistory(size);
    log('timing the report computation in Node');
    compute.push(timeCompute(full));

    // The files measuring on bench worlds (bench/operations-ops.ts) run here, one size at a time, so
    // the size's world is built once, by the first of them, and copied for the others and for ours.
    shareWorldsOf(full);
    const externalHere = new Set(externalOps);
    for (const { m, fn } of external) if (fn && m.benchWorlds) await runExternal(m, fn, [size], externalHere);

    log('setting up our world');
    const { world, firstSetup } = await createOurWorld(full);
    // Ours is the last world of this size: the kept copy's memory is freed for the operations.
    forgetWorldsOf(full);
    worldNotes[size] = world.notes;
    const measured: { source: string; m: Measurement }[] = [
      { source: 'bench/world.ts', m: { operation: 'setup (first run)', records: [firstSetup] } },
    ];
    const run = async (source: string, op: string, fn: () => Promise<Measurement[]>) => {
      if (externalHere.has(op)) return;
      log(`  ${op}`);
      for (const m of await fn()) measured.push({ source, m });
    };
    await run('bench/operations.ts', 'setup (re-run on the full workbook)', () => measureSetupRerun(world));
    await run('bench/operations.ts', 'ingest one submission', () => measureIngest(world));
    await run('bench/operations.ts', 'open the sidebar', () => measureReviewDefault(world));
    await run('bench/operations.ts', 'a technician edit', () => measureEditsDefault(world));
    await run('bench/my-work.ts', 'open My work', () => measureMyWork(world));
    await run('bench/operations.ts', 'the hourly job', () => measureHourlyDefault(world));
    await run('bench/schedules.ts', 'the hourly job with 1,000 schedules', () => measureSchedules(world));
    await run('bench/operations.ts', 'build reports', () => measureReports(world));
    if (size === sizes[0]) {
      log('  one work order through its whole lifecycle');
      lifecycle = await measureLifecycleRows(world);
    }
    await run('bench/operations.ts', 'archive', () => measureArchiveDefault(world));
    // Capacity is the steady state's, after every routine operation (report tabs, archive, schedules
    // included) but before the worst cases: their 5,000-order overdue backlog queues about 4,900
    // emails, whose Outbox rows (about 0.2 million cells) go out over the next days and are trimmed.
    if (world.notes.length === 0) {
      capacity = measureCapacity(
        world.rt.world.spreadsheets.require(world.ssId),
        size,
        logRowCount(full.changes),
      );
    }
    await run('bench/worst-cases.ts', 'worst cases', () => measureWorstCases(world));
    for (const { source, m } of measured) {
      const row = rowFromMeasurement(size, source, m, model);
      if (source === 'bench/worst-cases.ts') row.budgetMs = WORST_CASE_BUDGET_MS;
      rows.push(row);
    }
    await world.rt.close();

    if (size <= NAIVE_MAX_MEASURED) {
      log('naive baseline');
      const naive = await createNaiveWorld(full);
      const figures = new Map<string, NaiveFigures>();
      for (const m of await measureNaive(naive)) figures.set(m.operation, naiveFigures(m, naiveModel));
      naiveBySize.set(size, figures);
      await naive.rt.close();
    }
    // No later phase reads this history: its memory goes before the next size's (and verify's) world.
    forgetBenchHistory(size);
  }

  // Beside each of our rows: the naive figure at that size, measured or extrapolated.
  const measuredSizes = [...naiveBySize.keys()].sort((a, b) => a - b);
  for (const row of rows) {
    const op = row.operation === 'build reports (first)' ? 'build reports' : row.operation;
    const at = naiveBySize.get(row.size)?.get(op);
    if (at) {
      row.naive = at;
      continue;
    }
    const [a, b] = measuredSizes.slice(-2);
    const fa = a === undefined ? undefined : naiveBySize.get(a)?.get(op);
    const fb = b === undefined ? undefined : naiveBySize.get(b)?.get(op);
    if (a !== undefined && b !== undefined && fa?.ok && fb?.ok && row.size > b) {
      row.naive = extrapolate(row.size, { size: a, naive: fa }, { size: b, naive: fb }, naiveModel);
    }
  }

  const coldStart = measureColdStart(distDir);
  // Verify audit log at a million log rows, on its own world (WO_BENCH_VERIFY_ROWS=0 skips it).
  const verifyRows = Number(process.env.WO_BENCH_VERIFY_ROWS ?? 1_000_000);
  let verifyAudit: string | null = null;
  if (verifyRows > 0) {
    log(`verify audit log over ${verifyRows.toLocaleString('en-US')} log rows`);
    const figures = await measureVerify(verifyRows);
    verifyAudit = describeVerify(figures);
    if (!figures.ok || figures.estimateMs > figures.budgetMs) process.exitCode = 1;
  }
  const quotas = dailyQuotas(rows);
  const runMs = performance.now() - started;
  const budgets = [
    ...checkBudgets({ rows, compute, capacity, runMs }),
    ...(quotas ? quotaChecks(quotas) : []),
    bundleBudget(coldStart, model),
  ];
  const result = {
    commit: commit(),
    at: new Date().toISOString(),
    node: process.version,
    costModel: model,
    naiveBundleLoadMs: naiveModel.bundleLoadMs,
    quotas,
    sizes,
    worldNotes,
    rows,
    compute,
    capacity,
    lifecycle,
    coldStart,
    budgets,
    verifyAudit,
    runMs,
  };
  printReport(result);
  if (verifyAudit) console.log(`\n${verifyAudit}`);
  const out = path.join(__dirname, 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`\nResults written to ${path.relative(process.cwd(), out)}`);
  const broken = budgets.filter((b) => !b.ok);
  if (broken.length > 0) {
    console.log('');
    for (const b of broken) console.log(`BUDGET BROKEN: ${b.name}: ${b.detail}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

export type BenchResult = {
  commit: string;
  at: string;
  node: string;
  costModel: ReturnType<typeof costModelFromEnv>;
  naiveBundleLoadMs: number;
  quotas: DailyQuotas | null;
  sizes: number[];
  worldNotes: Record<number, string[]>;
  rows: ResultRow[];
  compute: ComputeFigures[];
  capacity: Capacity | null;
  lifecycle: LifecycleRows | null;
  coldStart: ReturnType<typeof measureColdStart>;
  budgets: ReturnType<typeof checkBudgets>;
  verifyAudit?: string | null;
  runMs: number;
};
