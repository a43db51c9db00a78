/**
 * A paste that covers the register's hidden "Last Known State" column brings its own record of the
 * row, so the row's record cannot say what the row held: the edit trigger reads that from the change
 * log instead and puts the row back whole. Another order's whole row pasted over one's own (hidden
 * column included) leaves both orders as they were, with no Request ID twice; a block with a forged
 * record to match Status = Closed changes nothing; a pasted duplicate Request ID goes back. Legitimate
 * edits by the same technician still land.
 */
import { REGISTER_COLUMNS, type WorkOrder } from '../../../src/core/model';
import { ROW_STATE_HEADER, serializeRowState } from '../../../src/server/adapters/row-state';
import { TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, noteAt, rowOf, toastsOf, type } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

/** Orders compared field by field, stamps to the second (the change log keeps whole seconds). */
function comparable(order: WorkOrder): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(order)) {
    if (field === 'revision') continue;
    out[field] = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  }
  return out;
}

function registerSnapshot() {
  return wb
    .register()
    .map((r) => ({ row: r.row, order: comparable(r.order) }))
    .sort((a, b) => a.row - b.row);
}

/** A register row as a person copies it: every column, the hidden one included. */
function copyRow(row: number, column = 1): string[] {
  const sheet = wb.sheet(REGISTER);
  const width = sheet.lastColumn() - column + 1;
  return sheet.readDisplayValues({ row, column, numRows: 1, numColumns: width })[0]!.map(String);
}

function expectNoDuplicates(): void {
  const orders = wb.register().map((r) => r.order);
  const ids = orders.map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
  const numbers = orders.map((o) => o.woNumber).filter((n) => n !== '');
  expect(new Set(numbers).size).toBe(numbers.length);
}

test('the hidden state column is the last column and is copied with the row', () => {
  const header = wb.values(REGISTER)[0] ?? [];
  expect(header.indexOf(ROW_STATE_HEADER)).toBe(header.length - 1);
});

test("another order's whole row pasted over one's own, hidden column included, is put back whole", async () => {
  const mine = await assignedOrder(wb, TECH, { description: '+1 call me first' });
  const other = await assignedOrder(wb, TECH, { description: 'Other order' });
  expectOk(await type(wb, TECH, mine, 'Status', 'In Progress'));
  const before = registerSnapshot();
  const toasts = toastsOf(wb, TECH).length;

  const outcome = await wb.edit(TECH, REGISTER, rowOf(wb, mine), 1, [copyRow(rowOf(wb, other))]);
  outcome.executions.forEach(expectOk);

  expect(registerSnapshot()).toEqual(before);
  expectNoDuplicates();
  expect(wb.order(mine).description).toBe('+1 call me first');
  expect(noteAt(wb, mine, REGISTER_COLUMNS.id)).toMatch(/put back whole as the change log records it/);
  expect(noteAt(wb, mine, REGISTER_COLUMNS.id)).toContain(other);
  expect(toastsOf(wb, TECH).slice(toasts).join(' ')).toMatch(/put back whole/);
  const refused = logFor(wb, mine)
    .filter((r) => r.user === TECH)
    .map((r) => r.field);
  expect(refused).toEqual(expect.arrayContaining(['Request ID (refused)', 'Last Known State (refused)']));
  // The row's record is the add-on's again: a later legitimate edit is judged against it.
  expectOk(await type(wb, TECH, mine, 'Progress Notes', 'on my way'));
  expect(wb.order(mine).notes).toBe('on my way');
  expect(wb.order(mine).status).toBe('In Progress');
});

test('a block from Status to the hidden column, Status = Closed and a record forged to match, is put back', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Forge me' });
  const before = registerSnapshot();
  const statusColumn = wb.registerColumn(REGISTER_COLUMNS.status);
  const block = copyRow(rowOf(wb, mine), statusColumn);
  block[0] = 'Closed';
  const stateAt = block.length - 1;
  // A record anyone can write: every field kept whole (prints need the add-on's secret, records do not).
  block[stateAt] = serializeRowState({ ...wb.order(mine), status: 'Closed' });

  const outcome = await wb.edit(TECH, REGISTER, rowOf(wb, mine), statusColumn, [block]);
  outcome.executions.forEach(expectOk);

  expect(registerSnapshot()).toEqual(before);
  expect(wb.order(mine).status).toBe('Assigned');
  expect(noteAt(wb, mine, REGISTER_COLUMNS.status)).toMatch(/Last Known State/);
  expect(logFor(wb, mine).map((r) => r.field)).toContain('Status (refused)');
  // The Status cell stays guarded: typing Closed is refused as before (it needs the sidebar).
  expectOk(await type(wb, TECH, mine, 'Status', 'Closed'));
  expect(wb.order(mine).status).toBe('Assigned');
});

test('a pasted duplicate Request ID is put back, with or without the hidden column', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Mine again' });
  const other = await assignedOrder(wb, TECH, { description: 'Someone else' });
  const before = registerSnapshot();
  const idColumn = wb.registerColumn(REGISTER_COLUMNS.id);
  const otherRow = copyRow(rowOf(wb, other));

  // Request ID and WO Number only.
  const pair = await wb.edit(TECH, REGISTER, rowOf(wb, mine), idColumn, [otherRow.slice(0, 2)]);
  pair.executions.forEach(expectOk);
  expect(registerSnapshot()).toEqual(before);

  // The other's whole row on the empty row below the register: the copy goes.
  const below = wb.sheet(REGISTER).lastRow() + 1;
  const copy = await wb.edit(TECH, REGISTER, below, 1, [otherRow]);
  copy.executions.forEach(expectOk);
  expectNoDuplicates();
  expect(registerSnapshot()).toEqual(before);
  expect(noteAt(wb, other, REGISTER_COLUMNS.id)).toBe('');

  // A made-up Request ID, never handed out, with a record to match, below the register: it goes.
  const forged = [...otherRow];
  forged[0] = 'REQ-999999';
  forged[forged.length - 1] = serializeRowState({ ...wb.order(other), id: 'REQ-999999' });
  const made = await wb.edit(TECH, REGISTER, wb.sheet(REGISTER).lastRow() + 1, 1, [forged]);
  made.executions.forEach(expectOk);
  expect(wb.register().some((r) => r.order.id === 'REQ-999999')).toBe(false);
  expect(registerSnapshot()).toEqual(before);

  // Two rows at once: the other's row over itself and over one's own.
  expect(rowOf(wb, other)).toBe(rowOf(wb, mine) + 1);
  const both = await wb.edit(TECH, REGISTER, rowOf(wb, mine), 1, [otherRow, otherRow]);
  both.executions.forEach(expectOk);
  expectNoDuplicates();
  expect(wb.order(mine).description).toBe('Mine again');
  expect(wb.order(other).description).toBe('Someone else');
  expect(wb.register()).toHaveLength(before.length);
});

test('a whole row cleared with Delete, hidden column included, comes back', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Do not lose me' });
  const before = registerSnapshot();
  const width = wb.sheet(REGISTER).lastColumn();
  const row = rowOf(wb, mine);
  const outcome = await wb.edit(TECH, REGISTER, row, 1, [Array<string>(width).fill('')]);
  outcome.executions.forEach(expectOk);
  expect(registerSnapshot()).toEqual(before);
  expect(rowOf(wb, mine)).toBe(row);
  expect(noteAt(wb, mine, REGISTER_COLUMNS.description)).toMatch(/put back whole/);
});

test('negative control: the same technician can still type and paste what a technician may', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Real work' });
  expectOk(await type(wb, TECH, mine, 'Status', 'In Progress'));
  const notes = wb.registerColumn(REGISTER_COLUMNS.notes);
  const results = wb.registerColumn(REGISTER_COLUMNS.results);
  expect(results).toBe(notes + 1);
  const outcome = await wb.edit(TECH, REGISTER, rowOf(wb, mine), notes, [['Pump replaced', 'Works again']]);
  outcome.executions.forEach(expectOk);
  expect(wb.order(mine)).toMatchObject({
    status: 'In Progress',
    notes: 'Pump replaced',
    results: 'Works again',
  });
  expect(noteAt(wb, mine, REGISTER_COLUMNS.notes)).toBe('');
});
