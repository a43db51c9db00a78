/**
 * My work's figures alone (bench/my-work.ts's measures: first opening, opening again, the check after
 * showing, one step), with where each estimate goes and the busiest service calls, on one generated
 * world per size. For working on My work's cost without the whole bench:
 *
 *   WO_DIST_DIR=/tmp/dist npm run build && WO_DIST_DIR=/tmp/dist WO_BENCH_SIZES=1000,10000,100000 node --import tsx bench/my-work-focus.ts
 */
import { costModelFromEnv } from './cost-model';
import { measureMyWork } from './my-work';
import { addCounts, countsOf, estimateParts, ZERO_COUNTS } from './pricing';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '10000').split(',').map((s) => Number(s.trim()));
  for (const size of sizes) {
    const { world } = await createOurWorld(benchHistory(size));
    try {
      // As the full bench does before My work: setup again, now that the Staff tab is filled in, so
      // that the technicians may write to the tabs a step records in.
      const setup = await world.rt.runMenuItem(world.ssId, world.users.admin, 'setUpWorkOrders');
      if (!setup.ok) throw new Error(`setup re-run failed: ${setup.error?.message ?? ''}`);
      for (const m of await measureMyWork(world)) {
        let counts = { ...ZERO_COUNTS };
        const calls = new Map<string, number>();
        for (const r of m.records) {
          counts = addCounts(counts, countsOf(r.stats, r.kind));
          for (const [call, n] of Object.entries(r.stats.calls)) calls.set(call, (calls.get(call) ?? 0) + n);
        }
        const parts = estimateParts(counts, model);
        const total = Object.values(parts).reduce((a, b) => a + b, 0);
        const shown = Object.entries(parts)
          .filter(([, ms]) => ms >= 10)
          .map(([p, ms]) => `${p} ${(ms / 1000).toFixed(2)}`)
          .join(', ');
        const busiest = [...calls]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ');
        console.log(
          `${size.toLocaleString('en-US')}  ${m.operation}: ${(total / 1000).toFixed(2)} s (${shown}); ` +
            `cells read ${counts.cellsRead.toLocaleString('en-US')}, ok ${m.records.every((r) => r.ok)}` +
            `${m.note ? ` [${m.note}]` : ''}\n    calls: ${busiest}`,
        );
        for (const r of m.records)
          if (!r.ok)
            console.log(
              `    FAILED: ${JSON.stringify(r.error)} ${String((r.error as { message?: string } | undefined)?.message)}`,
            );
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
