/**
 * The hidden Last Known State column deleted by hand. Its protection is warning-only (every sidebar
 * user writes it), so any editor may delete it; every row then has no record, and a paste cannot be
 * judged from the row. Left as pasted, "Completed" on another technician's order stayed, and the next
 * setup adopted it as the row's record, with no log row saying Status changed. Such a paste is put back
 * as the change log records the order; typing one cell at a time still works (the edit event gives the
 * cell's old value), and setup brings the column back.
 */
import { ADMIN, TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, noteAt, onlyExecution, rowOf, type } from '../../support/edits';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { verifyLog } from '../../support/audit';

let wb: TestWorkbook;
let theirs: string;
let mine: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  theirs = await assignedOrder(wb, TECH2);
  mine = await assignedOrder(wb, TECH);
  wb.sheet(REGISTER).deleteColumns(wb.registerColumn(ROW_STATE_HEADER), 1);
}, 60_000);
afterAll(() => wb.close());

/** `user` pastes Status and the cell right of it (as it is) over order `id`'s row. */
async function pasteStatus(user: string, id: string, status: string) {
  const row = rowOf(wb, id);
  const column = wb.registerColumn('Status');
  const beside = String(wb.sheet(REGISTER).valueAt(row, column + 1) ?? '');
  return onlyExecution((await wb.edit(user, REGISTER, row, column, [[status, beside]])).executions);
}

test('a paste of Completed over another technician’s order is put back as the log records it', async () => {
  await pasteStatus(TECH, theirs, 'Completed');
  expect(wb.order(theirs).status).toBe('Assigned');
  expect(noteAt(wb, theirs, 'Status')).toMatch(/no record of what this row held.*change log/);
  expect(logFor(wb, theirs).at(-1)).toMatchObject({ user: TECH, field: 'Status (refused)', old: 'Assigned' });
  expect(verifyLog(wb).ok).toBe(true);
});

test('the assignee types one cell at a time meanwhile; a paste of theirs is put back too', async () => {
  await type(wb, TECH, mine, 'Status', 'In Progress');
  expect(wb.order(mine).status).toBe('In Progress');
  await pasteStatus(TECH, mine, 'On Hold');
  expect(wb.order(mine).status).toBe('In Progress');
  expect(noteAt(wb, mine, 'Status')).toMatch(/Type changes one cell at a time/);
});

test('setup brings the column back, recording the rows as the log has them', async () => {
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  expect(wb.registerColumn(ROW_STATE_HEADER)).toBeGreaterThan(0);
  expect(wb.order(theirs).status).toBe('Assigned');
  await pasteStatus(TECH, theirs, 'Completed');
  expect(wb.order(theirs).status).toBe('Assigned');
  expect(noteAt(wb, theirs, 'Status')).toMatch(/assignee/i);
});
