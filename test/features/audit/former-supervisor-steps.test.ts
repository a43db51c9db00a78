/**
 * Verify audit log reports a technician's step taken by someone the log did not have as the order's
 * assignee, unless that person supervised. The Staff tab says who supervises now; a supervisor who
 * worked a technician's order from My work and has since been marked inactive or made a technician
 * took an honest step, which the log shows them entitled to (they decided orders as themselves).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { assignedOrder } from '../../support/edits';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterEach(() => wb.close());

async function verify(): Promise<string> {
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'NO' : 'OK', text: '' });
  return (expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { message: string }).message;
}

test.each([
  ['marked inactive', 'Active', 'FALSE'],
  ['made a technician', 'Role', 'Technician'],
])(
  "a supervisor's My work step on a technician's order still verifies once the supervisor is %s",
  async (_, column, value) => {
    const id = await assignedOrder(wb, TECH);
    const started = expectOk(
      await wb.call(SUPERVISOR, 'myWorkAct', { id, revision: wb.order(id).revision, action: 'start' }),
    );
    expect(started.value).toMatchObject({ ok: true });
    const staff = wb.values(SHEET_NAMES.staff);
    const row = staff.findIndex((r) => r[0] === SUPERVISOR) + 1;
    const col = (staff[0] ?? []).indexOf(column) + 1;
    (await wb.edit(ADMIN, SHEET_NAMES.staff, row, col, [[value]])).executions.forEach(expectOk);
    expect(await verify()).toMatch(/^Audit log OK/);
  },
  120_000,
);
