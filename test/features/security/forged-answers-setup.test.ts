/**
 * A technician's script rewrites what a request's answers gave an order (Description, which no
 * change-log line covers) and blanks the row's hidden Last Known State. If an administrator then runs
 * Set up work orders before Verify audit log, setup's backfill recorded the row from its cells and
 * sealed it: the forged text became the row's baseline, and Verify agreed with it. In a sealed
 * workbook setup now seals a row without a record only when its answered cells are what its request
 * gave; the others are named for Verify, which puts them back. The hidden column deleted by hand
 * (every row without a record) still leaves every honest row sealed and usable. Through dist/Code.js.
 */
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { startAtLocalHour } from '../../support/ops';
import { orderMadeBySchedule } from '../../support/schedules';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

function writeOutside(id: string, header: string, value: string): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value]]);
}

const cell = (id: string, header: string): unknown =>
  wb.sheet(REGISTER).valueAt(rowOf(wb, id), wb.registerColumn(header));

async function verify(putBack: 'YES' | 'NO'): Promise<{ ok: boolean; message: string }> {
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? putBack : 'OK', text: '' });
  try {
    return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  } finally {
    wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'YES' : 'OK', text: '' });
  }
}

async function setUp(): Promise<string> {
  return expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value as string;
}

async function start(id: string): Promise<{ ok: boolean; message?: string }> {
  return expectOk(await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, action: 'start' }))
    .value as { ok: boolean; message?: string };
}

test('a forged Description with the record blanked: setup does not seal it, names it, and Verify puts it back', async () => {
  const id = await assignedOrder(wb, TECH);
  const honest = await assignedOrder(wb, TECH);
  const given = cell(id, 'Description');
  writeOutside(id, 'Description', 'Nothing to do here');
  writeOutside(id, ROW_STATE_HEADER, '');
  writeOutside(honest, ROW_STATE_HEADER, '');

  const summary = await setUp();
  expect(summary).toContain(id);
  expect(summary).toMatch(/run Verify audit log/);
  expect(summary).not.toContain(honest);
  // The row is still without a record of the add-on's; the honest one has its record back.
  expect((await start(id)).message).toMatch(/its Last Known State .* is empty/);
  expect(await start(honest)).toMatchObject({ ok: true });

  const seen = await verify('NO');
  expect(seen.message).toContain(
    `${id}, Description: "Nothing to do here", where the request gave "${String(given)}"`,
  );
  await verify('YES');
  expect(cell(id, 'Description')).toBe(given);
  expect(await verify('NO')).toMatchObject({ ok: true });
  expect(await start(id)).toMatchObject({ ok: true });
}, 120_000);

test('a row pointed at another request’s response row, that request’s Description copied in: not sealed either', async () => {
  const id = await assignedOrder(wb, TECH, { description: 'The boiler in the basement knocks' });
  const other = await assignedOrder(wb, TECH, { description: 'A window on floor 2 is cracked' });
  const given = cell(id, 'Description');
  writeOutside(id, 'Response Row', String(cell(other, 'Response Row')));
  writeOutside(id, 'Description', String(cell(other, 'Description')));
  writeOutside(id, ROW_STATE_HEADER, '');

  const summary = await setUp();
  expect(summary).toContain(id);
  expect(summary).not.toContain(other);
  // Verify puts back the Response Ref and, from the request it names, the Description.
  await verify('YES');
  expect(cell(id, 'Description')).toBe(given);
  expect(await verify('NO')).toMatchObject({ ok: true });
  expect(await start(id)).toMatchObject({ ok: true });
}, 120_000);

test('the hidden column deleted by hand: setup seals every honest row again, a schedule’s order included', async () => {
  startAtLocalHour(wb, 9);
  const { id: made } = await orderMadeBySchedule(wb, {
    id: 'PM-4',
    task: 'Check the roof drains',
    location: 'Grounds',
    category: 'Grounds',
  });
  const mine = await assignedOrder(wb, TECH);

  wb.sheet(REGISTER).deleteColumns(wb.registerColumn(ROW_STATE_HEADER), 1);
  const summary = await setUp();
  expect(summary).not.toMatch(/not given one/);
  expect(cell(made, ROW_STATE_HEADER)).toMatch(/\S/);
  expect(await start(mine)).toMatchObject({ ok: true });
  expect(await verify('NO')).toMatchObject({ ok: true });
}, 120_000);
