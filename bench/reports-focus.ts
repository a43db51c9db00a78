/**
 * Build reports' figures alone: the menu item run as bench/operations.ts measureReports runs it (a
 * first build, then the steady-state rebuild the bench table prices), on one generated world per
 * size, priced by part, with the measured JavaScript time of every rebuild. For working on the
 * reports' cost, or on how steady the measured JavaScript time is, without the whole bench:
 *
 *   npm run build && WO_BENCH_SIZES=10000 node --import tsx bench/reports-focus.ts
 *
 * WO_REPORTS_REPEAT=n rebuilds n times on the same world (default 3) and prints the spread of their
 * JavaScript time. Run it in several processes to see the spread between processes too.
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv } from './cost-model';
import { measureReports, measureSetupRerun } from './operations';
import { summarizeRecords } from './pricing';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

function describe(size: number, name: string, records: readonly ExecutionRecord[]): void {
  const { counts, parts, totalMs } = summarizeRecords(records, model);
  const shown = Object.entries(parts)
    .filter(([, ms]) => ms > 0)
    .map(([p, ms]) => `${p} ${(ms / 1000).toFixed(2)}`)
    .join(', ');
  const cpu = records.map((r) => r.stats.scriptCpuMs.toFixed(0)).join(' + ');
  console.log(
    `${size.toLocaleString('en-US')}  ${name}: ${(totalMs / 1000).toFixed(2)} s (${shown}); ` +
      `JavaScript here ${cpu} ms, wall ${counts.localMs.toFixed(0)} ms, ok ${records.every((r) => r.ok)}`,
  );
  for (const r of records) if (!r.ok) console.log(`    FAILED: ${String(r.error?.message ?? r.error)}`);
}

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '10000').split(',').map((s) => Number(s.trim()));
  const repeat = Math.max(1, Number(process.env.WO_REPORTS_REPEAT ?? 3));
  for (const size of sizes) {
    const { world } = await createOurWorld(benchHistory(size));
    try {
      // As bench/main.ts runs it: after setup's re-run on the full workbook.
      await measureSetupRerun(world);
      const cpu: number[] = [];
      for (let i = 0; i < repeat; i++) {
        for (const m of await measureReports(world)) {
          describe(size, `${m.operation} #${i + 1}`, m.records);
          if (m.operation === 'build reports') cpu.push(...m.records.map((r) => r.stats.scriptCpuMs));
        }
      }
      const sorted = [...cpu].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
      console.log(
        `${size.toLocaleString('en-US')}  build reports JavaScript here over ${sorted.length} rebuilds: ` +
          `min ${at(0).toFixed(0)}, median ${at(0.5).toFixed(0)}, max ${at(1 - 1e-9).toFixed(0)} ms`,
      );
    } finally {
      await world.rt.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
