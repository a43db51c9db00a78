/**
 * Setup after the hidden Last Known State column was deleted by hand, alone: one generated world per
 * size (WO_BENCH_SIZES, default 10,000), the column deleted, then Set up work orders run until the
 * rows' records are done (each run printed with its estimate and its longest hold of the lock;
 * WO_PROBE_CALLS=1 adds its busiest calls and its last holds). `npm run bench` prices the first run.
 *
 *   WO_DIST_DIR=/tmp/dist npm run build && WO_DIST_DIR=/tmp/dist WO_BENCH_SIZES=10000 node --import tsx bench/backfill-focus.ts
 */
import { costModelFromEnv } from './cost-model';
import { callCounts, estimateParts, holdEstimates, printPriced } from './pricing';
import { measureSetupAfterDeletedColumn } from './worst-cases';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '10000').split(',').map((s) => Number(s.trim()));
  for (const size of sizes) {
    const { world } = await createOurWorld(benchHistory(size));
    try {
      const m = await measureSetupAfterDeletedColumn(world, true);
      printPriced(size, `${m.operation} (${m.note ?? ''})`, m.records, model);
      m.runs.forEach((r, i) => {
        const holds = holdEstimates(r.stats, model).map((h) => h.estimatedMs);
        const longest = Math.max(0, ...holds);
        printPriced(
          size,
          `  run ${i + 1} (${r.entry}), longest hold ${(longest / 1000).toFixed(2)} s, ${holds.length} holds`,
          [r],
          model,
        );
        if (process.env.WO_PROBE_CALLS) {
          const busiest = Object.entries(r.stats.calls)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 12)
            .map(([c, n]) => `${c} ${n}`)
            .join(', ');
          console.log(`    calls: ${busiest}; holds ${holds.map((ms) => (ms / 1000).toFixed(1)).join(' ')}`);
          for (const hold of r.stats.lockHolds.slice(-3)) {
            const counts = callCounts(hold.during);
            counts.scriptMs = Math.min(hold.scriptMs, r.stats.scriptCpuMs);
            const parts = Object.entries(estimateParts(counts, model))
              .filter(([, v]) => v >= 50)
              .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`)
              .join(', ');
            const top = Object.entries(hold.during.calls)
              .sort((a, b) => b[1] - a[1])
              .slice(0, 8)
              .map(([k, v]) => `${k}×${v}`)
              .join(' ');
            console.log(
              `    hold: [${parts}] read ${hold.during.cellsRead} written ${hold.during.cellsWritten} | ${top}`,
            );
          }
        }
      });
    } finally {
      await world.rt.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
