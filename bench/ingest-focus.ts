/**
 * Ingest's figures alone: one form submission (bench/operations.ts measureIngest) on one generated
 * world per size, priced by part as the bench table prices it, with every service call it made. For
 * working on ingest's cost without the whole bench:
 *
 *   npm run build && WO_BENCH_SIZES=1000 node --import tsx bench/ingest-focus.ts
 *
 * As in bench/main.ts, setup is re-run first. WO_INGEST_REPEAT=n submits n times on the same world;
 * WO_INGEST_TRACE=1 prints every service call of the last submission in order (local accessors too);
 * WO_INGEST_QUEUE=1 opens the review sidebar's queue first, so the submission keeps a stored index true
 * (the steady state once a supervisor has opened the sidebar; the bench table's run has none).
 * WO_INGEST_LOST_COUNTER=1 deletes the request counter (the owner's, and the document's floor of it)
 * before the last submission, which then rebuilds it under the locks; every lock hold is printed with
 * its estimate (bench/pricing.ts holdEstimates).
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv } from './cost-model';
import { measureIngest, measureSetupRerun } from './operations';
import { holdEstimates, summarizeRecords } from './pricing';
import { PROPERTY_KEYS } from '../src/server/adapters/document-properties';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

function describe(size: number, records: readonly ExecutionRecord[]): void {
  const { counts, parts, totalMs: total, calls } = summarizeRecords(records, model);
  const shown = Object.entries(parts)
    .filter(([, ms]) => ms > 0)
    .map(([p, ms]) => `${p} ${ms.toFixed(0)}`)
    .join(', ');
  console.log(
    `${size.toLocaleString('en-US')}  ingest one submission: ${total.toFixed(0)} ms (${shown})\n` +
      `    reads ${counts.reads} (cached ${counts.cachedReads}), writes ${counts.writes}, ` +
      `property reads ${counts.propertyReads}, writes ${counts.propertyWrites}, lock calls ${counts.lockCalls}, ` +
      `cells read ${counts.cellsRead}, written ${counts.cellsWritten}, emails ${counts.emails}, ` +
      `ok ${records.every((r) => r.ok)}\n    calls: ${[...calls]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
  );
  for (const r of records) if (!r.ok) console.log(`    FAILED: ${String(r.error?.message ?? r.error)}`);
  for (const r of records)
    holdEstimates(r.stats, model).forEach((hold, i) => {
      const during = r.stats.lockHolds[i]?.during;
      console.log(
        `    ${r.entry} holds ${hold.key.split(':')[0]}: ${(hold.estimatedMs / 1000).toFixed(2)} s estimated, ` +
          `cells read ${during?.cellsRead ?? 0}`,
      );
    });
}

/** What losing the request counter looks like: the owner's value and the document's floor gone. */
function loseRequestCounter(world: Awaited<ReturnType<typeof createOurWorld>>['world']): void {
  world.rt.world.properties.user(world.users.admin).delete(`wo.${world.ssId}.requestCounter`);
  world.rt.world.properties.document(world.ssId).delete(PROPERTY_KEYS.requestCounter);
}

/** Prints each service call as the dispatcher sees it (through the fault plan's hook, which it calls first). */
function traceCalls(faults: { beforeCall(ctx: unknown, key: string): void }): void {
  const original = faults.beforeCall.bind(faults);
  faults.beforeCall = (ctx, key) => {
    console.log(`    call ${key}`);
    original(ctx, key);
  };
}

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '1000').split(',').map((s) => Number(s.trim()));
  const repeat = Number(process.env.WO_INGEST_REPEAT ?? 1);
  for (const size of sizes) {
    const { world } = await createOurWorld(benchHistory(size));
    try {
      // As bench/main.ts runs it: right after setup's re-run on the full workbook.
      await measureSetupRerun(world);
      if (process.env.WO_INGEST_QUEUE) {
        const supervisor = world.users.supervisors[0] ?? world.users.admin;
        await world.rt.run('reviewLoad', {
          user: supervisor,
          spreadsheetId: world.ssId,
          kind: 'script-run',
          args: [{}],
        });
      }
      for (let i = 0; i < repeat; i++) {
        if (i === repeat - 1 && process.env.WO_INGEST_TRACE) traceCalls(world.rt.world.faults);
        if (i === repeat - 1 && process.env.WO_INGEST_LOST_COUNTER) loseRequestCounter(world);
        for (const m of await measureIngest(world)) describe(size, m.records);
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
