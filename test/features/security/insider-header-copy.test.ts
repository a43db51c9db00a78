/**
 * A second column under one of the add-on's header names, through dist/Code.js. Technicians may write
 * the register's header row (My work writes the register as them), and inserting a column fires no
 * edit trigger. Before, a technician who inserted an empty column and named it "Status" had it kept
 * (the remembered header, shifted by the insert, said the cell already held "Status"): every reader then
 * took the empty column, and the assignee's orders vanished from My work and Review & assign. A name
 * typed at the end of the row was kept too. Now a header naming a column the row already has is put
 * back, logged as refused, whoever types it.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import {
  ADMIN,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, onlyExecution, toastsOf } from '../../support/edits';
import { cardIn, myView } from '../my-work/helpers';

let wb: TestWorkbook;
let theirs: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  theirs = await assignedOrder(wb, TECH2, { description: 'Theo’s job' });
}, 60_000);
afterAll(() => wb.close());

function header(): unknown[] {
  const sheet = wb.sheet(REGISTER);
  return sheet.readValues(1, 1, 1, sheet.lastColumn())[0] ?? [];
}

function refusals(): string[] {
  return logFor(wb, SHEET_NAMES.register)
    .filter((e) => /\(refused\)/.test(e.field))
    .map((e) => `${e.field}: ${e.new}`);
}

test('an inserted column named "Status" by a technician is emptied; the orders stay in My work', async () => {
  const status = wb.registerColumn('Status');
  wb.sheet(REGISTER).insertColumns(status, 1, 'after');
  onlyExecution((await wb.edit(TECH, REGISTER, 1, status, [['Status']])).executions);
  expect(header().filter((h) => h === 'Status')).toHaveLength(1);
  expect(wb.sheet(REGISTER).valueAt(1, status)).toBe('');
  expect(toastsOf(wb, TECH).at(-1)).toMatch(/Another column already has that header/);
  expect(refusals().at(-1)).toMatch(
    /^Header [A-Z]+1 \(refused\): Status \[another column is already named "Status"\]/,
  );
  expect(wb.order(theirs).status).toBe('Assigned');
  expect(cardIn(await myView(wb, TECH2), theirs).status).toBe('Assigned');
});

test('"Assignee" typed into a new column, and "Due" pasted with a column of values, are put back too', async () => {
  const sheet = wb.sheet(REGISTER);
  // Inserted before the hidden Last Known State column, the last one.
  const end = sheet.lastColumn();
  sheet.insertColumns(end, 1, 'before');
  onlyExecution((await wb.edit(SUPERVISOR, REGISTER, 1, end, [['Assignee']])).executions);
  expect(sheet.valueAt(1, end)).toBe('');
  onlyExecution((await wb.edit(TECH, REGISTER, 1, end, [['Due'], ['']])).executions);
  expect(sheet.valueAt(1, end)).toBe('');
  expect(header().filter((h) => h === 'Assignee' || h === 'Due')).toEqual(['Due', 'Assignee']);
  expect(header().at(-1)).toBe('Last Known State');
  expect(cardIn(await myView(wb, TECH2), theirs).status).toBe('Assigned');
});

test('after a column is inserted, the hidden column’s header typed over is put back, not taken as new', async () => {
  const sheet = wb.sheet(REGISTER);
  const state = sheet.lastColumn();
  sheet.insertColumns(wb.registerColumn('Status'), 1, 'after');
  expect(sheet.lastColumn()).toBe(state + 1);
  onlyExecution((await wb.edit(TECH, REGISTER, 1, state + 1, [['Assignee']])).executions);
  expect(header().at(-1)).toBe('Last Known State');
  expect(header().filter((h) => h === 'Assignee')).toHaveLength(1);
});

test('an inserted column’s header is never filled with the name of the column it pushed along', async () => {
  const status = wb.registerColumn('Status');
  wb.sheet(REGISTER).insertColumns(status, 1, 'after');
  onlyExecution((await wb.edit(TECH, REGISTER, 1, status, [['Parts to order']])).executions);
  expect(header().filter((h) => h === 'Status')).toHaveLength(1);
  expect(cardIn(await myView(wb, TECH2), theirs).status).toBe('Assigned');
});

test('negative control: a header of the technician’s own for a new column is kept and logged', async () => {
  const sheet = wb.sheet(REGISTER);
  const end = sheet.lastColumn();
  sheet.insertColumns(end, 1, 'before');
  onlyExecution((await wb.edit(TECH, REGISTER, 1, end, [['Parts on order']])).executions);
  expect(sheet.valueAt(1, end)).toBe('Parts on order');
  expect(logFor(wb, SHEET_NAMES.register).at(-1)).toMatchObject({ new: 'Parts on order', user: TECH });
  expect(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).ok).toBe(true);
  expect(wb.order(theirs).status).toBe('Assigned');
});
