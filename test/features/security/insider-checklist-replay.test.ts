/**
 * A technician who keeps a copy of their ticked Checklist Items row and pastes it back after a
 * supervisor unticks the item, through dist/Code.js. The copy carries the add-on's own seal (it is a
 * row the add-on wrote), so the seal alone cannot tell it from a tick still standing: the add-on now
 * records, in its own state, the items it unticked and has not ticked since, and a ticked row of one of
 * them counts as not ticked, named in the refusal.
 */
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { noteAt, type } from '../../support/edits';
import { killAtCall, recordCalls } from '../../support/kill';
import { assignedOrders, step } from '../my-work/helpers';
import { ELECTRICAL_CHECKLIST, record, typeChecklists } from '../checklists/helpers';

const ITEMS = 'Checklist Items';
const SECOND = { kind: 'tick', number: 2, item: 'Test with a voltage tester' } as const;
const UNTICKS_KEY = 'wo.checklists.unticked';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await typeChecklists(wb, ELECTRICAL_CHECKLIST);
});
afterAll(() => wb.close());

/** Sheet row (1-based) of the order's checklist item `number`. */
function itemRow(id: string, number: number): number {
  const index = wb.values(ITEMS).findIndex((r) => r[0] === id && r[1] === `${number} of 3`);
  if (index < 0) throw new Error(`no row for item ${number} of ${id}`);
  return index + 1;
}

/** The add-on's list of items it unticked, as stored (null when never written). */
const unticksList = () => wb.rt.world.properties.document(wb.ssId).get(UNTICKS_KEY) ?? null;

const rowValues = (row: number) => wb.values(ITEMS)[row - 1] as (string | number | boolean | Date)[];

/** A started order with both required items ticked from My work, and a copy of item 2's ticked row. */
async function tickedOrderAndCopy(): Promise<{ id: string; copy: (string | number | boolean | Date)[] }> {
  const [id] = (await assignedOrders(wb, [TECH])) as [string];
  expect((await step(wb, TECH, { action: 'start', id, revision: wb.order(id).revision })).reply.ok).toBe(
    true,
  );
  for (const item of ['Isolate the circuit', 'Test with a voltage tester']) {
    const number = item === 'Isolate the circuit' ? 1 : 2;
    expect((await record(wb, TECH, { kind: 'tick', id, number, item, done: true })).ok).toBe(true);
  }
  return { id, copy: [...rowValues(itemRow(id, 2))] };
}

async function complete(id: string) {
  return (
    await step(wb, TECH, {
      action: 'complete',
      id,
      revision: wb.order(id).revision,
      results: 'Works',
      actionsTaken: 'Fixed',
    })
  ).reply;
}

async function secondShown(id: string) {
  const reply = await record(wb, TECH, { kind: 'view', id });
  if (!reply.ok) throw new Error(reply.message);
  return reply.records.checklist.find((i) => i.number === 2);
}

test('the ticked row pasted back after a supervisor unticked it: Completed is refused, from My work and the sheet', async () => {
  const { id, copy } = await tickedOrderAndCopy();
  expect((await record(wb, SUPERVISOR, { ...SECOND, id, done: false })).ok).toBe(true);
  const row = itemRow(id, 2);
  expect(rowValues(row)[4]).toBe(false);
  wb.sheet(ITEMS).writeValues(row, 1, [copy]);
  expect(rowValues(row)).toEqual(copy);

  expect(await secondShown(id)).toMatchObject({ done: false, doneBy: '' });
  expect(await complete(id)).toEqual({
    ok: false,
    message: expect.stringMatching(
      /Test with a voltage tester \(its row on the Checklist Items tab shows a tick that was undone and copied back by hand; tick it again\)/,
    ),
  });
  await type(wb, TECH, id, 'Results', 'Works');
  await type(wb, TECH, id, 'Actions Taken', 'Fixed');
  await type(wb, TECH, id, 'Status', 'Completed');
  expect(wb.order(id).status).toBe('In Progress');
  expect(noteAt(wb, id, 'Status')).toMatch(/Test with a voltage tester \(its row .* copied back by hand/);
});

test('ticking the item again from My work counts, and takes it out of the list of unticked items', async () => {
  const { id, copy } = await tickedOrderAndCopy();
  expect((await record(wb, SUPERVISOR, { ...SECOND, id, done: false })).ok).toBe(true);
  expect(unticksList()).toContain(id);
  wb.sheet(ITEMS).writeValues(itemRow(id, 2), 1, [copy]);
  const again = await record(wb, TECH, { ...SECOND, id, done: true });
  expect(again).toMatchObject({ ok: true, message: 'Ticked "Test with a voltage tester".' });
  expect(unticksList() ?? '').not.toContain(id);
  const logged = wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Checklist item 2');
  expect(logged.at(-1)).toMatchObject({
    user: TECH,
    oldValue: 'done (copied back by hand): Test with a voltage tester',
    newValue: 'done: Test with a voltage tester',
  });
  expect(await complete(id)).toMatchObject({ ok: true });
  expect(wb.order(id).status).toBe('Completed');
});

test('negative control: a tick nobody undid still counts, and ticking writes no unticks list', async () => {
  const before = unticksList();
  const { id, copy } = await tickedOrderAndCopy();
  expect(unticksList()).toBe(before);
  wb.sheet(ITEMS).writeValues(itemRow(id, 2), 1, [copy]);
  expect(await complete(id)).toMatchObject({ ok: true });
});

test('an untick stopped at any of its service calls never leaves the pasted copy counting once the row was unticked', async () => {
  const { id: probe } = await tickedOrderAndCopy();
  const trace = recordCalls(wb.rt.world);
  expect((await record(wb, SUPERVISOR, { ...SECOND, id: probe, done: false })).ok).toBe(true);
  trace.stop();
  expect(trace.calls.length).toBeGreaterThan(5);
  let unticked = 0;
  for (let n = 1; n <= trace.calls.length; n++) {
    const { id, copy } = await tickedOrderAndCopy();
    const row = itemRow(id, 2);
    const kill = killAtCall(wb.rt.world, n);
    await wb.call(SUPERVISOR, 'myWorkRecord', { ...SECOND, id, done: false });
    kill.disarm();
    const rowWasUnticked = rowValues(row)[4] === false;
    wb.sheet(ITEMS).writeValues(row, 1, [copy]);
    const shown = await secondShown(id);
    if (rowWasUnticked) {
      unticked++;
      expect({ n, at: kill.hit, done: shown?.done }).toEqual({ n, at: kill.hit, done: false });
      expect((await complete(id)).ok).toBe(false);
    }
  }
  expect(unticked).toBeGreaterThan(0);
});
