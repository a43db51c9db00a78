/**
 * Values a supervisor's sidebar sends that its controls let through but no plan means, through
 * dist/Code.js: the date picker takes any year (0001, 9999) and any day already gone. A new due date
 * in the past or decades away is refused in words that say what to choose, and nothing is written or
 * emailed; a real new due date still goes through.
 */
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, find } from '../review/helpers';
import { writesSnapshot } from '../review/fixtures';
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
