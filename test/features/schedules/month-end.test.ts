/**
 * A monthly schedule keeps its day of the month through short months, through dist/Code.js: from 31
 * January its orders come due 31 January, 28 February, 31 March, 30 April … (never the 28th for ever
 * after February), with or without a lead time, as the hourly job runs day after day and writes Next
 * Due back; its day is kept when the add-on's own record of it is lost (derived from the last order
 * made), and a Next Due the administrator types moves the schedule onto the typed day.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { isoDate, localParts } from '../../../src/core/time';
import { scheduleRow } from '../../support/schedules';
import { DAY, ownerState, rowsOf, runHourly } from '../../support/ops';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;

beforeAll(async () => {
  // Wednesday 20 January 2027, 10:00 in New York.
  wb = await setUpWorkbook({ startAt: new Date('2027-01-20T15:00:00Z') });
  const monthly = { category: 'HVAC', location: 'Annex', every: '1', unit: 'months' };
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      scheduleRow({ ...monthly, id: 'PM-31', task: 'Change the filters', nextDue: '2027-01-31' }),
      scheduleRow({ ...monthly, id: 'PM-30', task: 'Test the alarms', leadDays: '5', nextDue: '2027-01-30' }),
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

/** Due dates of the schedule's orders, in the order they were made, and whether any was made late. */
function made(id: string): { dues: string[]; late: boolean } {
  const orders = wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith(`Schedule ${id} `));
  return {
    dues: orders.map((o) => o.responseRef.split(' ')[2] ?? ''),
    late: orders.some((o) => o.reviewFlag !== ''),
  };
}

function nextDue(id: string): string {
  const row = rowsOf(wb, SCHEDULES).find((r) => r['Schedule ID'] === id);
  return isoDate(localParts(row?.['Next Due'] as Date, wb.model.timeZone));
}

/** The hourly job runs once a day (an hour having passed), up to and including `until`'s day. */
async function runDailyUntil(until: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [run] = await runHourly(wb, DAY);
    expectOk(run!);
    if (isoDate(localParts(wb.rt.world.clock.now(), wb.model.timeZone)) >= until) return;
  }
  throw new Error(`never reached ${until}`);
}

test('from 31 January: 31 January, 28 February, then 31 March, not the 28th', async () => {
  await runDailyUntil('2027-02-01');
  expect(made('PM-31').dues).toEqual(['2027-01-31']);
  expect(nextDue('PM-31')).toBe('2027-02-28');
  await runDailyUntil('2027-03-01');
  expect(made('PM-31').dues).toEqual(['2027-01-31', '2027-02-28']);
  expect(nextDue('PM-31')).toBe('2027-03-31');
  // The lead time opens each occurrence five days before its day: 30 March's by 25 March.
  expect(made('PM-30').dues).toEqual(['2027-01-30', '2027-02-28']);
  expect(nextDue('PM-30')).toBe('2027-03-30');
});

test('the day kept through the months after, each order on time', async () => {
  await runDailyUntil('2027-06-01');
  expect(made('PM-31')).toEqual({
    dues: ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31'],
    late: false,
  });
  expect(nextDue('PM-31')).toBe('2027-06-30');
  expect(made('PM-30')).toEqual({
    dues: ['2027-01-30', '2027-02-28', '2027-03-30', '2027-04-30', '2027-05-30'],
    late: false,
  });
  expect(nextDue('PM-30')).toBe('2027-06-30');
});

test("lost, the schedule's day is derived from the last order made", async () => {
  await runDailyUntil('2027-07-01');
  expect(nextDue('PM-31')).toBe('2027-07-31');
  await runDailyUntil('2027-10-01');
  expect(made('PM-31').dues.slice(-3)).toEqual(['2027-07-31', '2027-08-31', '2027-09-30']);
  expect(nextDue('PM-31')).toBe('2027-10-31');
  // As after an upgrade from the version that kept no day: Next Due shows 30 November, last made 31 October.
  await runDailyUntil('2027-11-01');
  expect(nextDue('PM-31')).toBe('2027-11-30');
  expect(ownerState(wb, 'scheduleAnchors')).toMatch(/PM-31/);
  wb.rt.world.properties.user(ADMIN).delete(`wo.${wb.ssId}.scheduleAnchors`);
  await runDailyUntil('2028-01-01');
  expect(made('PM-31').dues.slice(-3)).toEqual(['2027-10-31', '2027-11-30', '2027-12-31']);
});

test('a Next Due typed by the administrator moves the schedule onto its day', async () => {
  (await wb.edit(ADMIN, SCHEDULES, 2, 12, [['2028-01-15']])).executions.forEach(expectOk);
  await runDailyUntil('2028-03-01');
  expect(made('PM-31').dues.slice(-3)).toEqual(['2027-12-31', '2028-01-15', '2028-02-15']);
  expect(nextDue('PM-31')).toBe('2028-03-15');
  // PM-30 meanwhile kept its day through a leap February.
  expect(made('PM-30').dues.slice(-3)).toEqual(['2027-12-30', '2028-01-30', '2028-02-29']);
  expect(nextDue('PM-30')).toBe('2028-03-30');
});
