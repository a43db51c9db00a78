/**
 * An archive run stopped anywhere: each of its service calls is made to fail in turn (the runtime's
 * fault injection, from a saved world each time), as a killed execution or a backend error would stop
 * it; then archiving runs again. Every time: every order is in exactly one place (register or archive
 * file, once), every due order ends archived, each has exactly one "Archived" log row, and Verify
 * audit log passes.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { SHEET_NAMES } from '../../../src/core/model';
import { localParts } from '../../../src/core/time';
import { patchOrderAsAddOn, verifyLog } from '../../support/audit';
import { DAY, now, setSetting, submitMany } from '../../support/ops';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { archivedRows, eachCallFailing } from './support';

let wb: TestWorkbook;
let saved: string;
let due: string[];
let everyId: string[];
let year: number;

beforeAll(async () => {
  wb = await setUpWorkbook();
  setSetting(wb, 'retentionDays', 30);
  const today = now(wb);
  wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
  everyId = await submitMany(wb, 8);
  wb.rt.world.clock.set(today);
  const closing = new Date(today.getTime() - 60 * DAY);
  year = localParts(closing, wb.model.timeZone).year;
  // Due: rows 2, 3 (a run), 5 and 8; rows 4, 6, 7 and 9 stay (open or recent).
  due = [everyId[0]!, everyId[1]!, everyId[3]!, everyId[6]!];
  for (const id of due) patchOrderAsAddOn(wb, id, { status: 'Closed', closedAt: closing });
  patchOrderAsAddOn(wb, everyId[2]!, { status: 'Closed', closedAt: new Date(today.getTime() - DAY) });
  saved = encodeWorldState(exportWorld(wb.rt.world));
}, 60_000);
afterAll(() => wb.close());

function problemsAfter(label: string): string[] {
  const problems: string[] = [];
  const inRegister = wb.register().map((r) => r.order.id);
  const inArchive = archivedRows(wb, year).map((r) => String(r['Request ID']));
  for (const id of everyId) {
    const places = inRegister.filter((x) => x === id).length + inArchive.filter((x) => x === id).length;
    if (places !== 1) problems.push(`${id} is in ${places} places`);
  }
  for (const id of due) if (inRegister.includes(id)) problems.push(`${id} is still in the register`);
  const archivedLog = wb.changeLogEntries().filter((e) => e.field === 'Archived');
  for (const id of due) {
    const n = archivedLog.filter((e) => e.recordId === id).length;
    if (n !== 1) problems.push(`${id} has ${n} "Archived" log rows`);
  }
  // At most one file holds rows (an empty one is left when a run stops between creating and recording it).
  const files = wb.rt.world.spreadsheets
    .all()
    .filter((s) => s.name.startsWith('Work Orders Archive') && (s.sheetModels()[0]?.lastRow() ?? 0) > 1);
  if (files.length > 1) problems.push(`${files.length} archive files hold rows`);
  const log = verifyLog(wb);
  if (!log.ok) problems.push(`the log does not verify: ${log.kind} at ${log.row}`);
  return problems.map((p) => `${label}: ${p}`);
}

test('every service call of an archive run failing in turn: the next run completes, nothing lost or doubled', async () => {
  const problems: string[] = [];
  const calls = await eachCallFailing(wb, saved, async (n, hit) => {
    const rerun = await wb.menu(ADMIN, 'archiveClosedWorkOrders');
    if (!rerun.ok) problems.push(`call ${n} (${hit}): the next run failed: ${rerun.error?.message}`);
    problems.push(...problemsAfter(`call ${n} (${hit}) failing`));
    const verified = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as {
      ok: boolean;
      message: string;
    };
    if (!verified.ok) problems.push(`call ${n} (${hit}): Verify: ${verified.message}`);
  });
  expect(calls).toBeGreaterThan(20);
  expect(problems).toEqual([]);
}, 600_000);

test('a failure after the copy: the next run finds the rows in the archive file and does not copy them again', async () => {
  importWorld(wb.rt.world, decodeWorldState(saved));
  // Fail the first deleteRows: the rows are copied and logged (uncommitted), none deleted.
  let n = 1;
  for (; n < 300; n++) {
    importWorld(wb.rt.world, decodeWorldState(saved));
    wb.rt.world.faults.failNthCall(n);
    await wb.menu(ADMIN, 'archiveClosedWorkOrders');
    if (wb.rt.world.faults.lastFault === 'Sheet.deleteRows') break;
  }
  wb.rt.world.faults.disarm();
  // The first chunk (the bottom rows) was copied, and nothing deleted.
  const copied = archivedRows(wb, year).map((r) => String(r['Request ID']));
  expect(copied.length).toBeGreaterThan(0);
  expect(wb.register()).toHaveLength(8);
  const rerun = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
  const value = rerun.value as { archived: string[]; alreadyInArchive: string[]; resumed: boolean };
  expect(value.resumed).toBe(true);
  expect([...value.alreadyInArchive].sort()).toEqual([...copied].sort());
  expect([...value.archived, ...value.alreadyInArchive].sort()).toEqual([...due].sort());
  expect(archivedRows(wb, year)).toHaveLength(due.length);
  expect(problemsAfter('after the rerun')).toEqual([]);
  expect(wb.model.sheetModel(SHEET_NAMES.archive)).toBeUndefined();
});
