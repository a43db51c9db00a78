/**
 * An administrator changes a priority's SLA target on the Settings tab. Work orders already approved
 * keep the due dates they were given; the person who changed it is told so, and where a supervisor
 * changes one, rather than only "Recorded as revision …".
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, onlyExecution, toastsOf } from '../../support/edits';

const SETTINGS = SHEET_NAMES.settings;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

/** The Settings cell of `header` on the row of priority `name`. */
function priorityCell(name: string, header: string): { row: number; column: number } {
  const values = wb.values(SETTINGS);
  const head = values[0] ?? [];
  const row = values.findIndex((r) => r[head.indexOf('Priority')] === name);
  if (row < 1) throw new Error(`no priority ${name}`);
  return { row: row + 1, column: head.indexOf(header) + 1 };
}

test('a changed Complete Within says approved work keeps its due date and how to change one', async () => {
  const id = await assignedOrder(wb, 'tina.tech@example.com');
  const due = wb.order(id).due;
  const priority = wb.order(id).priority;
  const { row, column } = priorityCell(priority, 'Complete Within');
  const was = Number(wb.sheet(SETTINGS).valueAt(row, column));
  onlyExecution((await wb.edit(ADMIN, SETTINGS, row, column, [[String(was + 5)]])).executions);
  const told = toastsOf(wb, ADMIN).join(' ');
  expect(told).toMatch(/new targets apply to work orders approved from now on/);
  expect(told).toMatch(/already approved keep their due dates.*Change due date in Review & assign/);
  expect(told).toMatch(/Recorded as revision/);
  expect(wb.order(id).due).toEqual(due);
});

test('a Settings edit that leaves the targets alone says nothing of them', async () => {
  const values = wb.values(SETTINGS);
  const head = values[0] ?? [];
  const row = values.findIndex((r) => r[head.indexOf('Setting')] === 'retentionDays') + 1;
  const before = toastsOf(wb, ADMIN).length;
  onlyExecution((await wb.edit(ADMIN, SETTINGS, row, head.indexOf('Value') + 1, [['400']])).executions);
  const told = toastsOf(wb, ADMIN).slice(before).join(' ');
  expect(told).toMatch(/Recorded as revision/);
  expect(told).not.toMatch(/new targets/);
});
