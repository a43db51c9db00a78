/**
 * The hourly job's figures alone, with where the estimate goes (by part) and the busiest service
 * calls: the runs bench/operations-ops.ts measureHourly makes (first run two weeks on, the next hour,
 * a drain of 50 queued emails), then bench/schedules.ts's 1,000 schedules and bench/worst-cases.ts's
 * overdue run, on one generated world per size. For working on the job's cost without the whole bench:
 *
 *   WO_DIST_DIR=/tmp/dist npm run build && WO_DIST_DIR=/tmp/dist WO_BENCH_SIZES=10000 node --import tsx bench/hourly-focus.ts
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv } from './cost-model';
import { measureHourly } from './operations-ops';
import { estimateParts, summarizeRecords } from './pricing';
import { measureSchedules } from './schedules';
import { measureWorstCases, WORST_CASES } from './worst-cases';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

function describe(size: number, name: string, records: readonly ExecutionRecord[]): void {
  const { counts, parts, totalMs: total, calls } = summarizeRecords(records, model);
  const busiest = [...calls]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  const shown = Object.entries(parts)
    .filter(([, ms]) => ms >= 50)
    .map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)}`)
    .join(', ');
  console.log(
    `${size.toLocaleString('en-US')}  ${name}: ${(total / 1000).toFixed(1)} s (${shown}); ` +
      `cells read ${counts.cellsRead.toLocaleString('en-US')}, written ${counts.cellsWritten.toLocaleString('en-US')}, ` +
      `emails ${counts.emails}, ok ${records.every((r) => r.ok)}\n    calls: ${busiest}`,
  );
  for (const r of records) if (!r.ok) console.log(`    FAILED: ${String(r.error)}`);
}

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '10000').split(',').map((s) => Number(s.trim()));
  const only = process.env.WO_FOCUS ?? 'hourly,schedules,worst';
  for (const size of sizes) {
    if (only.includes('hourly')) {
      for (const f of await measureHourly([size])) {
        const parts = Object.entries(estimateParts(f.counts, model))
          .filter(([, ms]) => ms >= 50)
          .map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)}`)
          .join(', ');
        console.log(
          `${size.toLocaleString('en-US')}  hourly: ${f.scenario}: ${(f.estimatedMs / 1000).toFixed(1)} s (${parts}); ` +
            `cells read ${f.cellsRead.toLocaleString('en-US')}, emails ${f.emails}, ok ${f.ok} ${f.note ?? ''}`,
        );
      }
    }
    if (!only.includes('schedules') && !only.includes('worst')) continue;
    const { world } = await createOurWorld(benchHistory(size));
    try {
      if (only.includes('schedules')) {
        for (const m of await measureSchedules(world)) describe(size, m.operation, m.records);
      }
      if (only.includes('worst')) {
        for (const m of await measureWorstCases(world)) {
          if (m.operation === WORST_CASES.overdue)
            describe(size, `${m.operation} (${m.note ?? ''})`, m.records);
        }
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
