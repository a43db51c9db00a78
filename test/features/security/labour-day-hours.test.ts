/**
 * Hours are capped at 24 per entry, but nothing capped a day: a technician could record 24 h on one
 * date ten times over, on one order or across theirs, and Report: Cost would price 240 hours of their
 * labour for that day. Through dist/Code.js: a person's hours on one date, across every order, are at
 * most 24; the entry that would pass them is refused with how many hours are left for that day, and
 * nothing is written or logged. Another technician's hours and another day are their own.
 */
import { TIME_SHEET } from '../../../src/core/labour';
import { TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrders } from '../my-work/helpers';
import { writesSnapshot } from '../review/fixtures';

let wb: TestWorkbook;
let first: string;
let second: string;
let theirs: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  [first = '', second = '', theirs = ''] = await assignedOrders(wb, [TECH, TECH, TECH2]);
}, 60_000);
afterAll(() => wb.close());

type Reply = { ok: boolean; message: string };
async function time(user: string, id: string, date: string, hours: number): Promise<Reply> {
  return expectOk(await wb.call(user, 'myWorkRecord', { kind: 'time', id, date, hours })).value as Reply;
}

// Days already gone whatever the spreadsheet's zone.
const day = (daysAgo: number): string =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

test('a second entry that takes one day past 24 hours is refused, on the same order or another, with nothing written', async () => {
  expect(await time(TECH, first, day(3), 16)).toMatchObject({ ok: true });
  expect(await time(TECH, second, day(3), 8)).toMatchObject({ ok: true });
  const before = writesSnapshot(wb);
  const rows = wb.values(TIME_SHEET).length;
  for (const id of [first, second]) {
    const reply = await time(TECH, id, day(3), 0.5);
    expect(reply.ok).toBe(false);
    expect(reply.message).toMatch(
      new RegExp(`already recorded 24 h on ${day(3)}.*a day has 24 hours, so no more can be recorded for it`),
    );
  }
  expect(wb.values(TIME_SHEET).length).toBe(rows);
  expect(writesSnapshot(wb)).toBe(before);
}, 60_000);

test('what is left of the day is said, and taken', async () => {
  expect(await time(TECH, first, day(4), 20)).toMatchObject({ ok: true });
  const over = await time(TECH, second, day(4), 5);
  expect(over).toEqual({
    ok: false,
    message: `You have already recorded 20 h on ${day(4)}: a day has 24 hours, so at most 4 h more can be recorded for it.`,
  });
  expect(await time(TECH, second, day(4), 4)).toMatchObject({ ok: true });
}, 60_000);

test("negative control: another technician's hours on that day, and another day, are their own", async () => {
  expect(await time(TECH2, theirs, day(3), 10)).toMatchObject({ ok: true });
  expect(await time(TECH, first, day(5), 24)).toMatchObject({ ok: true });
}, 60_000);
