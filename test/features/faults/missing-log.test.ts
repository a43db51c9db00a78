/**
 * With the Change Log tab deleted, every writer stops with a clear message before anything changes:
 * no register change can land without its log row.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, rowOf, REGISTER } from '../../support/edits';
import { DAY, now, patchOrder, setSetting, submitMany } from '../../support/ops';

const MISSING = /"Change Log" sheet is missing.*Set up work orders/;

describe('the Change Log tab deleted', () => {
  let wb: TestWorkbook;
  let submitted: string;
  let assigned: string;
  let closed: string;
  let register: string;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
    [closed] = (await submitMany(wb, 1)) as [string];
    wb.rt.world.clock.set(today);
    patchOrder(wb, closed, {
      status: 'Closed',
      woNumber: 'WO-2026-00100',
      closedAt: new Date(today.getTime() - 60 * DAY),
    });
    assigned = await assignedOrder(wb, TECH);
    [submitted] = (await submitMany(wb, 1)) as [string];
    wb.model.deleteSheetModel(SHEET_NAMES.changeLog);
    register = JSON.stringify(wb.values(REGISTER));
  });
  afterAll(() => wb.close());

  const registerUnchanged = () => expect(JSON.stringify(wb.values(REGISTER))).toBe(register);

  test('a sidebar approval is refused with the message, and the register is untouched', async () => {
    const record = await wb.call(SUPERVISOR, 'reviewAct', {
      action: 'approveAssign',
      id: submitted,
      revision: wb.order(submitted).revision,
      category: 'Electrical',
      priority: 'P3 Routine',
      assignee: TECH,
    });
    expect(record.value).toMatchObject({ ok: false, message: expect.stringMatching(MISSING) });
    registerUnchanged();
    expect(wb.rt.world.mail.receivedBy(TECH).filter((m) => m.subject.includes(submitted))).toHaveLength(0);
  });

  test('a form submission makes no register row', async () => {
    const { executions } = await wb.submit({ description: 'While the log is gone' });
    expect(executions[0]?.ok).toBe(false);
    expect(executions[0]?.error?.message).toMatch(MISSING);
    registerUnchanged();
  });

  test('a technician’s edit is put back', async () => {
    const { executions } = await wb.edit(TECH, REGISTER, rowOf(wb, assigned), wb.registerColumn('Status'), [
      ['In Progress'],
    ]);
    expect(executions[0]?.ok).toBe(false);
    expect(executions[0]?.error?.message).toMatch(MISSING);
    registerUnchanged();
  });

  test('archiving moves nothing', async () => {
    const run = await wb.menu(ADMIN, 'archiveClosedWorkOrders');
    expect(run.ok).toBe(false);
    expect(run.error?.message).toMatch(MISSING);
    registerUnchanged();
    expect(wb.model.sheetModel(SHEET_NAMES.archive)).toBeUndefined();
  });
});
