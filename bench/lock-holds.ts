/**
 * A focused look at setup's and reports' document-lock holds: builds one world (WO_BENCH_SIZES, first
 * size only; default 10,000), runs setup on the empty spreadsheet, setup again on the full workbook and
 * two report builds, and prints every hold of each with its estimate and the service calls made in it.
 * `node --import tsx bench/lock-holds.ts` (WO_DIST_DIR picks the build). Not part of `npm run bench`.
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv } from './cost-model';
import { callCounts, estimateParts, holdEstimates, estimateMs, countsOf } from './pricing';
import { benchHistory, createOurWorld } from './world';

function describe(label: string, record: ExecutionRecord): void {
  const model = costModelFromEnv();
  const estimates = holdEstimates(record.stats, model);
  const total = estimateMs(countsOf(record.stats, record.kind), model);
  const parts = Object.entries(estimateParts(countsOf(record.stats, record.kind), model))
    .filter(([, v]) => v >= 100)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
    .join(', ');
  console.log(
    `\n${label}: ${record.ok ? 'ok' : `FAILED ${record.error?.message ?? ''}`}, ${(total / 1000).toFixed(2)} s [${parts}]`,
  );
  if (process.env.WO_PROBE_CALLS) {
    const all = Object.entries(record.stats.calls)
      .filter(([k]) => /^(Spreadsheet|Sheet|Range|SpreadsheetApp)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}×${v}`)
      .join(' ');
    console.log(`  calls: ${all}`);
    console.log(
      `  cells read ${record.stats.cellsRead}, written ${record.stats.cellsWritten}, cpu ${record.stats.scriptCpuMs}`,
    );
  }
  record.stats.lockHolds.forEach((hold, i) => {
    const top = Object.entries(hold.during.calls)
      .filter(([k]) => !k.startsWith('Lock'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `${k.replace(/^.*\./, '')}×${v}`)
      .join(' ');
    const ms = estimates[i]?.estimatedMs ?? 0;
    const counts = callCounts(hold.during);
    counts.scriptMs = Math.min(hold.scriptMs, record.stats.scriptCpuMs);
    const parts = Object.entries(estimateParts(counts, model))
      .filter(([, v]) => v >= 100)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
      .join(', ');
    console.log(
      `  hold ${i + 1} ${hold.key.split(':')[0]}: ${(ms / 1000).toFixed(2)} s, read ${hold.during.cellsRead} written ${hold.during.cellsWritten} struct ${hold.during.structuralCells} reads ${counts.reads} writes ${counts.writes} [${parts}] | ${top}`,
    );
  });
}

async function main(): Promise<void> {
  const size = Number((process.env.WO_BENCH_SIZES ?? '10000').split(',')[0]);
  const { world, firstSetup } = await createOurWorld(benchHistory(size));
  describe('setup (first run)', firstSetup);
  describe('setup (re-run)', await world.rt.runMenuItem(world.ssId, world.users.admin, 'setUpWorkOrders'));
  describe(
    'build reports (first)',
    await world.rt.runMenuItem(world.ssId, world.users.manager, 'buildReports'),
  );
  describe('build reports', await world.rt.runMenuItem(world.ssId, world.users.manager, 'buildReports'));
  await world.rt.close();
}

void main();
