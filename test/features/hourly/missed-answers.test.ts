/**
 * Answers to the add-on's own forms that no form-submit execution recorded (the trigger failed, timed
 * out on the lock, or was killed), through dist/Code.js: the hourly job never takes one in as a
 * request; it checks each against Google Forms and owes the genuine ones to their handler, which the
 * owner's next execution in the document runs (here an edit): applied once, with its log row and
 * emails. A row typed into either tab is never applied, and is settled (not read again every hour).
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { SHEET_NAMES } from '../../../src/core/model';
import {
  STEP_CHOICES,
  UPDATE_RESPONSES_SHEET,
  updateQuestion,
} from '../../../src/shared/my-work-update-form';
import type { MyWorkStep } from '../../../src/shared/my-work-types';
import { verifyLog } from '../../support/audit';
import { REGISTER, assignedOrder, rowOf, submitOne } from '../../support/edits';
import { DAY, emailsAbout, ownerState, rowsOf, runHourly } from '../../support/ops';
import { documentProperties } from '../review/fixtures';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
let held: string;
let witness: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  witness = await assignedOrder(wb, TECH);
  held = await assignedOrder(wb, TECH);
  expectOk(
    await wb.call(TECH, 'myWorkAct', { action: 'start', id: held, revision: wb.order(held).revision }),
  );
}, 60_000);
afterAll(() => wb.close());

function formId(title: string): string {
  const form = wb.rt.world.forms.all().find((f) => f.title === title);
  if (!form) throw new Error(`no form "${title}"`);
  return form.id;
}

/** A technician answers the update form while no form-submit trigger runs. */
function updateUnnoticed(respondent: string, order: string, step: MyWorkStep, reason = '') {
  const answers: Record<string, string> = {
    [updateQuestion('order').title]: order,
    [updateQuestion('step').title]: STEP_CHOICES[step],
  };
  if (reason) answers[updateQuestion('reason').title] = reason;
  return wb.rt.world.forms.submit(formId('Work order update'), { respondentEmail: respondent, answers });
}

/** A requestor answers the reply form while no form-submit trigger runs. */
function replyUnnoticed(id: string, answer: string, respondent = REQUESTOR) {
  const form = documentProperties(wb)['wo.replyForm.id'];
  if (!form) throw new Error('no reply form');
  return wb.rt.world.forms.submit(form, {
    respondentEmail: respondent,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
  });
}

/** The owner's next execution in the document: a technician's note on another order. */
async function anEdit(): Promise<void> {
  const outcome = await wb.edit(TECH, REGISTER, rowOf(wb, witness), wb.registerColumn('Progress Notes'), [
    [`Checked ${wb.rt.world.clock.now().toISOString()}`],
  ]);
  outcome.executions.forEach(expectOk);
}

const heldLogged = (id: string) =>
  wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Status' && e.newValue === 'On Hold');

test('an update-form answer no trigger recorded is applied once by the next execution, not taken in as a request', async () => {
  const orders = wb.register().length;
  const mails = [REQUESTOR, SUPERVISOR].map((to) => emailsAbout(wb, to, held));
  updateUnnoticed(TECH, held, 'hold', 'Waiting for a part');
  expectOk((await runHourly(wb))[0]!);
  expect(wb.register()).toHaveLength(orders);
  await anEdit();
  expect(wb.order(held).status).toBe('On Hold');
  expect(heldLogged(held).map((e) => [e.user, e.source])).toEqual([[TECH, 'form']]);
  expect([REQUESTOR, SUPERVISOR].map((to) => emailsAbout(wb, to, held) - mails.shift()!)).toEqual([1, 1]);
  // Nothing left owed, nothing applied twice by the next runs.
  expectOk((await runHourly(wb))[0]!);
  await anEdit();
  expect(heldLogged(held)).toHaveLength(1);
  expect(ownerState(wb, 'answersOwed')).toBeNull();
  expect(verifyLog(wb)).toMatchObject({ ok: true });
});

test("a requestor's reply no trigger recorded goes on the record once", async () => {
  const id = await submitOne(wb, { description: 'Door sticks' });
  replyUnnoticed(id, 'The back door, by the bins');
  expectOk((await runHourly(wb))[0]!);
  await anEdit();
  expect(wb.order(id).notes).toContain('Requestor: The back door, by the bins');
  const logged = () =>
    wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Requestor Reply');
  expect(logged()).toHaveLength(1);
  expectOk((await runHourly(wb))[0]!);
  await anEdit();
  expect(logged()).toHaveLength(1);
});

test('rows typed into either tab, or a copy of an answer, are never applied, and are settled', async () => {
  const id = await submitOne(wb, { description: 'Tap drips' });
  const other = await assignedOrder(wb, TECH2);
  expectOk(
    await wb.call(TECH2, 'myWorkAct', { action: 'start', id: other, revision: wb.order(other).revision }),
  );
  // TECH2's own answer, applied by its trigger; TECH then copies its row lower in the tab.
  const genuine = await wb.rt.submitForm(formId('Work order update'), {
    respondentEmail: TECH2,
    answers: {
      [updateQuestion('order').title]: other,
      [updateQuestion('step').title]: STEP_CHOICES.hold,
      [updateQuestion('reason').title]: 'Parts',
    },
  });
  genuine.executions.forEach(expectOk);
  expectOk(
    await wb.call(TECH2, 'myWorkAct', { action: 'resume', id: other, revision: wb.order(other).revision }),
  );
  const updates = wb.sheet(UPDATE_RESPONSES_SHEET);
  const rowOfTab = (tab: typeof updates, row: number) => tab.readValues(row, 1, 1, tab.lastColumn())[0]!;
  const copied = rowOfTab(updates, genuine.response.row!);
  const replies = wb.sheet(SHEET_NAMES.requestorReplies);
  const header = rowOfTab(replies, 1).map(String);
  const typedReply = header.map((h) =>
    h === 'Timestamp'
      ? new Date(wb.rt.world.clock.now().getTime() - 60_000)
      : h === 'Email Address'
        ? REQUESTOR
        : h === REPLY_QUESTIONS.requestId.title
          ? id
          : h === REPLY_QUESTIONS.answer.title
            ? 'Forged words'
            : '',
  );
  const typedUpdate = rowOfTab(updates, 1).map((h) =>
    h === 'Timestamp'
      ? new Date(wb.rt.world.clock.now().getTime() - 60_000)
      : h === 'Email Address'
        ? TECH2
        : h === updateQuestion('order').title
          ? other
          : h === updateQuestion('step').title
            ? STEP_CHOICES.hold
            : '',
  );
  const copyRow = updates.lastRow() + 1;
  updates.writeValues(copyRow, 1, [copied]);
  updates.writeValues(copyRow + 1, 1, [typedUpdate]);
  const replyRow = replies.lastRow() + 1;
  replies.writeValues(replyRow, 1, [typedReply]);
  const first = await runHourly(wb);
  expectOk(first[0]!);
  expect(first[0]!.value).toMatchObject({ reconciliation: { notFromForm: 3, answersOwed: 0 } });
  await anEdit();
  expect(wb.order(other).status).toBe('In Progress');
  expect(wb.order(id).notes).not.toContain('Forged words');
  const ledger = JSON.parse(ownerState(wb, 'intakeLedger') ?? '{}') as Record<string, { upTo: number }>;
  expect(ledger[UPDATE_RESPONSES_SHEET]!.upTo).toBe(copyRow + 1);
  expect(ledger[SHEET_NAMES.requestorReplies]!.upTo).toBe(replyRow);
  expect((await runHourly(wb))[0]!.value).toMatchObject({ reconciliation: { notFromForm: 0 } });
});

test('an answer the ledger lost track of, more than a day old, is not applied again but named to the administrators', async () => {
  // A hold applied by its trigger long ago, then the intake ledger deleted (the owner's properties cleared).
  const answered = await wb.rt.submitForm(formId('Work order update'), {
    respondentEmail: TECH,
    answers: {
      [updateQuestion('order').title]: held,
      [updateQuestion('step').title]: STEP_CHOICES.resume,
    },
  });
  answered.executions.forEach(expectOk);
  expect(wb.order(held).status).toBe('In Progress');
  expectOk(
    await wb.call(TECH, 'myWorkAct', {
      action: 'hold',
      id: held,
      revision: wb.order(held).revision,
      reason: 'Parts',
    }),
  );
  wb.rt.world.properties.user(ADMIN).delete(`wo.${wb.ssId}.intakeLedger`);
  const run = expectOk((await runHourly(wb, 2 * DAY))[0]!);
  expect(run.value).toMatchObject({ reconciliation: { answersOwed: 0 } });
  await anEdit();
  expect(wb.order(held).status).toBe('On Hold');
  const named = rowsOf(wb, SHEET_NAMES.errors).map((r) => String(r.Message));
  expect(named.some((m) => m.includes(`${UPDATE_RESPONSES_SHEET}!A${answered.response.row!}`))).toBe(true);
  expectOk((await runHourly(wb))[0]!);
  expect(ownerState(wb, 'answersOwed')).toBeNull();
});
