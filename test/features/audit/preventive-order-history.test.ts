/**
 * Verify audit log and the orders a schedule makes. The hourly job's log rows wait in a hand-off for the
 * owner's next execution in the document, so a supervisor can approve a preventive order before its
 * Created row lands: the late creation must not read as the order made again (which reported every
 * approved value as written outside the add-on and offered to put the order back to Submitted). And
 * approval keeps the due date the schedule planned without logging it, so the schedule's Created row
 * logs that Due: one rewritten by script along with the row's record is found.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { addCalendarDays, formatLocal, isoDate, localParts } from '../../../src/core/time';
import { ROW_STATE_HEADER, serializeRowState } from '../../../src/server/adapters/row-state';
import { REGISTER, rowOf, submitOne, type } from '../../support/edits';
import { now, runHourly, startAtLocalHour } from '../../support/ops';
import { recordOf, withWorkbookKey } from '../../support/row-state';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, itemIn, target, viewFor } from '../review/helpers';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
}, 60_000);
afterEach(() => wb.close());

async function verify(): Promise<{ message: string; asked: boolean }> {
  let asked = false;
  wb.rt.world.ui.responder = (q) => {
    if (q.buttons !== 'YES_NO') return { button: 'OK', text: '' };
    asked = true;
    return { button: 'NO' };
  };
  const { message } = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { message: string };
  return { message, asked };
}

/** A preventive order made by the hourly job, its log rows still in the hand-off, approved and assigned. */
async function approvedPreventiveOrder(beforeApproval: (id: string) => void = () => {}): Promise<string> {
  const p = localParts(now(wb), wb.model.timeZone);
  const due = isoDate(addCalendarDays({ year: p.year, month: p.month, day: p.day }, 6));
  const row = scheduleRow({
    id: 'PM-A',
    task: 'Service the boiler',
    location: 'Main Building',
    category: 'Plumbing',
    leadDays: '7',
    nextDue: due,
  });
  (await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, [row])).executions.forEach(expectOk);
  (await runHourly(wb)).forEach(expectOk);
  const id = wb.register().find((r) => r.order.responseRef === `Schedule PM-A ${due}`)!.order.id;
  expect(wb.changeLog().some((r) => r[3] === id)).toBe(false);
  beforeApproval(id);
  const view = await viewFor(wb, SUPERVISOR);
  const { reply } = await act(wb, SUPERVISOR, {
    action: 'approveAssign',
    ...target(itemIn(view, id)),
    category: 'Plumbing',
    priority: 'P4 Scheduled',
    assignee: TECH,
  });
  expect(reply.ok).toBe(true);
  // The owner's next execution in the document (a request) appends the hand-off, below the approval.
  await submitOne(wb);
  const rows = wb.changeLog().filter((r) => r[3] === id);
  expect(String(rows[rows.length - 1]?.[4])).toContain('Created');
  return id;
}

test('a preventive order approved before its Created row landed verifies clean, and so does a supervisor typing its Due', async () => {
  const id = await approvedPreventiveOrder();
  expect((await verify()).message).toMatch(/^Audit log OK/);
  await type(wb, SUPERVISOR, id, 'Due', '2030-01-15 09:00');
  expect(wb.order(id).due?.getFullYear()).toBe(2030);
  expect((await verify()).message).toMatch(/^Audit log OK/);
}, 120_000);

test('a preventive order whose Due a script rewrote with its record, kept by approval, is reported with the planned date', async () => {
  let planned = '';
  const id = await approvedPreventiveOrder((id) => {
    const row = rowOf(wb, id);
    const before = wb.order(id);
    planned = formatLocal(before.due!, wb.model.timeZone);
    const due = new Date(before.due!.getTime() + 60 * 86_400_000);
    const state = recordOf(wb, wb.sheet(REGISTER).valueAt(row, wb.registerColumn(ROW_STATE_HEADER)))!;
    // The record's Due is kept whole, so a script can rewrite it with the cell: My work and approval accept the row.
    const record = withWorkbookKey(wb, () =>
      serializeRowState({ ...before, due }, state.noted, state.reasonRenewed),
    );
    wb.sheet(REGISTER).writeValues(row, wb.registerColumn('Due'), [[due]]);
    wb.sheet(REGISTER).writeValues(row, wb.registerColumn(ROW_STATE_HEADER), [[record]]);
  });
  const forged = formatLocal(wb.order(id).due!, wb.model.timeZone);
  expect(forged).not.toBe(planned);
  const verdict = await verify();
  expect(verdict.message).toContain(`${id}, Due: ${forged}, where the change log says ${planned}`);
  expect(verdict.asked).toBe(true);
}, 120_000);
