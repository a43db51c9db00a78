/**
 * A schedule paused (Active FALSE) and resumed later, through dist/Code.js: on resuming, its Next Due is
 * past, and the hourly job makes one late order, flagged, for the latest occurrence due and none for
 * those before it. The administrator is told so when they resume it, with the dates and what to type to
 * start from a later date instead; typing that date makes no late order. Pausing says nothing.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { SCHEDULE_COLUMNS } from '../../../src/core/schedules';
import { addCalendarDays, isoDate, localParts, type LocalDate } from '../../../src/core/time';
import { orderMadeBySchedule } from '../../support/schedules';
import { DAY, advance, now, runHourly, startAtLocalHour } from '../../support/ops';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SCHEDULES = SHEET_NAMES.schedules;
const column = (key: keyof typeof SCHEDULE_COLUMNS) => Object.keys(SCHEDULE_COLUMNS).indexOf(key) + 1;

let wb: TestWorkbook;
let first: { id: string; due: string };
beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  first = await orderMadeBySchedule(wb, {
    id: 'PM-9',
    task: 'Mow the lawn',
    location: 'Grounds',
    category: 'Grounds',
  });
});
afterAll(() => wb.close());

const lastToast = () => wb.rt.world.ui.toasts(wb.ssId, ADMIN).at(-1)?.message ?? '';
const madeFor = () =>
  wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith('Schedule PM-9'));
const dueIn = (weeks: number) => {
  const p = localParts(new Date(`${first.due}T12:00:00Z`), 'UTC');
  const start: LocalDate = { year: p.year, month: p.month, day: p.day };
  return isoDate(addCalendarDays(start, 7 * weeks));
};

/** The administrator types one cell of the schedule's row; returns the toast it showed, or ''. */
async function type(key: keyof typeof SCHEDULE_COLUMNS, value: string) {
  const toastsBefore = wb.rt.world.ui.toasts(wb.ssId, ADMIN).length;
  (await wb.edit(ADMIN, SCHEDULES, 2, column(key), [[value]])).executions.forEach(expectOk);
  return wb.rt.world.ui.toasts(wb.ssId, ADMIN).length > toastsBefore ? lastToast() : '';
}

test('resuming a schedule paused past its Next Due tells what the job will make and how to start later', async () => {
  expect(await type('active', 'FALSE')).toBe('');
  advance(wb, 22 * DAY);
  (await runHourly(wb)).forEach(expectOk);
  expect(madeFor()).toHaveLength(1);

  expect(await type('active', 'TRUE')).toBe(
    `Schedules: 1 active schedule(s) have a Next Due already past, so the next hourly run makes a late work order, flagged for review, for the latest occurrence due: PM-9 (Next Due ${dueIn(1)}): one late order for ${dueIn(3)}, none for the 2 before it. ` +
      'To start from a later date instead (a schedule that was paused), type that date in Next Due.',
  );
});

test('typing a later Next Due, as the toast says, makes no late order; an edit on time says nothing', async () => {
  const p = localParts(now(wb), wb.model.timeZone);
  const later = isoDate(addCalendarDays({ year: p.year, month: p.month, day: p.day }, 3));
  expect(await type('nextDue', later)).toBe('');
  (await runHourly(wb)).forEach(expectOk);
  expect(madeFor()).toHaveLength(1);
  expect(madeFor().every((o) => o.reviewFlag === '')).toBe(true);
});
