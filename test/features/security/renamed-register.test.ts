/**
 * A hostile editor renames the register's tab, types under the other name (where an edit trigger
 * that knew the register only by name never looked), then renames it back. Technicians may rename it:
 * they are editors of every register protection (My work writes there as them). The trigger knows the
 * register by its sheet id too: such an edit is judged like any other, and the tab gets its name back.
 * Setup, which every "sheet is missing" message sends an administrator to, names the register or the
 * Change Log again instead of making an empty one beside it (the log's rows, and the chain, stranded).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { userRenameSheet } from '../../../runtime/host/spreadsheet/protection-model';
import { ADMIN, TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, noteAt, onlyExecution, rowOf, toastsOf } from '../../support/edits';
import { verifyLog } from '../../support/audit';

let wb: TestWorkbook;
let theirs: string;
let mine: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  theirs = await assignedOrder(wb, TECH2, { description: 'Theo’s job' });
  mine = await assignedOrder(wb, TECH, { description: 'Tina’s job' });
}, 60_000);
afterAll(() => wb.close());

/** `user` renames the register to `name` and types `value` into `header` of order `id` there. */
async function typeInRenamed(user: string, name: string, id: string, header: string, value: string) {
  const row = rowOf(wb, id);
  const column = wb.registerColumn(header);
  userRenameSheet(wb.model, REGISTER, name, user);
  return onlyExecution((await wb.edit(user, name, row, column, [[value]])).executions);
}

test('another technician’s order set to Completed under another name is put back, logged, and the name comes back', async () => {
  await typeInRenamed(TECH, 'WO (old)', theirs, 'Status', 'Completed');
  expect(wb.model.sheetModel(REGISTER)).toBeDefined();
  expect(wb.model.sheetModel('WO (old)')).toBeUndefined();
  expect(wb.order(theirs).status).toBe('Assigned');
  expect(noteAt(wb, theirs, 'Status')).toMatch(/assignee/i);
  expect(logFor(wb, theirs).slice(-1)).toMatchObject([{ user: TECH, field: 'Status (refused)' }]);
  expect(toastsOf(wb, TECH).join(' ')).toMatch(
    /"WO \(old\)" is the Work Orders register.*"Work Orders" again/,
  );
  expect(verifyLog(wb).ok).toBe(true);
});

test('the assignee’s own step under another name is accepted, stamped and logged as theirs', async () => {
  await typeInRenamed(TECH, 'Mine now', mine, 'Status', 'In Progress');
  expect(wb.model.sheetModel(REGISTER)).toBeDefined();
  expect(wb.order(mine).status).toBe('In Progress');
  expect(wb.order(mine).startedAt).toBeInstanceOf(Date);
  expect(logFor(wb, mine).slice(-2)).toMatchObject([
    { user: TECH, field: 'Status', new: 'In Progress' },
    { user: TECH, field: 'Started At' },
  ]);
});

test('renamed only in case (which getSheetByName may not tell apart): judged, and the name comes back', async () => {
  // Sheets refuses a second tab whose name differs only by case, and live Apps Script is reported to
  // find a tab by name ignoring case: the register found under "work orders" is not a decoy.
  await typeInRenamed(TECH, 'work orders', theirs, 'Status', 'Closed');
  expect(wb.model.sheetModel(REGISTER)?.name).toBe(REGISTER);
  expect(wb.order(theirs).status).toBe('Assigned');
  expect(logFor(wb, theirs).slice(-1)).toMatchObject([{ user: TECH, field: 'Status (refused)' }]);
  const told = toastsOf(wb, TECH).join(' ');
  expect(told).toMatch(/"work orders" is the Work Orders register.*"Work Orders" again/);
  expect(told).not.toMatch(/another tab is now named/);
  expect(verifyLog(wb).ok).toBe(true);
});

test('with a decoy tab named as the register, the real one is still judged and nobody is misled', async () => {
  userRenameSheet(wb.model, REGISTER, 'Real', TECH);
  wb.model.insertSheetModel(SHEET_NAMES.register);
  const status = wb.sheet('Real').readValues(1, 1, 1, 60)[0]!.indexOf('Status') + 1;
  const row = wb
    .sheet('Real')
    .readValues(1, 1, 40, 1)
    .findIndex((r) => r[0] === theirs);
  onlyExecution((await wb.edit(TECH, 'Real', row + 1, status, [['Closed']])).executions);
  // The register is named again and the decoy set aside (adapters/register-tab.ts): nothing to mislead.
  expect(toastsOf(wb, TECH).join(' ')).toMatch(
    /"Real" is the Work Orders register: it is "Work Orders" again, and the tab made under its name is now "Work Orders \(not the add-on's\)"/,
  );
  expect(wb.model.sheetModel('Real')).toBeUndefined();
  expect(wb.order(theirs).status).toBe('Assigned');
  wb.model.deleteSheetModel("Work Orders (not the add-on's)");
});

describe('setup, which every "missing tab" message points to, names a renamed tab again', () => {
  test('the register renamed with no edit since: named again, no empty register made beside it', async () => {
    userRenameSheet(wb.model, REGISTER, 'Archive me', TECH);
    const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
    expect(summary).toMatch(/named the "Archive me" tab "Work Orders" again/);
    expect(wb.model.sheetModel('Archive me')).toBeUndefined();
    expect(wb.register().map((r) => r.order.id)).toEqual(expect.arrayContaining([theirs, mine]));
  });

  test('the Change Log renamed only in case: setup names it exactly again, the log verifies', async () => {
    userRenameSheet(wb.model, SHEET_NAMES.changeLog, 'CHANGE LOG', TECH);
    const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
    expect(summary).toMatch(/named the "CHANGE LOG" tab "Change Log" again/);
    expect(wb.model.sheetModel(SHEET_NAMES.changeLog)?.name).toBe(SHEET_NAMES.changeLog);
    expect(verifyLog(wb).ok).toBe(true);
  });

  test('the Change Log renamed: every writer stops; setup names it again, the log verifies, work goes on', async () => {
    const next = await assignedOrder(wb, TECH);
    const rows = wb.changeLog().length;
    userRenameSheet(wb.model, SHEET_NAMES.changeLog, 'Old log', TECH);
    const row = rowOf(wb, next);
    const refused = await wb.edit(TECH, REGISTER, row, wb.registerColumn('Status'), [['In Progress']]);
    expect(refused.executions[0]?.error?.message).toMatch(
      /"Change Log" sheet is missing.*Set up work orders/,
    );
    expect(wb.order(next).status).toBe('Assigned');
    const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
    expect(summary).toMatch(/named the "Old log" tab "Change Log" again/);
    expect(wb.model.sheetModel('Old log')).toBeUndefined();
    expect(wb.changeLog().length).toBe(rows);
    expect(verifyLog(wb).ok).toBe(true);
    onlyExecution(
      (await wb.edit(TECH, REGISTER, row, wb.registerColumn('Status'), [['In Progress']])).executions,
    );
    expect(wb.order(next).status).toBe('In Progress');
    expect(verifyLog(wb).ok).toBe(true);
  });
});
