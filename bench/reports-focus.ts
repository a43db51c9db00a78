/**
 * Build reports' figures alone (bench/operations.ts measureReports: the first build, which creates the
 * tabs, then the steady-state build the bench table shows), priced by part as the bench table prices
 * them, with every service call they made, on one generated world per size. For working on the
 * reports' cost without the whole bench:
 *
 *   npm run build && WO_BENCH_SIZES=10000 node --import tsx bench/reports-focus.ts
 *
 * As in bench/main.ts, setup is re-run first. WO_REPORTS_REPEAT=n builds the steady state n times
 * more on the same world (the measured JavaScript time is noisy: several runs tell more than one).
 * WO_REPORTS_TRACE=1 prints every service call of the last build in order, each with the cells read and
 * written since the call before it (so a call's cells show on the line after it).
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv } from './cost-model';
import { measureReports, measureSetupRerun } from './operations';
import { summarizeRecords } from './pricing';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

function describe(size: number, operation: string, records: readonly ExecutionRecord[]): void {
  const { counts, parts, totalMs: total, calls } = summarizeRecords(records, model);
  const shown = Object.entries(parts)
    .filter(([, ms]) => ms > 0)
    .map(([p, ms]) => `${p} ${ms.toFixed(0)}`)
    .join(', ');
  console.log(
    `${size.toLocaleString('en-US')}  ${operation}: ${total.toFixed(0)} ms (${shown})\n` +
      `    measured JavaScript ${counts.scriptMs.toFixed(0)} ms, wall ${counts.localMs.toFixed(0)} ms; ` +
      `reads ${counts.reads} (cached ${counts.cachedReads}), writes ${counts.writes}, ` +
      `structural cells ${counts.structuralCells}, lock calls ${counts.lockCalls}, ` +
      `cells read ${counts.cellsRead}, written ${counts.cellsWritten}, ok ${records.every((r) => r.ok)}\n` +
      `    calls: ${[...calls]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
  );
  for (const r of records) if (!r.ok) console.log(`    FAILED: ${String(r.error?.message ?? r.error)}`);
}

/** Prints each service call as the dispatcher sees it (through the fault plan's hook, which it calls first). */
function traceCalls(faults: { beforeCall(ctx: unknown, key: string): void }): void {
  const original = faults.beforeCall.bind(faults);
  let read = 0;
  let written = 0;
  faults.beforeCall = (ctx, key) => {
    const stats = (ctx as { stats?: { cellsRead: number; cellsWritten: number } }).stats;
    const r = stats?.cellsRead ?? 0;
    const w = stats?.cellsWritten ?? 0;
    const cells = r > read || w > written ? ` (before it: read ${r - read}, written ${w - written})` : '';
    [read, written] = [r, w];
    console.log(`    call ${key}${cells}`);
    original(ctx, key);
  };
}

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '10000').split(',').map((s) => Number(s.trim()));
  const repeat = Number(process.env.WO_REPORTS_REPEAT ?? 0);
  for (const size of sizes) {
    const { world } = await createOurWorld(benchHistory(size));
    try {
      // As bench/main.ts runs it: right after setup's re-run on the full workbook.
      await measureSetupRerun(world);
      if (process.env.WO_REPORTS_TRACE && repeat === 0) traceCalls(world.rt.world.faults);
      for (const m of await measureReports(world)) describe(size, m.operation, m.records);
      for (let i = 0; i < repeat; i++) {
        if (process.env.WO_REPORTS_TRACE && i === repeat - 1) traceCalls(world.rt.world.faults);
        const record = await world.rt.runMenuItem(world.ssId, world.users.manager, 'buildReports');
        describe(size, `build reports (again, ${i + 1})`, [record]);
      }
    } finally {
      await world.rt.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
