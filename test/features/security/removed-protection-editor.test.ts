/**
 * Technicians and supervisors are editors of the add-on's protections (their sidebars write as them),
 * so a script of one of them can remove other staff from a protection's editors. The victim's next
 * sidebar write then failed with Google's own "Please contact the spreadsheet owner to remove
 * protection", which names the wrong thing to do, and nobody who could mend it heard of it. Now the
 * sidebar says what happened and that an administrator runs Set up work orders (which re-applies the
 * protections), and the Errors tab tells the administrators. Through dist/Code.js.
 */
import { REPORT_TAB_NAMES } from '../../../src/core/reports';
import { REGISTER, assignedOrder } from '../../support/edits';
import { verifyLog } from '../../support/audit';
import {
  ADMIN,
  MANAGER,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterEach(() => wb.close());

/** TECH2's own script: Protection.removeEditor(victim) on every protection of the tabs named. */
function removeFromProtections(victim: string, tabs: readonly string[]): void {
  for (const tab of tabs) for (const p of wb.model.sheetModel(tab)!.protections) p.editors.delete(victim);
}

type Reply = { ok: boolean; message?: string };

async function start(id: string): Promise<Reply> {
  const r = await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, action: 'start' });
  return expectOk(r).value as Reply;
}

test('a technician removed from the register’s protections is told to have an administrator run setup; the administrators hear of it', async () => {
  const id = await assignedOrder(wb, TECH, { description: 'Job' });
  removeFromProtections(TECH, [REGISTER]);
  const refused = await start(id);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(/not among the editors of a protected tab or column your role writes/);
  expect(refused.message).toMatch(/ask an administrator \(admin@example\.com\) to run .*Set up work orders/);
  expect(refused.message).toMatch(/administrators have been told on the Errors tab/);
  expect(refused.message).not.toMatch(/contact the spreadsheet owner/);
  const errors = wb.values('Errors').slice(1);
  expect(errors.map((r) => String(r[3])).join('\n')).toMatch(
    /Google refused a write Work Orders makes as tina\.tech@example\.com.*Set up work orders/,
  );
  expect(wb.order(id).status).toBe('Assigned');
  expect(verifyLog(wb).ok).toBe(true);
  // The administrator runs setup as told: the step goes through.
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  expect(await start(id)).toMatchObject({ ok: true });
}, 120_000);

test('removed from every protection, Errors included: still the true message, and to tell an administrator', async () => {
  const id = await assignedOrder(wb, TECH, { description: 'Job' });
  removeFromProtections(
    TECH,
    wb.model.sheetModels().map((s) => s.name),
  );
  const refused = await start(id);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(/run .*Set up work orders, which re-applies the protections/);
  expect(refused.message).toMatch(/could not record it on the Errors tab either/);
  expect(wb.order(id).status).toBe('Assigned');
}, 120_000);

test('a supervisor removed from the register’s protections gets the same message in Review & assign', async () => {
  const { executions } = await wb.submit({ description: 'To approve' });
  expectOk(executions[0]!);
  const id = wb.register().slice(-1)[0]!.order.id;
  removeFromProtections(SUPERVISOR, [REGISTER]);
  const r = expectOk(
    await wb.call(SUPERVISOR, 'reviewAct', {
      id,
      revision: wb.order(id).revision,
      action: 'approveAssign',
      priority: 'P3 Routine',
      category: 'Electrical',
      assignee: TECH,
    }),
  ).value as Reply;
  expect(r.ok).toBe(false);
  expect(r.message).toMatch(/sam\.supervisor@example\.com.*Set up work orders/);
}, 120_000);

test('a manager removed from the report tabs’ protections is told the same by Build reports', async () => {
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  removeFromProtections(MANAGER, REPORT_TAB_NAMES);
  const failed = await wb.menu(MANAGER, 'buildReports');
  expect(failed.ok).toBe(false);
  const message = String(failed.error?.message);
  expect(message).toMatch(/mia\.manager@example\.com.*It stopped at that write.*Set up work orders/);
  expect(message).not.toMatch(/contact the spreadsheet owner/);
  // A manager does not write the Errors tab (only the roles whose sidebars log do): they are asked to tell.
  expect(message).toMatch(/Tell them yourself: Work Orders could not record it on the Errors tab either/);
}, 120_000);
