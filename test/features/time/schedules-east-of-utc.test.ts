/**
 * Preventive schedules in a spreadsheet in Pacific/Auckland (script in New York), through dist/Code.js:
 * a weekly schedule across New Zealand's spring-forward night (Sunday 27 September 2026) keeps its
 * Mondays in local dates, each order due 23:59:59 local; when Apps Script skips the hourly runs of a
 * whole day, the occurrence it missed is made late the next day, flagged, and the series goes on; a
 * monthly schedule typed on 31 August comes due on 30 September, then 31 October.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { formatLocal, fromLocalParts, isoDate, localParts } from '../../../src/core/time';
import { scheduleRow } from '../../support/schedules';
import { rowsOf, runHourly } from '../../support/ops';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const TZ = 'Pacific/Auckland';
const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;

beforeAll(async () => {
  // Thursday 17 September 2026, 09:00 in Auckland (NZST, UTC+12).
  wb = await setUpWorkbook({
    timeZone: TZ,
    startAt: fromLocalParts({ year: 2026, month: 9, day: 17, hour: 9 }, TZ),
  });
  const common = { category: 'HVAC', location: 'Annex' };
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      scheduleRow({ ...common, id: 'PM-WK', task: 'Check the boiler', unit: 'weeks', nextDue: '2026-09-21' }),
      scheduleRow({ ...common, id: 'PM-MO', task: 'Test the alarms', unit: 'months', nextDue: '2026-08-31' }),
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

function made(id: string) {
  return wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith(`Schedule ${id} `))
    .map((o) => ({
      due: o.responseRef.split(' ')[2],
      at: formatLocal(o.due!, TZ),
      late: o.reviewFlag !== '',
    }));
}

function nextDue(id: string): string {
  const row = rowsOf(wb, SCHEDULES).find((r) => r['Schedule ID'] === id);
  return isoDate(localParts(row?.['Next Due'] as Date, TZ));
}

/** The hourly job runs at 09:00 local on `day` of September or October 2026. */
async function runOn(month: number, day: number): Promise<void> {
  wb.rt.world.clock.set(fromLocalParts({ year: 2026, month, day, hour: 8 }, TZ));
  (await runHourly(wb)).forEach(expectOk);
}

test('weekly Mondays across the spring-forward night, a skipped day made up late; monthly from 31 August', async () => {
  for (const day of [21, 22, 28]) await runOn(9, day);
  expect(made('PM-WK')).toEqual([
    { due: '2026-09-21', at: '2026-09-21 23:59', late: false },
    { due: '2026-09-28', at: '2026-09-28 23:59', late: false },
  ]);
  expect(nextDue('PM-WK')).toBe('2026-10-05');
  // Typed as 31 August before the job first ran: made late, then the 30th of September (a shorter month).
  expect(made('PM-MO').map((o) => o.due)).toEqual(['2026-08-31']);
  expect(nextDue('PM-MO')).toBe('2026-09-30');

  // No run at all on Monday 5 October: Tuesday's run makes Monday's order late, flagged.
  await runOn(10, 6);
  expect(made('PM-WK').at(-1)).toEqual({ due: '2026-10-05', at: '2026-10-05 23:59', late: true });
  expect(nextDue('PM-WK')).toBe('2026-10-12');
  expect(made('PM-MO').map((o) => o.due)).toEqual(['2026-08-31', '2026-09-30']);
  expect(nextDue('PM-MO')).toBe('2026-10-31');
}, 120_000);
