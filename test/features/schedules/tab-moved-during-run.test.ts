/**
 * The hourly job reads the Schedules tab when its run starts and writes Next Due and Last Created back
 * when it ends, through dist/Code.js. An administrator who sorts the tab, inserts a row above the
 * schedules, deletes one, or types a Next Due while the run is between the two (the runtime holds the
 * job back just after its read) finds each value on its own schedule's row and their own edit kept;
 * what the job could not place is named in its report; and the next runs make every occurrence once:
 * none skipped, none twice.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { addCalendarDays, isoDate, localParts, type LocalDate } from '../../../src/core/time';
import type { GasObject } from '../../../runtime/host/gas-object';
import type { ExecutionRecord } from '../../../runtime';
import { scheduleRow } from '../../support/schedules';
import { until } from '../../support/locks';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, HOUR, now, rowsOf, runHourly, startAtLocalHour } from '../../support/ops';

const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;
/** The local day the schedules were typed on (the runs below start on it). */
let start: LocalDate;
const day = (n: number): string => isoDate(addCalendarDays(start, n));

/** Pauses the first service call made after a read of the Schedules tab: the run is past its read. */
function afterScheduleRead(): (key: string, object: GasObject) => boolean {
  let read = false;
  return (key, object) => {
    if (read) return true;
    const range = object as unknown as { getSheet(): { getName(): string } };
    if (key === 'Range.getValues' && range.getSheet().getName() === SCHEDULES) read = true;
    return false;
  };
}

/** An hourly run, with `meanwhile` done between its read of the Schedules tab and the rest of it. */
async function runHourlyWhile(
  meanwhile: () => Promise<void> | void,
  advanceMs = HOUR,
): Promise<ExecutionRecord> {
  const pause = wb.rt.world.faults.pauseBefore(afterScheduleRead());
  const running = runHourly(wb, advanceMs);
  await until('the hourly job has read the Schedules tab', () => pause.reached, 150_000);
  await meanwhile();
  pause.resume();
  const [run] = await running;
  return expectOk(run!);
}

/** Each schedule's Next Due (local day) and whether Last Created is filled, by Schedule ID. */
function cellsById(): Record<string, { nextDue: string; lastCreated: boolean }> {
  const out: Record<string, { nextDue: string; lastCreated: boolean }> = {};
  for (const row of rowsOf(wb, SCHEDULES)) {
    const due = row['Next Due'];
    out[String(row['Schedule ID'])] = {
      nextDue: due instanceof Date ? isoDate(localParts(due, wb.model.timeZone)) : String(due),
      lastCreated: row['Last Created'] instanceof Date,
    };
  }
  return out;
}

/** Response Rows of the preventive orders made, sorted. */
const refs = (): string[] =>
  wb
    .register()
    .map((r) => r.order.responseRef)
    .filter((ref) => ref.startsWith('Schedule '))
    .sort();

beforeEach(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  const p = localParts(now(wb), wb.model.timeZone);
  start = { year: p.year, month: p.month, day: p.day };
  // Weekly: PM-A due today (its order is made by the next run), PM-B in three days (nothing yet).
  const rows = [
    scheduleRow({
      id: 'PM-A',
      task: 'Sweep the car park',
      location: 'Car Park',
      category: 'Grounds',
      nextDue: day(0),
    }),
    scheduleRow({
      id: 'PM-B',
      task: 'Test the fire doors',
      location: 'Annex',
      category: 'Carpentry',
      nextDue: day(3),
    }),
  ];
  (await wb.edit(ADMIN, SCHEDULES, 2, 1, rows)).executions.forEach(expectOk);
});
afterEach(() => wb.close());

/** The runs of the next week: PM-B's first occurrence, then PM-A's second, each made once. */
async function nextWeekMakesEachOnce(): Promise<void> {
  (await runHourly(wb, 3 * DAY)).forEach(expectOk);
  (await runHourly(wb, HOUR)).forEach(expectOk);
  expect(refs()).toEqual([`Schedule PM-A ${day(0)}`, `Schedule PM-B ${day(3)}`]);
  (await runHourly(wb, 4 * DAY)).forEach(expectOk);
  expect(refs()).toEqual([`Schedule PM-A ${day(0)}`, `Schedule PM-A ${day(7)}`, `Schedule PM-B ${day(3)}`]);
}

test('the tab sorted during the run: Next Due and Last Created land on their own schedules', async () => {
  const run = await runHourlyWhile(() => {
    const sheet = wb.sheet(SCHEDULES);
    const [a, b] = sheet.readValues(2, 1, 2, sheet.lastColumn());
    sheet.writeValues(2, 1, [b!, a!]);
  });
  expect(String(wb.values(SCHEDULES)[1]?.[0])).toBe('PM-B');
  expect(cellsById()).toEqual({
    'PM-A': { nextDue: day(7), lastCreated: true },
    'PM-B': { nextDue: day(3), lastCreated: false },
  });
  expect(run.value).toMatchObject({ schedules: { leftOnTab: [] } });
  await nextWeekMakesEachOnce();
});

test('a row inserted above the schedules during the run stays empty; the values land on their schedules', async () => {
  const run = await runHourlyWhile(() => wb.sheet(SCHEDULES).insertRows(2, 1, 'none'));
  expect(wb.values(SCHEDULES)[1]?.every((cell) => cell === '')).toBe(true);
  expect(cellsById()).toEqual({
    'PM-A': { nextDue: day(7), lastCreated: true },
    'PM-B': { nextDue: day(3), lastCreated: false },
  });
  expect(run.value).toMatchObject({ schedules: { leftOnTab: [] } });
  await nextWeekMakesEachOnce();
});

test('a row deleted during the run is not written back, nor is another schedule written in its place', async () => {
  const run = await runHourlyWhile(() => wb.sheet(SCHEDULES).deleteRows(2, 1));
  expect(cellsById()).toEqual({ 'PM-B': { nextDue: day(3), lastCreated: false } });
  expect(run.value).toMatchObject({
    schedules: {
      created: [expect.any(String)],
      leftOnTab: [expect.stringMatching(/^PM-A: Next Due/), expect.stringMatching(/^PM-A: Last Created/)],
    },
  });
  (await runHourly(wb, 3 * DAY)).forEach(expectOk);
  expect(refs()).toEqual([`Schedule PM-A ${day(0)}`, `Schedule PM-B ${day(3)}`]);
});

test('a Next Due the administrator types during the run is kept, said in the report, and followed', async () => {
  const run = await runHourlyWhile(async () => {
    (await wb.edit(ADMIN, SCHEDULES, 2, 12, [[day(10)]])).executions.forEach(expectOk);
  });
  expect(cellsById()).toEqual({
    'PM-A': { nextDue: day(10), lastCreated: true },
    'PM-B': { nextDue: day(3), lastCreated: false },
  });
  expect(run.value).toMatchObject({
    schedules: {
      leftOnTab: [expect.stringMatching(/^PM-A: Next Due not written back: it was changed during the run/)],
    },
  });
  // PM-A comes next on the day typed, once; nothing is made for the day the job had planned.
  (await runHourly(wb, 7 * DAY)).forEach(expectOk);
  expect(refs()).toEqual([`Schedule PM-A ${day(0)}`, `Schedule PM-B ${day(3)}`]);
  (await runHourly(wb, 3 * DAY)).forEach(expectOk);
  (await runHourly(wb, HOUR)).forEach(expectOk);
  expect(refs()).toEqual([
    `Schedule PM-A ${day(0)}`,
    `Schedule PM-A ${day(10)}`,
    `Schedule PM-B ${day(3)}`,
    `Schedule PM-B ${day(10)}`,
  ]);
});
