/**
 * A technician is an editor of the register, so a script of their own (no edit trigger fires) can
 * write Status = Cancelled or Closed, and dates older than the retention period, on an open order.
 * Archive closed work orders moves a row only when its cells agree with its Last Known State (the
 * add-on's sealed record, read with the row): a forged order stays in the register and the run's
 * summary names it, the field, and that Verify audit log puts it back; honest old orders of the same
 * run are archived. Once Verify has put the values back, nothing is archived wrongly. Through
 * dist/Code.js.
 */
import { chunkedValues } from '../../../src/server/adapters/chunked-property';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { SHEET_NAMES } from '../../../src/core/model';
import { localParts } from '../../../src/core/time';
import { patchOrderAsAddOn } from '../../support/audit';
import { assignedOrder, rowOf, submitOne } from '../../support/edits';
import { DAY, now, setSetting } from '../../support/ops';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { archivedRows } from '../archive/support';

interface ArchiveRun {
  archived: string[];
  alreadyInArchive: string[];
  keptChangedOutside: { id: string; message: string }[];
  message: string;
}

let wb: TestWorkbook;
let year: number;
let honest: string[];
/** Open orders, assigned 100 days ago and untouched since. */
let cancelled: string;
let closed: string;
let blanked: string;
let marked: string;
afterAll(() => wb?.close());

/** Writes register cells as a script or the Sheets API would: no edit trigger runs. */
function writeOutside(id: string, header: string, value: unknown): void {
  wb.sheet(SHEET_NAMES.register).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value as string]]);
}

async function archive(): Promise<ArchiveRun> {
  return expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as ArchiveRun;
}

const inRegister = (id: string): boolean => wb.register().some((r) => r.order.id === id);
const PUT_BACK = 'run Verify audit log to put back values changed outside Work Orders';

beforeAll(async () => {
  wb = await setUpWorkbook();
  setSetting(wb, 'retentionDays', 30);
  const today = now(wb);
  wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
  cancelled = await assignedOrder(wb, TECH);
  closed = await assignedOrder(wb, TECH);
  blanked = await assignedOrder(wb, TECH);
  marked = await assignedOrder(wb, TECH);
  honest = [await submitOne(wb), await submitOne(wb)];
  const closing = new Date(today.getTime() - 60 * DAY);
  year = localParts(closing, wb.model.timeZone).year;
  wb.rt.world.clock.set(closing);
  honest.forEach((id, i) =>
    patchOrderAsAddOn(
      wb,
      id,
      { status: 'Closed', woNumber: `WO-${year}-0009${i}`, closedAt: closing },
      SUPERVISOR,
    ),
  );
  wb.rt.world.clock.set(today);
}, 120_000);

test('forged Cancelled / Closed with old dates on open orders: kept in the register and named; honest old orders archived', async () => {
  const old = new Date(now(wb).getTime() - 90 * DAY);
  writeOutside(cancelled, 'Status', 'Cancelled');
  writeOutside(closed, 'Status', 'Closed');
  writeOutside(closed, 'Closed At', old);
  // The record blanked along with the cells: no record the add-on sealed.
  writeOutside(blanked, 'Status', 'Closed');
  writeOutside(blanked, 'Closed At', old);
  writeOutside(blanked, ROW_STATE_HEADER, '');

  const run = await archive();
  expect(new Set(run.archived)).toEqual(new Set(honest));
  for (const id of honest) expect(inRegister(id)).toBe(false);
  expect(archivedRows(wb, year).map((r) => r['Request ID'])).toEqual(expect.arrayContaining(honest));
  for (const id of [cancelled, closed, blanked]) expect(inRegister(id)).toBe(true);
  expect(archivedRows(wb, year).map((r) => r['Request ID'])).not.toContain(cancelled);

  expect(run.keptChangedOutside.map((k) => k.id).sort()).toEqual([cancelled, closed, blanked].sort());
  const said = (id: string) => run.keptChangedOutside.find((k) => k.id === id)?.message ?? '';
  expect(said(cancelled)).toMatch(
    /was not archived and stays in the register: its Status reads "?Cancelled"? but Work Orders last recorded "?Assigned"?/,
  );
  expect(said(closed)).toMatch(
    /its Status reads "?Closed"? but Work Orders last recorded "?Assigned"?; its Closed At reads/,
  );
  expect(said(blanked)).toMatch(new RegExp(`its ${ROW_STATE_HEADER} .* is empty`));
  for (const id of [cancelled, closed, blanked]) {
    expect(said(id)).toContain(PUT_BACK);
    expect(run.message).toContain(said(id));
  }
  expect(run.message).toMatch(/3 work order\(s\) due for archiving were kept in the register/);
}, 120_000);

test('a chunk planned before the forge checks the row again under the locks', async () => {
  writeOutside(marked, 'Status', 'Cancelled');
  // An earlier run's unfinished chunk naming the order, as if planned before the forge.
  const text = JSON.stringify({ year, ids: [marked] });
  const store = wb.rt.world.properties.document(wb.ssId);
  for (const [key, value] of Object.entries(chunkedValues(PROPERTY_KEYS.archiveProgress, text)))
    store.set(key, value);

  const run = await archive();
  expect(run.archived).not.toContain(marked);
  expect(run.alreadyInArchive).not.toContain(marked);
  expect(inRegister(marked)).toBe(true);
  expect(run.keptChangedOutside.map((k) => k.id)).toContain(marked);
}, 120_000);

test('after Verify audit log puts the values back, the orders are open again and nothing is archived wrongly', async () => {
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'YES' : 'OK', text: '' });
  expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
  for (const id of [cancelled, closed, marked]) {
    expect(wb.order(id).status).toBe('Assigned');
    expect(wb.order(id).closedAt).toBeNull();
  }
  // The blanked record is written again by setup, which records the row as Verify left it.
  expect(wb.order(blanked).status).toBe('Assigned');
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));

  const run = await archive();
  expect(run.archived).toEqual([]);
  expect(run.alreadyInArchive).toEqual([]);
  expect(run.keptChangedOutside).toEqual([]);
  for (const id of [cancelled, closed, blanked, marked]) expect(inRegister(id)).toBe(true);
}, 120_000);
