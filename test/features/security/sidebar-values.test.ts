/**
 * Values a supervisor's sidebar sends that its controls let through but no plan means, through
 * dist/Code.js: the date picker takes any year (0001, 9999) and any day already gone. A new due date
 * in the past or decades away is refused in words that say what to choose, and nothing is written or
 * emailed; a real new due date still goes through. Text made only of invisible characters (direction
 * overrides, zero-width spaces, controls) passes a trim, so it is refused as missing wherever text is
 * required, and a requestor's reply of nothing visible is not put on the record.
 */
import {
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { act, find, itemIn, submitRequests, target, viewFor } from '../review/helpers';
import { documentProperties, writesSnapshot } from '../review/fixtures';
import { assignedOrders } from '../my-work/helpers';
import type { ReviewItem } from '../../../src/shared/review';

let wb: TestWorkbook;
let id: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  [id] = (await assignedOrders(wb, [TECH])) as [string];
});
afterAll(() => wb.close());

async function current(): Promise<ReviewItem> {
  const { reply } = await find(wb, SUPERVISOR, id);
  if (!reply.ok) throw new Error(reply.message);
  return reply.item;
}

const redate = (item: ReviewItem, due: string) => ({
  action: 'redate',
  id: item.id,
  revision: item.revision,
  due,
  reason: 'Parts arrive later',
});

test.each([
  [
    'a day already gone',
    '2020-03-06T23:59:59-05:00',
    '2020-03-06 has already passed: choose a due date from today on.',
  ],
  ['year 1', '0001-01-01T23:59:59Z', '0001-01-01 has already passed: choose a due date from today on.'],
  [
    'year 9999',
    '9999-12-31T23:59:59-05:00',
    '9999-12-31 is more than 10 years away: choose a nearer due date.',
  ],
])('a new due date in %s is refused and changes nothing', async (_name, due, message) => {
  const item = await current();
  const before = writesSnapshot(wb);
  const { reply, record } = await act(wb, SUPERVISOR, redate(item, due));
  expect(reply).toEqual({ ok: false, message });
  expect(writesSnapshot(wb)).toBe(before);
  expect(record.stats.emailsSent).toBe(0);
});

test('negative control: a due date next week is taken, logged and told', async () => {
  const item = await current();
  const nextWeek = new Date(wb.rt.world.clock.now().getTime() + 7 * 24 * 3600_000).toISOString();
  const { reply } = await act(wb, SUPERVISOR, redate(item, nextWeek));
  expect(reply.ok).toBe(true);
  expect(wb.order(id).due?.toISOString()).toBe(nextWeek);
});

describe('text of invisible characters only', () => {
  // Right-to-left override, zero-width space, NUL: trimming keeps them, a reader sees nothing.
  const INVISIBLE = '\u202E\u200B\u0000\u2066';

  test.each([
    [
      'a rejection reason',
      (item: ReviewItem) => ({ action: 'reject', ...target(item), reason: INVISIBLE }),
      'A reason is required.',
    ],
    [
      'a question',
      (item: ReviewItem) => ({ action: 'clarify', ...target(item), question: INVISIBLE }),
      'The question is required.',
    ],
  ])('as %s is refused as missing; nothing is written or emailed', async (_name, request, message) => {
    const [requestId] = await submitRequests(wb, [{ description: 'Invisible ink' }]);
    const item = itemIn(await viewFor(wb, SUPERVISOR), requestId!);
    const before = writesSnapshot(wb);
    const { reply, record } = await act(wb, SUPERVISOR, request(item));
    expect(reply).toEqual({ ok: false, message });
    expect(writesSnapshot(wb)).toBe(before);
    expect(record.stats.emailsSent).toBe(0);
  });

  test('in My work, as a hold reason or a part’s name, is refused as missing', async () => {
    const before = writesSnapshot(wb);
    const order = wb.order(id);
    const hold = expectOk(
      await wb.call(TECH, 'myWorkAct', { action: 'hold', id, revision: order.revision, reason: INVISIBLE }),
    ).value;
    expect(hold).toEqual({ ok: false, message: 'A reason for the hold is required.' });
    const part = expectOk(
      await wb.call(TECH, 'myWorkRecord', { kind: 'part', id, part: INVISIBLE, quantity: 1, unitCost: 2 }),
    ).value;
    expect(part).toEqual({ ok: false, message: 'Name the part used.' });
    expect(writesSnapshot(wb)).toBe(before);
  });

  test('as a requestor’s reply, is not put on the record', async () => {
    const [requestId] = await submitRequests(wb, [{ description: 'Blank reply' }]);
    const item = itemIn(await viewFor(wb, SUPERVISOR), requestId!);
    expect(
      (await act(wb, SUPERVISOR, { action: 'clarify', ...target(item), question: 'Where?' })).reply.ok,
    ).toBe(true);
    const before = wb.order(requestId!);
    const formId = documentProperties(wb)['wo.replyForm.id']!;
    const sent = await wb.rt.submitForm(formId, {
      respondentEmail: REQUESTOR,
      answers: { [REPLY_QUESTIONS.requestId.title]: requestId!, [REPLY_QUESTIONS.answer.title]: INVISIBLE },
    });
    sent.executions.forEach(expectOk);
    expect(wb.order(requestId!)).toEqual(before);
  });

  test('negative control: right-to-left text with its direction marks is text, and is taken', async () => {
    const [requestId] = await submitRequests(wb, [{ description: 'Hebrew reason' }]);
    const item = itemIn(await viewFor(wb, SUPERVISOR), requestId!);
    const reason = '\u200Fכפילות\u200F';
    const { reply } = await act(wb, SUPERVISOR, { action: 'reject', ...target(item), reason });
    expect(reply.ok).toBe(true);
    expect(wb.order(requestId!).reason).toBe(reason);
  });
});
