/**
 * A 10,000-row register whose due rows are scattered (every tenth row: 1,000 runs of one row, the
 * worst case for deleteRows). Archiving takes several runs, each stopping before its time budget and
 * the next continuing; no lock is held longer than 10 s estimated (bench/cost-model.ts prices); every
 * due order ends archived exactly once, the register loses exactly those rows and their cells, and
 * Verify audit log passes.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { localParts } from '../../../src/core/time';
import { DAY, now, setSetting } from '../../support/ops';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { archivedRows, fillRegister, recordLockHolds } from './support';

const ROWS = 10_000;

let wb: TestWorkbook;
afterAll(() => wb?.close());

test('10,000 rows, 1,000 scattered due: resumable runs, short lock holds, nothing lost or doubled', async () => {
  wb = await setUpWorkbook();
  setSetting(wb, 'retentionDays', 30);
  const today = now(wb);
  const closing = new Date(today.getTime() - 60 * DAY);
  const year = localParts(closing, wb.model.timeZone).year;
  const requested = new Date(closing.getTime() - 10 * DAY);
  const ids = fillRegister(wb, ROWS, 1, (i) =>
    i % 10 === 5
      ? {
          status: 'Closed',
          woNumber: `WO-${year}-${String(i + 1).padStart(5, '0')}`,
          requestedAt: requested,
          closedAt: closing,
        }
      : { status: 'In Progress', requestedAt: requested },
  );
  const due = ids.filter((_, i) => i % 10 === 5);
  const register = wb.sheet(SHEET_NAMES.register);
  const rowsBefore = register.lastRow();
  const maxRowsBefore = register.maxRows;
  const cellsBefore = wb.model.totalCells();

  const recorder = recordLockHolds(wb.rt.world);
  const runs: Array<{ archived: number; remaining: number; chunks: number }> = [];
  try {
    for (let i = 0; i < 20; i++) {
      const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
      const value = run.value as { archived: string[]; remaining: number; chunks: number };
      runs.push({ archived: value.archived.length, remaining: value.remaining, chunks: value.chunks });
      if (value.remaining === 0) break;
    }
  } finally {
    recorder.stop();
  }
  const longest = Math.max(...recorder.holds.map((h) => h.estimatedMs));
  const cellsAfter = wb.model.totalCells();
  console.log(
    `runs: ${JSON.stringify(runs)}\nlock holds: ${recorder.holds.length}, longest ${(longest / 1000).toFixed(2)} s estimated\n` +
      `live cells before ${cellsBefore}, after ${cellsAfter}; register rows ${rowsBefore} → ${register.lastRow()}`,
  );
  // Stopped by its budget, then resumed by the next run, until nothing was due.
  expect(runs.length).toBeGreaterThan(1);
  expect(runs.at(-1)!.remaining).toBe(0);
  expect(runs.reduce((n, r) => n + r.archived, 0)).toBe(due.length);
  expect(longest).toBeLessThanOrEqual(10_000);
  // Exactly the due rows left the register; each is in the archive file once.
  expect(register.lastRow()).toBe(rowsBefore - due.length);
  // The register freed its rows' cells; the live total also grew by the change log's new rows (6 cells each).
  expect(register.maxRows).toBe(maxRowsBefore - due.length);
  const logGrowth = wb.sheet(SHEET_NAMES.changeLog).maxColumns * due.length;
  expect(cellsBefore - cellsAfter).toBeGreaterThanOrEqual(due.length * register.maxColumns - logGrowth);
  const archived = archivedRows(wb, year).map((r) => String(r['Request ID']));
  expect(archived).toHaveLength(due.length);
  expect(new Set(archived)).toEqual(new Set(due));
  const left = new Set(wb.register().map((r) => r.order.id));
  expect(due.some((id) => left.has(id))).toBe(false);
  expect(left.size).toBe(ROWS - due.length + (rowsBefore - 1 - ROWS));
  const logged = wb.changeLogEntries().filter((e) => e.field === 'Archived');
  expect(logged).toHaveLength(due.length);
  const verified = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  expect(verified).toMatchObject({ ok: true });
}, 600_000);
