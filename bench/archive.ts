/**
 * Archive at scale: a register of WO_ARCHIVE_ROWS work orders (default 100,000) in which every tenth row
 * is due (scattered: one deleteRows per row, the worst case), archived by *Archive closed work orders*
 * run after run. Prints, per run, what it archived, its chunks, its estimated Apps Script time and its
 * longest lock hold (bench/cost-model.ts prices), and the live spreadsheet's cells before and after.
 * Exits 1 if a lock hold passes 10 s or a run 5 minutes estimated.
 *
 *   npm run build && node --import tsx bench/archive.ts          (WO_ARCHIVE_RUNS=2 to stop early)
 */
import { costModelFromEnv, countsOf, estimateMs } from './cost-model';
import { localParts } from '../src/core/time';
import { SHEET_NAMES } from '../src/core/model';
import { DAY, now, setSetting } from '../test/support/ops';
import { ADMIN, expectOk, setUpWorkbook } from '../test/support/workbook';
import { fillRegister, recordLockHolds } from '../test/features/archive/support';

const LOCK_BUDGET_MS = 10_000;
const RUN_BUDGET_MS = 300_000;

export interface ArchiveRunFigure {
  run: number;
  archived: number;
  remaining: number;
  chunks: number;
  estimatedMs: number;
  longestHoldMs: number;
}

export async function measureArchiveAtScale(
  rows: number,
  maxRuns: number,
): Promise<{
  runs: ArchiveRunFigure[];
  cellsBefore: number;
  cellsAfter: number;
  ok: boolean;
}> {
  const wb = await setUpWorkbook();
  try {
    setSetting(wb, 'retentionDays', 30);
    const closing = new Date(now(wb).getTime() - 60 * DAY);
    const year = localParts(closing, wb.model.timeZone).year;
    const requested = new Date(closing.getTime() - 10 * DAY);
    fillRegister(wb, rows, 1, (i) =>
      i % 10 === 5
        ? {
            status: 'Closed',
            requestedAt: requested,
            closedAt: closing,
            woNumber: `WO-${year}-${String(i + 1).padStart(6, '0')}`,
          }
        : { status: 'In Progress', requestedAt: requested },
    );
    const cellsBefore = wb.model.totalCells();
    const runs: ArchiveRunFigure[] = [];
    for (let run = 1; run <= maxRuns; run++) {
      const recorder = recordLockHolds(wb.rt.world);
      let record;
      try {
        record = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
      } finally {
        recorder.stop();
      }
      const value = record.value as { archived: string[]; remaining: number; chunks: number };
      runs.push({
        run,
        archived: value.archived.length,
        remaining: value.remaining,
        chunks: value.chunks,
        estimatedMs:
          estimateMs(countsOf(record.stats), costModelFromEnv()) +
          (record.stats.calls['SpreadsheetApp.openById'] ?? 0) * 200,
        longestHoldMs: Math.max(0, ...recorder.holds.map((h) => h.estimatedMs)),
      });
      if (value.remaining === 0) break;
    }
    const ok = runs.every((r) => r.longestHoldMs <= LOCK_BUDGET_MS && r.estimatedMs <= RUN_BUDGET_MS);
    return { runs, cellsBefore, cellsAfter: wb.model.totalCells(), ok };
  } finally {
    await wb.close();
  }
}

async function main(): Promise<void> {
  const rows = Number(process.env.WO_ARCHIVE_ROWS ?? 100_000);
  const maxRuns = Number(process.env.WO_ARCHIVE_RUNS ?? 100);
  const started = Date.now();
  const { runs, cellsBefore, cellsAfter, ok } = await measureArchiveAtScale(rows, maxRuns);
  console.log(
    `Archive, ${rows.toLocaleString('en-US')} rows, every tenth due (scattered): ${SHEET_NAMES.register} → yearly archive file`,
  );
  console.log('run | archived | remaining | chunks | estimated | longest lock hold');
  for (const r of runs)
    console.log(
      `${r.run} | ${r.archived} | ${r.remaining} | ${r.chunks} | ${(r.estimatedMs / 1000).toFixed(1)} s | ${(r.longestHoldMs / 1000).toFixed(2)} s`,
    );
  console.log(
    `live cells ${cellsBefore.toLocaleString('en-US')} → ${cellsAfter.toLocaleString('en-US')}; ${((Date.now() - started) / 1000).toFixed(0)} s to measure`,
  );
  if (!ok) {
    console.log(
      `BROKEN: a lock hold over ${LOCK_BUDGET_MS / 1000} s or a run over ${RUN_BUDGET_MS / 1000} s estimated`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1]?.endsWith('archive.ts')) void main();
