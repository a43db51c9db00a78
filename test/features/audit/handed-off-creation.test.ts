/**
 * The hourly job hands a schedule's new order's log rows off to the owner's next execution in the
 * document (a form submission, an edit), while the order is already in the register: a supervisor may
 * approve and assign it from the sidebar first, so its Created row lands below the approval's. Verify
 * audit log must read that creation as coming before the lines it follows (its timestamp says so), not
 * start the order's history over and offer to put the approval back (Status to Submitted, WO Number
 * and Assignee emptied). A form response the trigger missed, taken in by the hourly job, waits the
 * same way: until then it is no row "the add-on never created".
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { isoDate, localParts } from '../../../src/core/time';
import { sidebarAct, submitOne } from '../../support/edits';
import { now, runHourly, startAtLocalHour } from '../../support/ops';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, REQUESTOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

test('a preventive order approved before its handed-off creation reaches the log verifies clean', async () => {
  startAtLocalHour(wb, 9);
  const p = localParts(now(wb), wb.model.timeZone);
  const today = isoDate({ year: p.year, month: p.month, day: p.day });
  const schedule = { id: 'PM-1', task: 'Mow the lawn', location: 'Grounds', category: 'Grounds' };
  const row = scheduleRow({ ...schedule, nextDue: today });
  (await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, [row])).executions.forEach(expectOk);
  (await runHourly(wb)).forEach(expectOk);
  const id = wb.register().find((r) => r.order.responseRef.startsWith('Schedule PM-1'))!.order.id;
  await sidebarAct(wb, {
    action: 'approveAssign',
    id,
    revision: wb.order(id).revision,
    category: 'Grounds',
    priority: 'P4 Scheduled',
    assignee: TECH,
  });
  // The owner's next execution in the document appends the hand-off, below the approval.
  await submitOne(wb);
  const rows = wb.changeLog().filter((r) => r[3] === id);
  expect(String(rows[0]?.[4])).toContain('Status: Submitted → Approved');
  expect(String(rows[rows.length - 1]?.[4])).toContain('Created');

  const verdict = await verify();
  expect(verdict.message).toMatch(/^Audit log OK/);
  expect(verdict.asked).toBe(false);
  expect(wb.order(id)).toMatchObject({ status: 'Assigned', assignee: TECH });
}, 120_000);

test('a form response the trigger missed, taken in by the hourly job, is not reported before its log rows land', async () => {
  // A respondent submits while no form-submit trigger runs; the hourly job takes the response in.
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: REQUESTOR,
    answers: wb.answers({ description: 'Broken window in the annex' }),
  });
  (await runHourly(wb)).forEach(expectOk);
  const id = wb.register().find((r) => r.order.description === 'Broken window in the annex')!.order.id;
  expect(wb.changeLog().some((r) => r[3] === id)).toBe(false);
  expect((await verify()).message).toMatch(/^Audit log OK/);
  await sidebarAct(wb, {
    action: 'approveAssign',
    id,
    revision: wb.order(id).revision,
    category: 'Electrical',
    priority: 'P3 Routine',
    assignee: TECH,
  });
  await submitOne(wb);
  expect(wb.changeLog().some((r) => r[3] === id && String(r[4]).includes('Created'))).toBe(true);
  const verdict = await verify();
  expect(verdict.message).toMatch(/^Audit log OK/);
  expect(verdict.asked).toBe(false);
}, 120_000);

async function verify(): Promise<{ message: string; asked: boolean }> {
  let asked = false;
  wb.rt.world.ui.responder = (q) => {
    if (q.buttons === 'YES_NO') asked = true;
    return { button: q.buttons === 'YES_NO' ? 'NO' : 'OK', text: '' };
  };
  const verdict = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { message: string };
  return { message: verdict.message, asked };
}
