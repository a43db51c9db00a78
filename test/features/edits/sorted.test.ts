/**
 * Users sort, filter and insert rows; none of that may change which row is which work order.
 * Each row carries its own record, so an edit after a sort (or next to inserted rows) is judged against
 * the right order. Also: the header layout remembered by the trigger goes stale when a column is
 * inserted (no edit event tells), and the trigger notices from the rows themselves.
 */
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import {
  REGISTER,
  assignedOrder,
  calls,
  insertRowsAt,
  logFor,
  noteAt,
  onlyExecution,
  rowOf,
  sortRegister,
  type,
} from '../../support/edits';

let wb: TestWorkbook;
let mine: string[];
let theirs: string[];

beforeAll(async () => {
  wb = await setUpWorkbook();
  mine = [];
  theirs = [];
  for (let i = 0; i < 4; i++) {
    mine.push(await assignedOrder(wb, TECH, { description: `Tina job ${i}` }));
    theirs.push(await assignedOrder(wb, TECH2, { description: `Theo job ${i}` }));
  }
}, 60_000);
afterAll(() => wb.close());

test('after a sort, a typed status changes the order now on that row, and only it', async () => {
  const rowsBefore = mine.map((id) => rowOf(wb, id));
  sortRegister(wb, (o) => o.description, true); // Z→A: "Tina…" rows first, then "Theo…"
  const rowsAfter = mine.map((id) => rowOf(wb, id));
  expect(rowsAfter).not.toEqual(rowsBefore);
  const target = mine[1] as string;
  const record = await type(wb, TECH, target, 'Status', 'In Progress');
  expect(calls(record)).toBeLessThanOrEqual(6);
  expect(wb.order(target).status).toBe('In Progress');
  for (const id of [...mine, ...theirs]) if (id !== target) expect(wb.order(id).status).toBe('Assigned');
  expect(
    logFor(wb, target)
      .slice(-2)
      .map((r) => r.field),
  ).toEqual(['Status', 'Started At']);
});

test('after a sort, a paste over rows of both technicians is judged row by row', async () => {
  sortRegister(wb, (o) => o.id); // back to id order, interleaving Tina's and Theo's orders
  const all = [...mine, ...theirs].sort((a, b) => rowOf(wb, a) - rowOf(wb, b));
  const first = rowOf(wb, all[0] as string);
  const status = wb.registerColumn('Progress Notes');
  const values = all.map((id) => [`note for ${id}`]);
  onlyExecution((await wb.edit(TECH, REGISTER, first, status, values)).executions);
  for (const id of mine) expect(wb.order(id).notes).toBe(`note for ${id}`);
  for (const id of theirs) {
    expect(wb.order(id).notes).toBe('');
    expect(noteAt(wb, id, 'Progress Notes')).toMatch(/Only the assignee or a supervisor/);
  }
});

test('rows inserted in the middle are not work orders; the orders around them keep their identity', async () => {
  const target = theirs[2] as string;
  const at = rowOf(wb, target);
  insertRowsAt(wb, at, 2);
  expect(rowOf(wb, target)).toBe(at + 2);
  await wb.edit(TECH2, REGISTER, at, wb.registerColumn('Status'), [['In Progress']]);
  expect(wb.sheet(REGISTER).valueAt(at, wb.registerColumn('Status'))).toBe('');
  await type(wb, TECH2, target, 'Status', 'In Progress');
  expect(wb.order(target).status).toBe('In Progress');
});

test('a column inserted before Status (no edit event) is noticed from the rows, not trusted from the cache', async () => {
  const target = theirs[3] as string;
  const statusBefore = wb.registerColumn('Status');
  // An administrator inserts a column of their own and names it: only the naming is an edit.
  wb.sheet(REGISTER).insertColumns(statusBefore, 1, 'none');
  wb.sheet(REGISTER).writeValues(1, statusBefore, [['Building code']]);
  expect(wb.registerColumn('Status')).toBe(statusBefore + 1);
  await type(wb, TECH2, target, 'Status', 'In Progress');
  expect(wb.order(target).status).toBe('In Progress');
  expect(wb.order(target).startedAt).toBeInstanceOf(Date);
  // The organization's new column is left alone, and later edits are back within budget.
  expect(wb.sheet(REGISTER).valueAt(rowOf(wb, target), statusBefore)).toBe('');
  const next = await type(wb, SUPERVISOR, target, 'Progress Notes', 'checked by Sam');
  expect(calls(next)).toBeLessThanOrEqual(6);
  expect(wb.order(target).notes).toBe('checked by Sam');
});
