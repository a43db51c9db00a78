/**
 * The hidden Last Known State in at most 150 bytes a row (core/row-state-codec.ts), with every
 * guarantee of the full record it replaced: the fields people type into are kept whole, the rest as
 * prints keyed with the add-on's secret. A refused edit of a printed field is put back exactly (from
 * the edit's old value, or, for a paste, from the change log); a printed field changed behind the
 * trigger's back keeps its print; records written before (JSON) keep working until setup seals every
 * row, and become compact and sealed on the row's next write or setup's backfill.
 */
import { utf8Bytes } from '../../../src/core/row-state-codec';
import { ROW_STATE_HEADER, serializeRowStateV1 } from '../../../src/server/adapters/row-state';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import {
  REGISTER,
  assignedOrder,
  calls,
  logFor,
  noteAt,
  onlyExecution,
  rowOf,
  type,
  typeAll,
} from '../../support/edits';
import { beforeSeals, disagreements, recordOf, stateCell } from '../../support/row-state';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const LONG = 'The boiler in the basement plant room makes a knocking noise whenever the heating starts up. ';
const column = (header: string): number => wb.registerColumn(header);
const writeState = (id: string, value: string): void =>
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), column(ROW_STATE_HEADER), [[value]]);

test('every writer keeps the record within 150 bytes and equal to the row, long texts included', async () => {
  const id = await assignedOrder(wb, TECH, { description: LONG.repeat(3) });
  expect(utf8Bytes(stateCell(wb, id))).toBeLessThanOrEqual(150);
  expect(recordOf(wb, stateCell(wb, id))?.fingerprints.description).toBeDefined();
  expect(disagreements(wb, id)).toEqual([]);
  await typeAll(wb, TECH, id, {
    Status: 'In Progress',
    'Progress Notes': `Día 1 — ${LONG.repeat(2)}`,
    Results: LONG,
    'Actions Taken': LONG,
  });
  expect(wb.order(id).status).toBe('In Progress');
  expect(utf8Bytes(stateCell(wb, id))).toBeLessThanOrEqual(150);
  expect(disagreements(wb, id)).toEqual([]);
});

test('a refused edit of a printed field is put back exactly, typed (old value) or pasted (change log)', async () => {
  const first = await assignedOrder(wb, TECH, { description: `${LONG} First.` });
  const second = await assignedOrder(wb, TECH, { description: `${LONG} Second.` });
  expect(recordOf(wb, stateCell(wb, first))?.fingerprints.description).toBeDefined();
  const original = [wb.order(first).description, wb.order(second).description];

  // One cell: the event's old value matches the print, so it is what goes back.
  const typed = await type(wb, SUPERVISOR, first, 'Description', 'Nothing wrong');
  // Within the edit's budget: no read of the change log or the responses for a single cell.
  expect(calls(typed)).toBeLessThanOrEqual(6);
  expect(wb.order(first).description).toBe(original[0]);
  expect(noteAt(wb, first, 'Description')).toMatch(/kept as the requestor submitted it/);

  // Two rows pasted: no old value in the event; the change log says what they held.
  expect(rowOf(wb, second)).toBe(rowOf(wb, first) + 1);
  const pasted = await wb.edit(SUPERVISOR, REGISTER, rowOf(wb, first), column('Description'), [['x'], ['y']]);
  onlyExecution(pasted.executions);
  expect([wb.order(first).description, wb.order(second).description]).toEqual(original);
  for (const id of [first, second]) {
    expect(noteAt(wb, id, 'Description')).not.toMatch(/could not be put back/);
    expect(logFor(wb, id).at(-1)).toMatchObject({ field: 'Description (refused)' });
    expect(disagreements(wb, id)).toEqual([]);
  }
});

test('a printed field changed where no trigger saw it keeps its print, so the change stays visible', async () => {
  const id = await assignedOrder(wb, TECH, { description: LONG.repeat(2) });
  // Written without an edit event (as a script or the API would): the trigger never ran.
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), column('Description'), [['Quietly rewritten']]);
  expectOk(await type(wb, TECH, id, 'Progress Notes', 'on my way'));
  expect(wb.order(id).notes).toBe('on my way');
  // The record did not adopt the rewrite: it still tells the row's description is not what it knew.
  expect(disagreements(wb, id)).toEqual(['description']);
});

test('records written before (JSON) keep working until setup seals every row, and the next write or setup makes them compact and sealed', async () => {
  beforeSeals(wb);
  const a = await assignedOrder(wb, TECH, { description: 'Old record A' });
  const b = await assignedOrder(wb, TECH, { description: 'Old record B' });
  const c = await assignedOrder(wb, TECH, { description: 'Old record C' });
  for (const id of [a, b, c]) writeState(id, serializeRowStateV1(wb.order(id)));
  expect(stateCell(wb, a).startsWith('{')).toBe(true);
  expect(disagreements(wb, a)).toEqual([]);

  // A paste judged against the JSON records: Closed needs the sidebar, so both go back.
  expect(rowOf(wb, b)).toBe(rowOf(wb, a) + 1);
  const paste = await wb.edit(TECH, REGISTER, rowOf(wb, a), column('Status'), [['Closed'], ['Closed']]);
  onlyExecution(paste.executions);
  expect([wb.order(a).status, wb.order(b).status]).toEqual(['Assigned', 'Assigned']);
  // Those rows were written back: their records are compact and sealed now, and equal to the rows.
  for (const id of [a, b]) {
    expect(stateCell(wb, id).startsWith('S|')).toBe(true);
    expect(utf8Bytes(stateCell(wb, id))).toBeLessThanOrEqual(150);
    expect(disagreements(wb, id)).toEqual([]);
  }

  // Setup's backfill rewrites the remaining one from itself (not from the row), and says nothing.
  expect(stateCell(wb, c).startsWith('{')).toBe(true);
  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(summary).not.toMatch(/recorded the current values/);
  expect(summary).toMatch(/sealed the hidden "Last Known State" of every row \(1 rewritten\)/);
  expect(stateCell(wb, c).startsWith('S|')).toBe(true);
  expect(disagreements(wb, c)).toEqual([]);
  // … and a legal edit is judged against it as before.
  expectOk(await type(wb, TECH, c, 'Status', 'In Progress'));
  expect(wb.order(c).status).toBe('In Progress');
});
