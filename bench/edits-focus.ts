/**
 * The edit trigger's figures alone, as `npm run bench` measures them, with where each estimate goes
 * (by part) and every service call it made: on one generated world per size, after the operations
 * main.ts runs before it (setup re-run, ingest, the sidebar), the default technician edit and
 * 50-row paste (bench/operations.ts), the 50-row paste refused over texts kept only as prints and the
 * 1,000-row paste of Assignee (bench/worst-cases.ts; WO_FOCUS_WORST=0 leaves the latter out).
 * For working on the edit trigger's cost without the whole bench:
 *
 *   WO_DIST_DIR=/tmp/dist npm run build && WO_DIST_DIR=/tmp/dist WO_BENCH_SIZES=1000 node --import tsx bench/edits-focus.ts
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv } from './cost-model';
import { measureEditsDefault, measureIngest, measureReviewDefault, measureSetupRerun } from './operations';
import { holdEstimates, summarizeRecords } from './pricing';
import { recordFigures } from './results';
import { measureUnkeptPaste, measureWorstCases, WORST_CASES } from './worst-cases';
import { benchHistory, createOurWorld } from './world';

const model = costModelFromEnv();

function describe(size: number, name: string, records: readonly ExecutionRecord[]): void {
  const { counts, parts, totalMs: total, calls } = summarizeRecords(records, model);
  const shown = Object.entries(parts)
    .filter(([, ms]) => ms >= 1)
    .map(([p, ms]) => `${p} ${Math.round(ms)}`)
    .join(', ');
  const all = [...calls]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  console.log(
    `${size.toLocaleString('en-US')}  ${name}: ${(total / 1000).toFixed(2)} s (${shown}), longest lock hold ` +
      `${(recordFigures(records, model).lockHoldMs / 1000).toFixed(2)} s; ` +
      `reads ${counts.reads} (cached ${counts.cachedReads}), writes ${counts.writes}, ` +
      `cells read ${counts.cellsRead.toLocaleString('en-US')}, written ${counts.cellsWritten.toLocaleString('en-US')}, ` +
      `emails ${counts.emails}, ok ${records.every((r) => r.ok)}\n    calls: ${all}`,
  );
  // Each hold on its own (an edit that reads the change log outside the lock holds it twice); the
  // figure above, which the lock budget checks, is the longest of them.
  const holds = records.flatMap((r) =>
    holdEstimates(r.stats, model).filter((h) => h.key.startsWith('document:')),
  );
  if (holds.length > 1)
    console.log(
      `    document lock holds: ${holds.map((h) => `${(h.estimatedMs / 1000).toFixed(2)} s`).join(', ')}`,
    );
  for (const r of records) if (!r.ok) console.log(`    FAILED: ${String(r.error)}`);
}

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '1000').split(',').map((s) => Number(s.trim()));
  for (const size of sizes) {
    const { world } = await createOurWorld(benchHistory(size));
    try {
      await measureSetupRerun(world);
      await measureIngest(world);
      await measureReviewDefault(world);
      for (const m of await measureEditsDefault(world)) describe(size, m.operation, m.records);
      const unkept = await measureUnkeptPaste(world);
      describe(size, `${unkept.operation} (${unkept.note ?? ''})`, unkept.records);
      if (process.env.WO_FOCUS_WORST !== '0') {
        for (const m of await measureWorstCases(world))
          if (m.operation === WORST_CASES.paste || m.operation === WORST_CASES.notes)
            describe(size, `${m.operation}${m.note ? ` (${m.note})` : ''}`, m.records);
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
