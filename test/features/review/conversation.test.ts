/**
 * The conversation on the record, through dist/Code.js: "Ask requestor" emails a link to the reply
 * form (made by setup, collecting verified addresses) and the card reads "waiting for
 * requestor"; the reply, submitted through the form, is added to the work order's Progress Notes,
 * logged with the question it answers, and the card shows it. Only the order's requestor can add to
 * it, and only while it is open; a requestor may add information without being asked.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import {
  REQUESTOR,
  STRANGER,
  SUPERVISOR,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, itemIn, mailLog, submitRequests, target, viewFor } from './helpers';
import { documentProperties } from './fixtures';

let wb: TestWorkbook;
let ids: string[];
beforeAll(async () => {
  wb = await setUpWorkbook();
  ids = await submitRequests(wb, [
    { description: 'Radiator in room 12 is cold' },
    { description: 'Paint the fence' },
    { description: 'Broken chair' },
  ]);
});
afterAll(() => wb.close());

function replyFormId(): string {
  const id = documentProperties(wb)['wo.replyForm.id'];
  if (!id) throw new Error('no reply form');
  return id;
}

async function reply(id: string, answer: string, from = REQUESTOR) {
  const outcome = await wb.rt.submitForm(replyFormId(), {
    respondentEmail: from,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
  });
  outcome.executions.forEach(expectOk);
  return outcome;
}

const replyLog = (id: string) =>
  wb
    .changeLogEntries()
    .filter((e) => e.recordId === id && e.field.startsWith('Requestor'))
    .map((e) => [e.user, e.field, e.oldValue, e.newValue]);

test('asking sends a reply link; the card reads "waiting for requestor" until the answer is on the record', async () => {
  const item = itemIn(await viewFor(wb, SUPERVISOR), ids[0]!);
  const before = mailLog(wb).length;
  const { reply: asked } = await act(wb, SUPERVISOR, {
    action: 'clarify',
    ...target(item),
    question: 'Which radiator: by the window or by the door?',
  });
  if (!asked.ok) throw new Error(asked.message);
  expect(asked.item.awaitingReply).toBe('Which radiator: by the window or by the door?');
  const [email] = mailLog(wb).slice(before);
  expect(email!.to).toEqual([REQUESTOR]);
  const form = wb.rt.world.forms.require(replyFormId());
  expect(email!.body).toContain(`Reply about your request: ${form.publishedUrl}`);
  expect(email!.body).toContain(ids[0]!);
  expect(email!.body).not.toContain('reply to this email');
  expect(form.collectEmail).toBe(true);
  expect(form.title).toBe('Reply about your work order request');
  expect(itemIn(await viewFor(wb, SUPERVISOR), ids[0]!).awaitingReply).toBe(
    'Which radiator: by the window or by the door?',
  );

  await reply(ids[0]!, 'The one by the window');
  expect(wb.order(ids[0]!).notes).toMatch(/^.+ Requestor: The one by the window$/);
  expect(wb.order(ids[0]!).status).toBe('Submitted');
  expect(replyLog(ids[0]!)).toEqual([
    [REQUESTOR, 'Requestor Reply', 'Which radiator: by the window or by the door?', 'The one by the window'],
  ]);
  // Not taken for a new request.
  expect(wb.register()).toHaveLength(3);
  const card = itemIn(await viewFor(wb, SUPERVISOR), ids[0]!);
  expect(card.awaitingReply).toBe('');
  expect(card.notes).toContain('Requestor: The one by the window');
});

test('a requestor adds information to an open request without being asked; the form is made once', async () => {
  const formBefore = replyFormId();
  // Once the form exists, the approval email carries its link too.
  const before = mailLog(wb).length;
  const approved = await act(wb, SUPERVISOR, {
    action: 'approve',
    ...target(itemIn(await viewFor(wb, SUPERVISOR), ids[1]!)),
    category: 'Grounds',
    priority: 'P4 Scheduled',
  });
  expect(approved.reply.ok).toBe(true);
  const [approval] = mailLog(wb).slice(before);
  expect(approval!.body).toContain('To add information to it, use the reply form below');
  expect(approval!.body).toContain(
    `Reply about your request: ${wb.rt.world.forms.require(formBefore).publishedUrl}`,
  );
  await reply(ids[1]!, 'The fence is the green one behind the car park');
  expect(wb.order(ids[1]!).notes).toContain('Requestor: The fence is the green one behind the car park');
  expect(replyLog(ids[1]!)).toEqual([
    [REQUESTOR, 'Requestor Reply', '', 'The fence is the green one behind the car park'],
  ]);
  const item = itemIn(await viewFor(wb, SUPERVISOR), ids[1]!);
  expect(
    (await act(wb, SUPERVISOR, { action: 'clarify', ...target(item), question: 'Which colour?' })).reply.ok,
  ).toBe(true);
  expect(replyFormId()).toBe(formBefore);
});

test('a reply from someone else, or to a finished request, changes nothing and is logged', async () => {
  const before = wb.order(ids[2]!);
  await reply(ids[2]!, 'Ignore this request', STRANGER);
  expect(wb.order(ids[2]!)).toEqual(before);
  expect(replyLog(ids[2]!)).toEqual([
    [STRANGER, 'Requestor reply not added (not sent by the requestor)', '', 'Ignore this request'],
  ]);
  const item = itemIn(await viewFor(wb, SUPERVISOR), ids[2]!);
  expect(
    (await act(wb, SUPERVISOR, { action: 'reject', ...target(item), reason: 'Duplicate' })).reply.ok,
  ).toBe(true);
  const rejected = wb.order(ids[2]!);
  await reply(ids[2]!, 'But it is still broken');
  expect(wb.order(ids[2]!)).toEqual(rejected);
  expect(replyLog(ids[2]!).at(-1)).toEqual([
    REQUESTOR,
    'Requestor reply not added (the request is Rejected)',
    '',
    'But it is still broken',
  ]);
  await reply('REQ-999999', 'Hello');
  expect(wb.register()).toHaveLength(3);
});
