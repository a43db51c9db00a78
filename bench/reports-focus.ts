/**
 * Build reports' figures alone: the menu item run as bench/operations.ts measureReports runs it (a
 * first build, then REPORT_REBUILDS steady-state rebuilds, the median one priced), on one generated
 * world per size, priced by part, with the JavaScript time of every rebuild. For working on the
 * reports' cost, or on how steady the measured JavaScript time is, without the whole bench:
 *
 *   npm run build && WO_BENCH_SIZES=10000 node --import tsx bench/reports-focus.ts
 *
 * WO_BENCH_REPEAT_RUNS=n rebuilds n times (1: one run priced, as the bench did before the median).
 * WO_REPORTS_AFTER_OPS=1 first runs on the world what bench/main.ts runs before the reports (ingest,
 * the sidebar, edits, My work, the hourly job, schedules), so the sandbox has served them first.
 * Run it in several processes to see the spread between processes.
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv } from './cost-model';
import { describeScriptSpread } from './median-run';
import { measureMyWork } from './my-work';
import {
  measureEditsDefault,
  measureHourlyDefault,
  measureIngest,
  measureReports,
  measureReviewDefault,
  measureSetupRerun,
} from './operations';
import { printPriced } from './pricing';
import { measureSchedules } from './schedules';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

const describe = (size: number, name: string, records: readonly ExecutionRecord[]): void =>
  printPriced(size, name, records, model);

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '10000').split(',').map((s) => Number(s.trim()));
  for (const size of sizes) {
    const { world } = await createOurWorld(benchHistory(size));
    try {
      // As bench/main.ts runs it: after setup's re-run on the full workbook.
      await measureSetupRerun(world);
      if (process.env.WO_REPORTS_AFTER_OPS) {
        const before = [
          measureIngest,
          measureReviewDefault,
          measureEditsDefault,
          measureMyWork,
          measureHourlyDefault,
          measureSchedules,
        ];
        for (const op of before) await op(world);
      }
      for (const m of await measureReports(world)) {
        describe(size, m.operation, m.records);
        if (m.scriptSpread) console.log(`    ${describeScriptSpread(m.scriptSpread)}`);
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
