/**
 * A reply that cannot be added is answered by email, as the update form answers a refused update: the
 * requestor would otherwise believe they answered while the card keeps waiting. The email goes to the
 * address Google verified for the response and nowhere else, says why and what to do, and tells a
 * stranger nothing about which requests exist.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { closedOrder } from '../../support/edits';
import { DAY, advance, setSetting } from '../../support/ops';
import {
  ADMIN,
  REQUESTOR,
  STRANGER,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from './helpers';
import { documentProperties } from './fixtures';

let wb: TestWorkbook;
let ids: string[];
beforeAll(async () => {
  wb = await setUpWorkbook();
  ids = await submitRequests(wb, [
    { description: 'Radiator in room 12 is cold' },
    { description: 'Paint the fence' },
  ]);
  // Asking makes the reply form.
  const item = itemIn(await viewFor(wb, SUPERVISOR), ids[0]!);
  expect(
    (await act(wb, SUPERVISOR, { action: 'clarify', ...target(item), question: 'Which radiator?' })).reply.ok,
  ).toBe(true);
});
afterAll(() => wb.close());

async function reply(id: string, answer: string, from = REQUESTOR) {
  const formId = documentProperties(wb)['wo.replyForm.id']!;
  const outcome = await wb.rt.submitForm(formId, {
    respondentEmail: from,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
  });
  outcome.executions.forEach(expectOk);
}

/** What `address` is sent while `step` runs. */
async function mailDuring(address: string, step: () => Promise<void>) {
  const before = wb.rt.world.mail.receivedBy(address).length;
  await step();
  return wb.rt.world.mail.receivedBy(address).slice(before);
}

test('a mistyped reference: the requestor is told it was not added, which reference they typed and what to do', async () => {
  const notes = wb.order(ids[0]!).notes;
  const told = await mailDuring(REQUESTOR, () => reply('REQ-00001', 'The one by the window'));
  expect(told).toHaveLength(1);
  expect(told[0]!.subject).toBe('[REQ-00001] Your reply was not added');
  expect(told[0]!.body).toContain(
    'Your reply about REQ-00001 was not added: no open request REQ-00001 of yours was found.',
  );
  expect(told[0]!.body).toContain('Check the request id in the email that asked you');
  expect(told[0]!.body).toContain('Nothing was changed.');
  expect(wb.order(ids[0]!).notes).toBe(notes);
});

test('a request rejected meanwhile: its requestor is told it is Rejected and to submit a new request', async () => {
  const item = itemIn(await viewFor(wb, SUPERVISOR), ids[1]!);
  expect(
    (await act(wb, SUPERVISOR, { action: 'reject', ...target(item), reason: 'Not our fence' })).reply.ok,
  ).toBe(true);
  const told = await mailDuring(REQUESTOR, () => reply(ids[1]!, 'It is our fence, on the school side'));
  expect(told).toHaveLength(1);
  expect(told[0]!.body).toContain(`${ids[1]!} is Rejected, so nothing more can be added to it.`);
  expect(told[0]!.body).toContain('If the work is still needed, submit a new request.');
  expect(wb.order(ids[1]!).notes).not.toContain('school side');
});

test("someone else's reply: only they are told, in the words an unknown reference gets", async () => {
  const toRequestor = wb.rt.world.mail.receivedBy(REQUESTOR).length;
  const told = await mailDuring(STRANGER, () => reply(ids[0]!, 'Ignore this request', STRANGER));
  expect(told).toHaveLength(1);
  expect(told[0]!.body).toContain(`no open request ${ids[0]!} of yours was found.`);
  expect(told[0]!.body).not.toContain('Radiator');
  expect(wb.rt.world.mail.receivedBy(REQUESTOR)).toHaveLength(toRequestor);
  expect(wb.order(ids[0]!).notes).not.toContain('Ignore this');
});

test('an added reply sends no refusal', async () => {
  const told = await mailDuring(REQUESTOR, () => reply(ids[0]!, 'The one by the window'));
  expect(told).toHaveLength(0);
  expect(wb.order(ids[0]!).notes).toContain('Requestor: The one by the window');
});

test('a reply to a request closed and archived since: the requestor is told to submit a new request if the work is still needed', async () => {
  const closed = await closedOrder(wb, TECH, { description: 'Leaking tap in the kitchen' });
  setSetting(wb, 'retentionDays', 1);
  advance(wb, 3 * DAY);
  const archived = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as { archived: string[] };
  expect(archived.archived).toContain(closed);
  const told = await mailDuring(REQUESTOR, () => reply(closed, 'It is leaking again'));
  expect(told).toHaveLength(1);
  expect(told[0]!.body).toContain(`no open request ${closed} of yours was found.`);
  expect(told[0]!.body).toContain(
    'If that request was finished (closed, cancelled or archived) and the work is still needed, submit a new request.',
  );
});
