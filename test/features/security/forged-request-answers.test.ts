/**
 * An editor's own script (no edit trigger) rewrites what a request's answers gave an order:
 * Description, Requester Email, Urgency. No log line holds those texts (the Created row logs a digest
 * of the raw answers), so Verify audit log used to say "Audit log OK" while every action on the order
 * was refused with "an administrator can run Verify audit log to put it back": the forged text stood
 * unreported and the order was stuck for good. Verify now compares those cells with the row's sealed
 * record, names them, and puts back the record's value or the request's own answer matching its
 * print; the order's work then goes on. A row whose record was blanked along with the forged text is
 * compared with the request's answers themselves, so the put-back does not seal the forged text as the
 * row's new record; an order a schedule made gets the text its schedule fills in. Through dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { SCHEDULE_COLUMNS, type ScheduleColumn } from '../../../src/core/schedules';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { REGISTER, assignedOrder, rowOf, type } from '../../support/edits';
import { startAtLocalHour } from '../../support/ops';
import { orderMadeBySchedule } from '../../support/schedules';
import {
  ADMIN,
  REQUESTOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

/** Writes a register cell as a script or the Sheets API would: no edit trigger runs. */
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

async function start(id: string): Promise<{ ok: boolean; message?: string }> {
  return expectOk(await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, action: 'start' }))
    .value as { ok: boolean; message?: string };
}

const DESCRIPTION = `The radiator in room 12 is cold. ${'It has been cold since Monday. '.repeat(8)}`;

test('a forged Description, Requester Email and Urgency are named by Verify and put back; the work goes on', async () => {
  const id = await assignedOrder(wb, TECH, { description: DESCRIPTION, urgency: 'Routine' });
  const given = cell(id, 'Description');
  expect(given).toContain('The radiator in room 12 is cold.');
  writeOutside(id, 'Description', 'Nothing to do here');
  writeOutside(id, 'Requester Email', 'someone.else@example.net');
  writeOutside(id, 'Urgency', 'Emergency');

  // Every action is refused, and says Verify puts the values back...
  const refused = await start(id);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(/its Description reads "Nothing to do here"/);
  expect(refused.message).toMatch(/Verify audit log to put them back/);

  // ...and Verify names each of them (before, it said "Audit log OK" and put nothing back).
  const seen = await verify('NO');
  expect(seen.ok).toBe(false);
  expect(seen.message).toContain(`${id}, Urgency: "Emergency", where the request gave "Routine"`);
  expect(seen.message).toContain(
    `${id}, Description: "Nothing to do here", where the request gave "The radiator`,
  );
  expect(seen.message).toContain(
    `${id}, Requester Email: "someone.else@example.net", where the request gave "${REQUESTOR}"`,
  );
  expect(cell(id, 'Description')).toBe('Nothing to do here');

  // Asked, it puts them back as the request gave them, logged as put back.
  const putBack = await verify('YES');
  expect(putBack.ok).toBe(false);
  expect(cell(id, 'Description')).toBe(given);
  expect(cell(id, 'Requester Email')).toBe(REQUESTOR);
  expect(cell(id, 'Urgency')).toBe('Routine');
  const logged = wb
    .changeLogEntries()
    .filter((e) => e.recordId === id && e.field.endsWith('(put back)'))
    .map((e) => e.field);
  expect(logged).toEqual(
    expect.arrayContaining(['Description (put back)', 'Requester Email (put back)', 'Urgency (put back)']),
  );

  // The order's technician goes on, and the register verifies.
  expect(await start(id)).toMatchObject({ ok: true });
  expect(await verify('NO')).toMatchObject({ ok: true });
}, 120_000);

test('a forged Description with the row’s record blanked: Verify compares it with the request’s answers, and the put-back does not seal it', async () => {
  const id = await assignedOrder(wb, TECH);
  const given = cell(id, 'Description');
  writeOutside(id, 'Description', 'Nothing to do here');
  writeOutside(id, 'Assignee', TECH2);
  writeOutside(id, ROW_STATE_HEADER, '');
  expect((await start(id)).message).toMatch(/its Last Known State .* is empty/);

  const seen = await verify('NO');
  expect(seen.message).toContain(
    `${id}, Description: "Nothing to do here", where the request gave "${String(given)}"`,
  );
  // Put back with the Assignee, the row's new record is the request's Description, not the script's.
  await verify('YES');
  expect(cell(id, 'Description')).toBe(given);
  expect(wb.order(id).assignee).toBe(TECH);
  expect(await verify('NO')).toMatchObject({ ok: true });
  expect(await start(id)).toMatchObject({ ok: true });
}, 120_000);

test('an order a schedule made: a forged Description is put back as its schedule fills it in', async () => {
  startAtLocalHour(wb, 9);
  const { id: made } = await orderMadeBySchedule(wb, {
    id: 'PM-3',
    task: 'Check the roof drains',
    location: 'Grounds',
    category: 'Grounds',
  });
  // An edit (as the installation owner) brings the job's rows for the order into the log.
  await type(wb, TECH, await assignedOrder(wb, TECH), 'Progress Notes', 'On my way');

  writeOutside(made, 'Description', 'Nothing to do here');
  const seen = await verify('NO');
  expect(seen.message).toContain(
    `${made}, Description: "Nothing to do here", where its schedule PM-3 gave "Check the roof drains"`,
  );
  // It had no request: the text was its schedule's.
  expect(seen.message).not.toContain(`${made}, Description: "Nothing to do here", where the request gave`);
  await verify('YES');
  expect(cell(made, 'Description')).toBe('Check the roof drains');
  expect(await verify('NO')).toMatchObject({ ok: true });
}, 120_000);

test('an order a schedule made whose schedule was changed since: Verify says how to get the text back, and it does', async () => {
  const { id: made } = await orderMadeBySchedule(wb, {
    id: 'PM-4',
    task: 'Service the lift',
    location: 'Main Building',
    category: 'Electrical',
  });
  await type(wb, TECH, await assignedOrder(wb, TECH), 'Progress Notes', 'On my way');
  const taskColumn = (Object.keys(SCHEDULE_COLUMNS) as ScheduleColumn[]).indexOf('task') + 1;
  const retype = async (task: string) =>
    (await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, taskColumn, [[task]])).executions.forEach(expectOk);
  await retype('Service the lift and the stairs lights');

  writeOutside(made, 'Description', 'Nothing to do here');
  const seen = await verify('NO');
  expect(seen.message).toContain(
    `${made}: its Description reads "Nothing to do here", not the text its schedule PM-4 gave (which Work Orders keeps as a keyed print), and the schedule as the Schedules tab reads now gives another`,
  );
  expect(seen.message).toContain("Put that schedule's row back as it was when the order was made");
  expect(seen.message).not.toContain('form response row');

  // As it says: the schedule's row as it was, Verify, then the schedule changed again.
  await retype('Service the lift');
  await verify('YES');
  expect(cell(made, 'Description')).toBe('Service the lift');
  await retype('Service the lift and the stairs lights');
  expect(await verify('NO')).toMatchObject({ ok: true });
}, 120_000);

test('negative control: orders nobody changed outside Work Orders verify as they are', async () => {
  await assignedOrder(wb, TECH, { description: DESCRIPTION });
  expect(await verify('NO')).toMatchObject({ ok: true });
}, 120_000);
