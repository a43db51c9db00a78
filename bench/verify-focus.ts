/**
 * *Verify audit log* alone, as bench/operations-ops.ts measureArchive runs it (after an archive run and
 * its second run, on the bench's generated world), priced by part, each execution printed: for working
 * on Verify's cost without the whole bench.
 *
 *   npm run build && WO_BENCH_SIZES=100000 node --import tsx bench/verify-focus.ts
 *
 * WO_VERIFY_SKIP_ARCHIVE=1 verifies the world as generated (no archive run first);
 * WO_VERIFY_ROWS_PER_RUN=n compares n register rows a run (the property tests use to lower it).
 */
import type { ExecutionRecord } from '../runtime';
import { PROPERTY_KEYS } from '../src/server/adapters/document-properties';
import { costModelFromEnv } from './cost-model';
import { printPriced } from './pricing';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

interface Verified {
  ok?: boolean;
  partial?: boolean;
  rowsVerified?: number;
  register?: unknown[];
  message?: string;
}

const describe = (size: number, name: string, records: readonly ExecutionRecord[]): void =>
  printPriced(size, name, records, model);

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '100000').split(',').map((s) => Number(s.trim()));
  for (const size of sizes) {
    const { world } = await createOurWorld(benchHistory(size));
    try {
      const menu = (fn: string) => world.rt.runMenuItem(world.ssId, world.users.admin, fn);
      if (!process.env.WO_VERIFY_SKIP_ARCHIVE) {
        describe(size, 'archive', [await menu('archiveClosedWorkOrders')]);
        describe(size, 'archive (run again)', [await menu('archiveClosedWorkOrders')]);
      }
      const perRun = process.env.WO_VERIFY_ROWS_PER_RUN;
      if (perRun) world.rt.world.properties.document(world.ssId).set(PROPERTY_KEYS.verifyRowsPerRun, perRun);
      // Run after run until one gives the verdict (each compares a share of the register).
      const runs: ExecutionRecord[] = [];
      for (let i = 0; i < 20; i++) {
        const verify = await menu('verifyAuditLog');
        runs.push(verify);
        describe(size, `verify audit log, run ${i + 1}`, [verify]);
        const value = verify.value as Verified | undefined;
        console.log(
          `    ok ${String(value?.ok)}${value?.partial ? ' (partial)' : ''}, ${value?.rowsVerified ?? 0} log rows, ` +
            `${value?.register?.length ?? 0} register findings listed`,
        );
        console.log(
          `    ${String(value?.message ?? '')
            .split('\n')[0]
            ?.slice(0, 300)}`,
        );
        if (!verify.ok || !value?.partial) break;
      }
      describe(size, `verify audit log, all ${runs.length} runs`, runs);
    } finally {
      await world.rt.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
