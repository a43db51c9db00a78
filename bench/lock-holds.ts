/**
 * A focused look at document-lock holds: builds one world (WO_BENCH_SIZES, first size only; default
 * 10,000), runs setup on the empty spreadsheet, setup again on the full workbook, two report builds and
 * a technician's paste of a whole register row over itself, hidden Last Known State column included
 * (put back from the change log, read outside the lock), and prints every hold of each with its
 * estimate and the service calls made in it. WO_LOCK_HOLDS=paste (or setup,reports) runs only those.
 * `node --import tsx bench/lock-holds.ts` (WO_DIST_DIR picks the build). Not part of `npm run bench`.
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv } from './cost-model';
import { callCounts, estimateParts, holdEstimates, estimateMs, countsOf } from './pricing';
import { SHEET_NAMES } from '../src/core/model';
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

/** A technician pastes register row 2, copied whole (hidden column included), over itself. */
async function forgedStatePaste(world: Awaited<ReturnType<typeof createOurWorld>>['world']) {
  const register = world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.register);
  const row = register.readDisplayValues({
    row: 2,
    column: 1,
    numRows: 1,
    numColumns: register.lastColumn(),
  });
  const outcome = await world.rt.editCells({
    spreadsheetId: world.ssId,
    sheetName: SHEET_NAMES.register,
    row: 2,
    column: 1,
    values: row.map((r) => r.map(String)),
    user: world.users.technicians[0] as string,
  });
  const trigger = outcome.executions.find((e) => e.entry === 'onEditTrigger');
  if (!trigger) throw new Error('the paste started no edit trigger');
  return trigger;
}

async function main(): Promise<void> {
  const size = Number((process.env.WO_BENCH_SIZES ?? '10000').split(',')[0]);
  const only = (process.env.WO_LOCK_HOLDS ?? 'setup,reports,paste').split(',');
  const { world, firstSetup } = await createOurWorld(benchHistory(size));
  if (only.includes('setup')) {
    describe('setup (first run)', firstSetup);
    describe('setup (re-run)', await world.rt.runMenuItem(world.ssId, world.users.admin, 'setUpWorkOrders'));
  }
  if (only.includes('reports')) {
    describe(
      'build reports (first)',
      await world.rt.runMenuItem(world.ssId, world.users.manager, 'buildReports'),
    );
    describe('build reports', await world.rt.runMenuItem(world.ssId, world.users.manager, 'buildReports'));
  }
  if (only.includes('paste')) describe('paste over the hidden state column', await forgedStatePaste(world));
  await world.rt.close();
}

void main();
