/**
 * A technician renames the Change Log (which they must be able to write: My work logs their steps as
 * them) and makes a new tab under its name, one they made and so control. Before, every writer found
 * the decoy by name and appended there, chained on from the real log, and setup, which the broken
 * Verify sends an administrator to, adopted the decoy (protected it, kept its id) and left the real
 * log under the other name. Now the checkpoint names the tab the rows were written to: nothing is
 * appended to another tab under the name, and setup sets the decoy aside and names the log again.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { CHANGE_LOG_HEADERS } from '../../../src/core/model';
import { userRenameSheet } from '../../../runtime/host/spreadsheet/protection-model';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, onlyExecution, rowOf, submitOne } from '../../support/edits';
import { verifyLog } from '../../support/audit';

const LOG = SHEET_NAMES.changeLog;
const DECOY_ROW = [
  '2026-01-01 00:00:00',
  TECH,
  'sidebar',
  'REQ-000001',
  'Status: "" → Closed',
  'k1.' + 'a'.repeat(64),
];

let wb: TestWorkbook;
let mine: string;
let submitted: string;
let logRows: number;
beforeAll(async () => {
  wb = await setUpWorkbook();
  mine = await assignedOrder(wb, TECH);
  submitted = await submitOne(wb, { description: 'Waiting for review' });
  logRows = wb.changeLog().length;
  userRenameSheet(wb.model, LOG, 'Old log', TECH);
  const decoy = wb.model.insertSheetModel(LOG);
  decoy.writeValues(1, 1, [[...CHANGE_LOG_HEADERS], DECOY_ROW]);
}, 60_000);
afterAll(() => wb.close());

test('a technician’s edit is not logged in the decoy: it is put back, saying to run setup', async () => {
  const outcome = await wb.edit(TECH, REGISTER, rowOf(wb, mine), wb.registerColumn('Status'), [
    ['In Progress'],
  ]);
  expect(outcome.executions[0]?.error?.message).toMatch(
    /"Change Log" tab is not the add-on's change log.*Set up work orders/,
  );
  expect(wb.order(mine).status).toBe('Assigned');
  expect(wb.values(LOG)).toEqual([[...CHANGE_LOG_HEADERS], DECOY_ROW]);
});

test('a request and a supervisor’s approval are not logged there either', async () => {
  const before = wb.register().length;
  const intake = await wb.submit({ description: 'Leak under the sink' });
  expect(intake.executions[0]?.error?.message).toMatch(/not the add-on's change log/);
  expect(wb.register()).toHaveLength(before);
  const approve = expectOk(
    await wb.call(SUPERVISOR, 'reviewAct', {
      action: 'approve',
      id: submitted,
      revision: wb.order(submitted).revision,
      category: 'Plumbing',
      priority: 'P3 Routine',
    }),
  ).value as { ok: boolean; message?: string };
  expect(approve).toMatchObject({ ok: false, message: expect.stringMatching(/not the add-on's change log/) });
  expect(wb.order(submitted).status).toBe('Submitted');
  expect(wb.values(LOG)).toHaveLength(2);
  expect(wb.model.sheetModel('Old log')?.lastRow()).toBe(logRows + 1);
});

test('Verify audit log says the Change Log tab is not the add-on’s log, and where the log is', async () => {
  const result = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  expect(result.ok).toBe(false);
  expect(result.message).toMatch(
    /^The "Change Log" tab is not the add-on's change log: .* The add-on's log is the tab now named "Old log"\. Run Extensions › Work Orders › Set up work orders/,
  );
});

test('setup sets the decoy aside and names the log again; the log verifies and work goes on', async () => {
  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(summary).toMatch(/named the tab made under the name "Change Log" "Change Log \(not the add-on's\)"/);
  expect(summary).toMatch(/named the "Old log" tab "Change Log" again/);
  expect(wb.model.sheetModel('Old log')).toBeUndefined();
  expect(wb.model.sheetModel("Change Log (not the add-on's)")?.readValues(2, 1, 1, 6)).toEqual([DECOY_ROW]);
  expect(wb.changeLog()).toHaveLength(logRows);
  expect(verifyLog(wb).ok).toBe(true);
  onlyExecution(
    (await wb.edit(TECH, REGISTER, rowOf(wb, mine), wb.registerColumn('Status'), [['In Progress']]))
      .executions,
  );
  expect(wb.order(mine).status).toBe('In Progress');
  const id = await submitOne(wb, { description: 'After setup' });
  expect(wb.order(id).status).toBe('Submitted');
  expect(verifyLog(wb).ok).toBe(true);
});
