/**
 * Archive at scale: a register of WO_ARCHIVE_ROWS work orders (default 100,000) in which every tenth row
 * is due (scattered: one deleteRows per row, the worst case), archived by *Archive closed work orders*
 * run after run. With WO_ARCHIVE_RECORDS=1, each order also has work records, written order after
 * order (so each due order's rows are a run of their own in each tab, the worst case again): a
 * five-item checklist, two time entries and, every other order (the due ones among them), a part
 * (WORK_RECORDS_PER_ORDER in bench/capacity.ts's terms: 7.5 rows, 60 cells), which follow their orders
 * to the archive file.
 * With WO_ARCHIVE_LOG=<rows>, the change log first gets that many old rows (keyed, about the due
 * orders, logged before the retention cutoff), which follow to the archive file's Change Log tab.
 * Prints, per run, what it archived, its chunks, the work-record and log rows it moved, its estimated Apps
 * Script time and its longest lock hold (bench/cost-model.ts prices), and the live spreadsheet's cells
 * before and after. Exits 1 if a lock hold passes 10 s or a run 5 minutes estimated.
 *
 *   npm run build && node --import tsx bench/archive.ts          (WO_ARCHIVE_RUNS=2 to stop early)
 */
import { costModelFromEnv, countsOf, estimateMs } from './cost-model';
import { localParts } from '../src/core/time';
import { SHEET_NAMES } from '../src/core/model';
import { DAY, now, setSetting } from '../test/support/ops';
import { ADMIN, expectOk, setUpWorkbook } from '../test/support/workbook';
import { fillRegister, recordLockHolds } from '../test/features/archive/support';
import { appendAsAddOn, auditKey } from '../test/support/audit';
import { partRow, timeRow } from '../src/core/labour';

const LOCK_BUDGET_MS = 10_000;
const RUN_BUDGET_MS = 300_000;

export interface ArchiveRunFigure {
  run: number;
  archived: number;
  recordsMoved: number;
  logMoved: number;
  remaining: number;
  chunks: number;
  estimatedMs: number;
  longestHoldMs: number;
}

export async function measureArchiveAtScale(
  rows: number,
  maxRuns: number,
  workRecords = false,
  logRows = 0,
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
    const ids = fillRegister(wb, rows, 1, (i) =>
      i % 10 === 5
        ? {
            status: 'Closed',
            requestedAt: requested,
            closedAt: closing,
            woNumber: `WO-${year}-${String(i + 1).padStart(6, '0')}`,
          }
        : { status: 'In Progress', requestedAt: requested },
    );
    if (workRecords) fillWorkRecords(wb, ids, requested);
    if (logRows > 0) fillLog(wb, ids, logRows, requested);
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
      const value = record.value as {
        archived: string[];
        remaining: number;
        chunks: number;
        workRecords: { moved: number; remaining: number; notReached: string[] };
        changeLog: { moved: number; remaining: number; stop: { kind: string } | null };
      };
      runs.push({
        run,
        archived: value.archived.length,
        recordsMoved: value.workRecords.moved,
        logMoved: value.changeLog.moved,
        remaining: value.remaining,
        chunks: value.chunks,
        estimatedMs:
          estimateMs(countsOf(record.stats), costModelFromEnv()) +
          (record.stats.calls['SpreadsheetApp.openById'] ?? 0) * 200,
        longestHoldMs: Math.max(0, ...recorder.holds.map((h) => h.estimatedMs)),
      });
      const recordsLeft = value.workRecords.remaining > 0 || value.workRecords.notReached.length > 0;
      const log = value.changeLog;
      const logLeft = log.remaining > 0 || log.stop === null || log.stop.kind === 'planned-enough';
      if (value.remaining === 0 && !recordsLeft && !logLeft) break;
    }
    const ok = runs.every((r) => r.longestHoldMs <= LOCK_BUDGET_MS && r.estimatedMs <= RUN_BUDGET_MS);
    return { runs, cellsBefore, cellsAfter: wb.model.totalCells(), ok };
  } finally {
    await wb.close();
  }
}

/**
 * `count` change-log rows logged before the retention cutoff, as the add-on writes them (keyed, the
 * checkpoint moved on), one a second, about the due orders in turn (a status line each).
 */
function fillLog(
  wb: Awaited<ReturnType<typeof setUpWorkbook>>,
  ids: readonly string[],
  count: number,
  at: Date,
): void {
  const due = ids.filter((_, i) => i % 10 === 5);
  const start = at.getTime() - count * 1000;
  for (let first = 0; first < count; first += 50_000) {
    const n = Math.min(50_000, count - first);
    appendAsAddOn(
      wb,
      Array.from({ length: n }, (_, k) => ({
        at: new Date(start + (first + k) * 1000),
        user: 'sam.supervisor@example.com',
        source: 'sidebar' as const,
        recordId: due[(first + k) % due.length] as string,
        field: 'Progress Notes',
        oldValue: '',
        newValue: `Note ${first + k}`,
      })),
    );
  }
}

/** A checklist item's seal, in shape (64 hex digits): the mover copies checklist rows as they are. */
const ITEM_SEAL = 'f'.repeat(64);

/**
 * Every order's work records, order after order: five checklist items, two time entries and, every
 * other order, a part (written straight into the host model, as the add-on would have left them; Time
 * and Parts Used rows sealed with the workbook's key, since only rows whose seal verifies move).
 */
function fillWorkRecords(
  wb: Awaited<ReturnType<typeof setUpWorkbook>>,
  ids: readonly string[],
  at: Date,
): void {
  const tech = 'tina.tech@example.com';
  const key = auditKey(wb);
  // What Sheets keeps of a cell written with a leading apostrophe: the text without it.
  const stored = (row: unknown[]) => row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v));
  const items: unknown[][] = [];
  const time: unknown[][] = [];
  const parts: unknown[][] = [];
  ids.forEach((id, i) => {
    for (let k = 1; k <= 5; k++) items.push([id, `${k} of 5`, `Step ${k}`, 'Yes', true, tech, at, ITEM_SEAL]);
    for (const hours of [1, 2])
      time.push(
        stored(
          timeRow(key, {
            id,
            technician: tech,
            date: '2026-01-05',
            hours,
            note: `${hours} h`,
            enteredBy: tech,
            enteredAt: at,
          }),
        ),
      );
    if (i % 2 === 1)
      parts.push(
        stored(
          partRow(key, { id, part: 'Fuse', quantity: 2, unitCost: 1.25, enteredBy: tech, enteredAt: at }),
        ),
      );
  });
  for (const [name, rows] of [
    ['Checklist Items', items],
    ['Time', time],
    ['Parts Used', parts],
  ] as const) {
    const sheet = wb.sheet(name);
    sheet.writeValues(sheet.lastRow() + 1, 1, rows as (string | number | boolean | Date)[][]);
  }
}

async function main(): Promise<void> {
  const rows = Number(process.env.WO_ARCHIVE_ROWS ?? 100_000);
  const maxRuns = Number(process.env.WO_ARCHIVE_RUNS ?? 100);
  const started = Date.now();
  const records = process.env.WO_ARCHIVE_RECORDS === '1';
  const logRows = Number(process.env.WO_ARCHIVE_LOG ?? 0);
  const { runs, cellsBefore, cellsAfter, ok } = await measureArchiveAtScale(rows, maxRuns, records, logRows);
  console.log(
    `Archive, ${rows.toLocaleString('en-US')} rows, every tenth due (scattered)${records ? ', with work records' : ''}${logRows > 0 ? `, ${logRows.toLocaleString('en-US')} old change-log rows` : ''}: ${SHEET_NAMES.register} → yearly archive file`,
  );
  console.log(
    'run | archived | remaining | chunks | work-record rows moved | log rows moved | estimated | longest lock hold',
  );
  for (const r of runs)
    console.log(
      `${r.run} | ${r.archived} | ${r.remaining} | ${r.chunks} | ${r.recordsMoved} | ${r.logMoved} | ${(r.estimatedMs / 1000).toFixed(1)} s | ${(r.longestHoldMs / 1000).toFixed(2)} s`,
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
