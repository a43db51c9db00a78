/**
 * The same sidebar call made twice, through dist/Code.js: a double click, a call google.script.run
 * retried, or two tabs racing. Steps that change an order carry its revision, so the second is
 * refused as stale; "Ask requestor" changes no revision, so it is the open question itself that
 * tells a repeat from a new question: the requestor is emailed once, and nothing is logged twice.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { REQUESTOR, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import type { ReviewItem } from '../../../src/shared/review';
import { act, itemIn, mailLog, submitRequests, target, viewFor } from '../review/helpers';
import { documentProperties, writesSnapshot } from '../review/fixtures';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const askedLog = (id: string) =>
  wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Clarification Requested');
const mailTo = (who: string) => mailLog(wb).filter((m) => m.to.includes(who));

async function freshRequest(description: string): Promise<ReviewItem> {
  const [id] = await submitRequests(wb, [{ description }]);
  return itemIn(await viewFor(wb, SUPERVISOR), id!);
}

const ask = (item: ReviewItem, question: string) => ({ action: 'clarify', ...target(item), question });

test('the same question asked twice is sent once; the second call says so and changes nothing', async () => {
  const item = await freshRequest('Door sticks');
  const first = await act(wb, SUPERVISOR, ask(item, 'Which door?'));
  expect(first.reply.ok).toBe(true);
  const mails = mailTo(REQUESTOR).length;
  const before = writesSnapshot(wb);
  const again = await act(wb, SUPERVISOR, ask(item, '  Which door?  '));
  expect(again.reply).toEqual({
    ok: false,
    message: `The requestor of ${item.id} was already asked exactly this and has not replied yet, so it was not sent again. To remind them, ask again in other words.`,
  });
  expect(writesSnapshot(wb)).toBe(before);
  expect(mailTo(REQUESTOR)).toHaveLength(mails);
  expect(askedLog(item.id)).toHaveLength(1);
});

test('two identical calls racing: one question logged and emailed', async () => {
  const item = await freshRequest('Window will not close');
  const mails = mailTo(REQUESTOR).length;
  const calls = await wb.rt.interleaved(() =>
    Promise.all([1, 2].map(() => wb.call(SUPERVISOR, 'reviewAct', ask(item, 'Which floor?')))),
  );
  const replies = calls.map((c) => expectOk(c).value as { ok: boolean });
  expect(replies.map((r) => r.ok).sort()).toEqual([false, true]);
  expect(askedLog(item.id)).toHaveLength(1);
  expect(mailTo(REQUESTOR).length - mails).toBe(1);
});

test('negative control: a different question, or the same one after a reply, is sent', async () => {
  const item = await freshRequest('Tap drips');
  expect((await act(wb, SUPERVISOR, ask(item, 'Which tap?'))).reply.ok).toBe(true);
  expect((await act(wb, SUPERVISOR, ask(item, 'Hot or cold tap?'))).reply.ok).toBe(true);
  const formId = documentProperties(wb)['wo.replyForm.id']!;
  const replied = await wb.rt.submitForm(formId, {
    respondentEmail: REQUESTOR,
    answers: { [REPLY_QUESTIONS.requestId.title]: item.id, [REPLY_QUESTIONS.answer.title]: 'The cold one' },
  });
  replied.executions.forEach(expectOk);
  const fresh = itemIn(await viewFor(wb, SUPERVISOR), item.id);
  expect((await act(wb, SUPERVISOR, ask(fresh, 'Hot or cold tap?'))).reply.ok).toBe(true);
  expect(askedLog(item.id).map((e) => e.newValue)).toEqual([
    'Which tap?',
    'Hot or cold tap?',
    'Hot or cold tap?',
  ]);
});
