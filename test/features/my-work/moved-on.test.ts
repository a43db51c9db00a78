/**
 * A technician's step on an order a supervisor moved on while their My work was open (or before their
 * update form answer arrived), through dist/Code.js: reassigned to someone else, or cancelled. The
 * refusal says what happened and whom to tell, not "Reload, then try again" (the card is gone after a
 * reload); nothing is written; the update form's refusal email repeats what they typed.
 */
import { RECORD_ONLY_CHOICE, STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import type { MyWorkStep } from '../../../src/shared/my-work-types';
import { SUPERVISOR, TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act as reviewAct, find, mailLog } from '../review/helpers';
import { writesSnapshot } from '../review/fixtures';
import { assignedOrders, cardIn, myView, step, targetOf } from './helpers';
import { ELECTRICAL_CHECKLIST, record, typeChecklists } from '../checklists/helpers';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

/** A supervisor's step from Review & assign on the order as it is now. */
async function supervisor(id: string, action: 'reassign' | 'cancel', more: Record<string, string>) {
  const found = await find(wb, SUPERVISOR, wb.order(id).woNumber);
  if (!found.reply.ok) throw new Error(found.reply.message);
  const { item } = found.reply;
  const { reply } = await reviewAct(wb, SUPERVISOR, {
    action,
    id,
    revision: item.revision,
    rowHint: item.rowHint,
    ...more,
  });
  if (!reply.ok) throw new Error(reply.message);
}

async function answer(order: string, choice: MyWorkStep, more: Record<string, string>) {
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
  const answers: Record<string, string> = {
    [updateQuestion('order').title]: order,
    [updateQuestion('step').title]: STEP_CHOICES[choice],
  };
  for (const [key, value] of Object.entries(more)) answers[updateQuestion(key as 'note').title] = value;
  (await wb.rt.submitForm(form.id, { respondentEmail: TECH, answers })).executions.forEach(expectOk);
}

test('a card reassigned or cancelled while My work was open: the refusal says so and whom to tell', async () => {
  const [mine, cancelled] = await assignedOrders(wb, [TECH, TECH]);
  const view = await myView(wb, TECH);
  const reassignedCard = cardIn(view, mine!);
  const cancelledCard = cardIn(view, cancelled!);
  await supervisor(mine!, 'reassign', { assignee: TECH2 });
  await supervisor(cancelled!, 'cancel', { reason: 'Duplicate request' });
  const before = writesSnapshot(wb);

  for (const request of [{ action: 'start' }, { action: 'note', note: 'Checked the wiring' }]) {
    const { reply } = await step(wb, TECH, { ...request, ...targetOf(reassignedCard) });
    expect(reply).toEqual({
      ok: false,
      message: `${wb.order(mine!).woNumber} was reassigned to Theo Tech since you opened My work: it is no longer yours, and nothing was changed. Reload to see your current work; if you did work on it, tell Theo Tech or a supervisor.`,
    });
    const cancelledReply = (await step(wb, TECH, { ...request, ...targetOf(cancelledCard) })).reply;
    expect(cancelledReply).toEqual({
      ok: false,
      message: `${wb.order(cancelled!).woNumber} was Cancelled (reason: Duplicate request) since you opened My work: no more work is wanted on it, and nothing was changed. Reload to see your current work; if you did work on it, tell a supervisor.`,
    });
  }
  expect(writesSnapshot(wb)).toBe(before);
});

test('a card that only changed status still says to reload and try again', async () => {
  const [id] = await assignedOrders(wb, [TECH]);
  const card = cardIn(await myView(wb, TECH), id!);
  expect((await step(wb, TECH, { action: 'start', ...targetOf(card) })).reply.ok).toBe(true);
  const { reply } = await step(wb, TECH, { action: 'start', ...targetOf(card) });
  expect(!reply.ok && reply.message).toMatch(
    /changed since you opened My work: it is now In Progress.*try again/,
  );
});

test('an update form answer about an order given to someone else: the email says so and repeats what was typed', async () => {
  const [id] = await assignedOrders(wb, [TECH]);
  await supervisor(id!, 'reassign', { assignee: TECH2 });
  const woNumber = wb.order(id!).woNumber;
  const mailBefore = mailLog(wb).length;
  await answer(woNumber, 'start', { note: 'Isolated the circuit at the board' });
  const [reply, ...more] = mailLog(wb).slice(mailBefore);
  expect(more).toEqual([]);
  expect(reply?.to).toEqual([TECH]);
  expect(reply?.body).toContain(
    `was not applied: ${woNumber} is assigned to Theo Tech, not to you, and nothing was changed. My work in the spreadsheet lists your current work; if you did work on it, tell Theo Tech or a supervisor.`,
  );
  expect(reply?.body).not.toMatch(/send the form again/);
  expect(reply?.body).toContain('Progress note: Isolated the circuit at the board');
  expect(wb.order(id!)).toMatchObject({ status: 'Assigned', assignee: TECH2, notes: '' });
});

test('a refused completion from the form repeats the results typed, to send again once corrected', async () => {
  const [id] = await assignedOrders(wb, [TECH]);
  await answer(id!, 'start', {});
  const mailBefore = mailLog(wb).length;
  await answer(id!, 'complete', { results: 'The lights work again\nall six of them' });
  const reply = mailLog(wb)
    .slice(mailBefore)
    .find((m) => m.to.includes(TECH));
  expect(reply?.body).toMatch(/not applied: Actions taken is required\./);
  expect(reply?.body).toContain('Correct it and send the form again');
  expect(reply?.body).toContain('Results: The lights work again\nall six of them');
  expect(wb.order(id!).status).toBe('In Progress');
});

test('hours sent from the form for an order cancelled meanwhile: told it was cancelled, not that it is someone else’s', async () => {
  const [id] = await assignedOrders(wb, [TECH]);
  await supervisor(id!, 'cancel', { reason: 'Done by the landlord' });
  const woNumber = wb.order(id!).woNumber;
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
  const mailBefore = mailLog(wb).length;
  const submitted = await wb.rt.submitForm(form.id, {
    respondentEmail: TECH,
    answers: {
      [updateQuestion('order').title]: woNumber,
      [updateQuestion('step').title]: RECORD_ONLY_CHOICE,
      [updateQuestion('hours').title]: '1.5',
    },
  });
  submitted.executions.forEach(expectOk);
  const reply = mailLog(wb)
    .slice(mailBefore)
    .find((m) => m.to.includes(TECH));
  expect(reply?.body).toContain(
    `was not applied: ${woNumber} is Cancelled (reason: Done by the landlord): no more work is wanted on it`,
  );
  expect(reply?.body).toContain('Hours worked today: 1.5');
});

test('time, a part or a tick on a card reassigned or cancelled meanwhile: told how it is now and whom to tell, nothing recorded', async () => {
  await typeChecklists(wb, ELECTRICAL_CHECKLIST);
  const [mine, cancelled] = await assignedOrders(wb, [TECH, TECH]);
  await supervisor(mine!, 'reassign', { assignee: TECH2 });
  await supervisor(cancelled!, 'cancel', { reason: 'Duplicate request' });
  const before = writesSnapshot(wb);
  const today = new Date(wb.rt.world.clock.now()).toISOString().slice(0, 10);
  for (const request of [
    { kind: 'time', date: today, hours: 1.5, note: 'Traced the fault' },
    { kind: 'part', part: 'Cable gland', quantity: 2, unitCost: 3.2 },
    { kind: 'tick', number: 1, item: 'Isolate the circuit', done: true },
  ]) {
    expect(await record(wb, TECH, { ...request, id: mine })).toEqual({
      ok: false,
      message: `${wb.order(mine!).woNumber} is assigned to Theo Tech, not to you, and nothing was changed. Reload to see your current work; if you did work on it, tell Theo Tech or a supervisor.`,
    });
    expect(await record(wb, TECH, { ...request, id: cancelled })).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        / is Cancelled \(reason: Duplicate request\): no more work is wanted on it/,
      ),
    });
  }
  expect(writesSnapshot(wb)).toBe(before);
});

test('a card asking for its checklist after it was reassigned or cancelled: told how it is now and whom to tell', async () => {
  const [mine, cancelled] = await assignedOrders(wb, [TECH, TECH]);
  await supervisor(mine!, 'reassign', { assignee: TECH2 });
  await supervisor(cancelled!, 'cancel', { reason: 'Duplicate request' });
  expect(await record(wb, TECH, { kind: 'view', id: mine })).toEqual({
    ok: false,
    message: `${wb.order(mine!).woNumber} is assigned to Theo Tech, not to you, so My work does not show its checklist, time and parts. Reload to see your current work; if you did work on it, tell Theo Tech or a supervisor.`,
  });
  expect(await record(wb, TECH, { kind: 'view', id: cancelled })).toEqual({
    ok: false,
    message: `${wb.order(cancelled!).woNumber} is Cancelled (reason: Duplicate request): no more work is wanted on it, so My work does not show its checklist, time and parts. Reload to see your current work; if you did work on it, tell a supervisor.`,
  });
  // The new assignee still sees it.
  expect(await record(wb, TECH2, { kind: 'view', id: mine })).toMatchObject({ ok: true });
});
