/**
 * An archive run moving work records, stopped anywhere: each of its service calls is made to fail in
 * turn (from a saved world each time), then archiving runs again. Every time: each Checklist Items,
 * Time and Parts Used row of an archived order is in its archive file exactly once and gone from the
 * live tab, every other row is where it was, and Verify audit log passes.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { RECORD_TAB_NAMES, archivedTabRows, ordersWithWorkRecords, rowKeys } from './records-support';
import { eachCallFailing } from './support';

let wb: TestWorkbook;
let saved: string;
let year: number;
let archived: string[];
const before = new Map<string, unknown[][]>();

beforeAll(async () => {
  wb = await setUpWorkbook();
  const made = await ordersWithWorkRecords(wb);
  year = made.year;
  archived = [made.ids[0]!, made.ids[1]!, made.ids[3]!];
  for (const name of RECORD_TAB_NAMES) before.set(name, wb.values(name).slice(1));
  saved = encodeWorldState(exportWorld(wb.rt.world));
}, 60_000);
afterAll(() => wb.close());

async function problemsAfter(label: string): Promise<string[]> {
  const problems: string[] = [];
  for (const name of RECORD_TAB_NAMES) {
    const rows = before.get(name) ?? [];
    const moved = rowKeys(rows.filter((r) => archived.includes(String(r[0]))));
    const kept = rowKeys(rows.filter((r) => !archived.includes(String(r[0]))));
    const inArchive = rowKeys(archivedTabRows(wb, year, name));
    if (JSON.stringify(inArchive) !== JSON.stringify(moved))
      problems.push(`${name}: the archive holds ${inArchive.length} rows, ${moved.length} moved`);
    if (JSON.stringify(rowKeys(wb.values(name).slice(1))) !== JSON.stringify(kept))
      problems.push(`${name}: the live tab is not the rows of the orders still in the register`);
  }
  wb.rt.world.ui.responder = (question) =>
    question.buttons === 'YES_NO' ? { button: 'NO' } : { button: 'OK', text: '' };
  const verified = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  if (!verified.ok) problems.push(`Verify: ${verified.message}`);
  return problems.map((p) => `${label}: ${p}`);
}

test('every service call of a run moving work records failing in turn: the next run finishes, nothing lost or doubled', async () => {
  const problems: string[] = [];
  const hits = new Set<string>();
  const calls = await eachCallFailing(wb, saved, async (n, hit) => {
    hits.add(hit);
    const rerun = await wb.menu(ADMIN, 'archiveClosedWorkOrders');
    if (!rerun.ok) problems.push(`call ${n} (${hit}): the next run failed: ${rerun.error?.message}`);
    problems.push(...(await problemsAfter(`call ${n} (${hit}) failing`)));
  });
  // The work-record moves were among the calls stopped: their appends, deletions and markers.
  expect(calls).toBeGreaterThan(40);
  expect([...hits]).toEqual(
    expect.arrayContaining(['Sheet.deleteRows', 'Range.setValues', 'Spreadsheet.insertSheet']),
  );
  expect(problems).toEqual([]);
}, 900_000);

test('stopped after copying work records: the next run deletes the live rows without copying them again', async () => {
  // The deleteRows of Parts Used, the last tab moved: its rows copied to the archive and still live
  // (the register's deletions come before it, the change log's after).
  let last = 0;
  await eachCallFailing(wb, saved, async (n, hit) => {
    if (hit !== 'Sheet.deleteRows') return;
    const copied = archivedTabRows(wb, year, 'Parts Used').length > 0;
    const live = wb
      .values('Parts Used')
      .slice(1)
      .some((r) => archived.includes(String(r[0])));
    if (copied && live) last = n;
  });
  importWorld(wb.rt.world, decodeWorldState(saved));
  wb.rt.world.faults.failNthCall(last);
  await wb.menu(ADMIN, 'archiveClosedWorkOrders');
  wb.rt.world.faults.disarm();
  // Parts Used, the last tab moved: its rows are in the archive and still live.
  const parts = before.get('Parts Used')!.filter((r) => archived.includes(String(r[0])));
  expect(rowKeys(archivedTabRows(wb, year, 'Parts Used'))).toEqual(rowKeys(parts));
  expect(
    wb
      .values('Parts Used')
      .slice(1)
      .filter((r) => archived.includes(String(r[0]))),
  ).toHaveLength(parts.length);
  const rerun = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as {
    message: string;
    workRecords: { resumed: boolean; moved: number };
  };
  expect(rerun.workRecords).toMatchObject({ resumed: true, moved: 0 });
  expect(rerun.message).toMatch(/A move of work records that had stopped midway was finished first/);
  expect(await problemsAfter('after the rerun')).toEqual([]);
});
