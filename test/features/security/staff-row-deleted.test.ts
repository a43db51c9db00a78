/**
 * Removing someone from Staff the usual way, by deleting their row, while their sidebar is open,
 * through dist/Code.js. Deleting a row fires no edit trigger (Sheets sends it to change triggers
 * only), so the remembered Staff still lists them: before any change, the sidebars and the update
 * form check the caller on the Staff tab itself, refuse the removed person in plain words and write
 * nothing, and the remembered Staff is dropped so everyone else's next call sees the removal too.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import {
  ADMIN,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, itemIn, mailLog, submitRequests, target, viewFor } from '../review/helpers';
import { writesSnapshot } from '../review/fixtures';
import { assignedOrders, cardIn, myView, step, targetOf } from '../my-work/helpers';
import { HOUR, advance } from '../../support/ops';
import { REGISTER, rowOf } from '../../support/edits';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
});
afterEach(() => wb.close());

/** An administrator selects the person's row on the Staff tab and deletes it. */
async function deleteStaffRow(email: string): Promise<void> {
  const values = wb.values(SHEET_NAMES.staff);
  const at = values.findIndex((r) => String(r[0]).toLowerCase() === email);
  if (at < 1) throw new Error(`${email} is not on the Staff tab`);
  wb.sheet(SHEET_NAMES.staff).deleteRows(at + 1, 1);
  (await wb.rt.changeSpreadsheet(wb.ssId, ADMIN, 'REMOVE_ROW')).forEach(expectOk);
}

test('a supervisor whose row was deleted can no longer approve, nor assign to a deleted technician', async () => {
  const [id] = await submitRequests(wb, [{ description: 'Leaking tap' }]);
  const item = itemIn(await viewFor(wb, SUPERVISOR), id!);
  await deleteStaffRow(SUPERVISOR);
  const before = writesSnapshot(wb);
  const { reply, record } = await act(wb, SUPERVISOR, {
    action: 'approve',
    ...target(item),
    category: 'IT',
    priority: 'P3 Routine',
  });
  expect(reply).toEqual({
    ok: false,
    message: `${SUPERVISOR} is not active staff on the Staff tab: only supervisors can review and assign work orders. If you should, ask an administrator to make you an active Supervisor on the Staff tab.`,
  });
  expect(writesSnapshot(wb)).toBe(before);
  expect(record.stats.emailsSent).toBe(0);
  // The administrator's next assignment already knows the technician whose row went too.
  await deleteStaffRow(TECH2);
  const assign = await act(wb, ADMIN, {
    action: 'approveAssign',
    ...target(itemIn(await viewFor(wb, ADMIN), id!)),
    category: 'IT',
    priority: 'P3 Routine',
    assignee: TECH2,
  });
  expect(assign.reply).toEqual({
    ok: false,
    // The technicians who can be given it instead, and who can add one.
    message: `Assignee "${TECH2}" is not an active technician on the Staff tab: choose ${TECH}; an administrator can make someone an active Technician on the Staff tab.`,
  });
  expect(writesSnapshot(wb)).toBe(before);
});

test('a technician whose row was deleted can no longer step, record or answer the update form', async () => {
  const [id] = await assignedOrders(wb, [TECH]);
  const card = cardIn(await myView(wb, TECH), id!);
  await deleteStaffRow(TECH);
  const before = writesSnapshot(wb);
  const started = await step(wb, TECH, { action: 'start', ...targetOf(card) });
  expect(started.reply).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^tina\.tech@example\.com is not active staff on the Staff tab/),
  });
  const recorded = expectOk(
    await wb.call(TECH, 'myWorkRecord', { kind: 'part', id, part: 'Washer', quantity: 1, unitCost: 2 }),
  ).value;
  expect(recorded).toMatchObject({ ok: false, message: expect.stringMatching(/is not active staff/) });
  expect(writesSnapshot(wb)).toBe(before);

  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
  const mails = mailLog(wb).length;
  const answered = await wb.rt.submitForm(form.id, {
    respondentEmail: TECH,
    answers: {
      [updateQuestion('order').title]: id!,
      [updateQuestion('step').title]: STEP_CHOICES.start,
    },
  });
  answered.executions.forEach(expectOk);
  expect(wb.order(id!).status).toBe('Assigned');
  expect(mailLog(wb).slice(mails)[0]?.body).toMatch(/not active staff on the Staff tab/);
});

test('negative control: deleting someone else’s row leaves the supervisor acting as before', async () => {
  const [id] = await submitRequests(wb, [{ description: 'Broken window' }]);
  const item = itemIn(await viewFor(wb, SUPERVISOR), id!);
  await deleteStaffRow(TECH2);
  const { reply } = await act(wb, SUPERVISOR, {
    action: 'approveAssign',
    ...target(item),
    category: 'IT',
    priority: 'P3 Routine',
    assignee: TECH,
  });
  expect(reply.ok).toBe(true);
  expect(wb.order(id!).assignee).toBe(TECH);
});

test('a technician whose row was deleted can no longer start work by typing, once the remembered Staff is an hour old', async () => {
  const [id] = await assignedOrders(wb, [TECH]);
  await deleteStaffRow(TECH);
  advance(wb, HOUR + 60_000);
  const edit = await wb.edit(TECH, REGISTER, rowOf(wb, id!), wb.registerColumn('Status'), [['In Progress']]);
  edit.executions.forEach(expectOk);
  expect(wb.order(id!).status).toBe('Assigned');
});
