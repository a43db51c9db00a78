/**
 * Month-based schedules keep their day of the month (core/calendar-dates addCalendarMonths,
 * core/schedule-plan, core/schedule-anchors): the Nth month after the last occurrence, on the
 * schedule's day or the last day of a shorter month, never drifting onto the 28th after February.
 */
import { planSchedule } from '../../../src/core/schedule-plan';
import {
  anchorDay,
  anchorsAfterRun,
  onDayOfMonth,
  parseScheduleAnchors,
  unreadScheduleIds,
  type MonthlyRun,
} from '../../../src/core/schedule-anchors';
import { SCHEDULE_HEADER_ROW, type Schedule } from '../../../src/core/schedules';
import {
  addCalendarMonths,
  isoDate,
  lastDayOfMonth,
  parseIsoDate,
  type LocalDate,
} from '../../../src/core/time';

const d = (iso: string): LocalDate => {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`bad date ${iso}`);
  return date;
};
const monthly = (nextDue: string, fields: Partial<Schedule> = {}): Schedule => ({
  row: 2,
  id: 'PM-1',
  task: 'Task',
  asset: '',
  location: 'Annex',
  category: 'HVAC',
  priority: 'P4 Scheduled',
  technician: '',
  every: 1,
  unit: 'months',
  weekdays: [],
  leadDays: 0,
  nextDue: d(nextDue),
  active: true,
  ...fields,
});

/** The dates a schedule comes due on, `count` of them, stepping as the hourly job does (one a run). */
function series(schedule: Schedule, count: number): string[] {
  const out: string[] = [];
  let through: LocalDate | null = null;
  let nextDue = schedule.nextDue;
  const day = schedule.nextDue.day;
  while (out.length < count) {
    // The job runs on the day the occurrence is due and writes the next one back into Next Due.
    const plan = planSchedule({ ...schedule, nextDue }, through, nextDue, day);
    for (const o of plan.occurrences) out.push(isoDate(o.due));
    through = plan.occurrences.at(-1)?.due ?? through;
    nextDue = plan.nextDue;
  }
  return out;
}

test('a month later on a given day, clamped to a shorter month', () => {
  expect(lastDayOfMonth(d('2026-02-01'))).toBe(28);
  expect(lastDayOfMonth(d('2028-02-01'))).toBe(29);
  expect(isoDate(addCalendarMonths(d('2026-02-28'), 1, 31))).toBe('2026-03-31');
  expect(isoDate(addCalendarMonths(d('2026-03-31'), 1, 31))).toBe('2026-04-30');
  expect(isoDate(addCalendarMonths(d('2026-04-30'), 1, 31))).toBe('2026-05-31');
  expect(isoDate(addCalendarMonths(d('2026-12-31'), 2, 31))).toBe('2027-02-28');
  expect(isoDate(addCalendarMonths(d('2027-11-30'), 3, 30))).toBe('2028-02-29');
  // Without a day, the date's own (as before).
  expect(isoDate(addCalendarMonths(d('2026-02-28'), 1))).toBe('2026-03-28');
});

test('the 31st, monthly, through February of a common year and over the year end', () => {
  expect(series(monthly('2026-01-31'), 13)).toEqual([
    '2026-01-31',
    '2026-02-28',
    '2026-03-31',
    '2026-04-30',
    '2026-05-31',
    '2026-06-30',
    '2026-07-31',
    '2026-08-31',
    '2026-09-30',
    '2026-10-31',
    '2026-11-30',
    '2026-12-31',
    '2027-01-31',
  ]);
});

test('the 31st, the 30th and the 29th through February of a leap year', () => {
  expect(series(monthly('2028-01-31'), 4)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
  expect(series(monthly('2028-01-30'), 4)).toEqual(['2028-01-30', '2028-02-29', '2028-03-30', '2028-04-30']);
  expect(series(monthly('2028-01-29'), 3)).toEqual(['2028-01-29', '2028-02-29', '2028-03-29']);
  expect(series(monthly('2026-01-29'), 3)).toEqual(['2026-01-29', '2026-02-28', '2026-03-29']);
  expect(series(monthly('2026-01-30'), 3)).toEqual(['2026-01-30', '2026-02-28', '2026-03-30']);
});

test('every 2, 3 and 12 months keep the day across short months and year ends', () => {
  expect(series(monthly('2026-12-31', { every: 2 }), 4)).toEqual([
    '2026-12-31',
    '2027-02-28',
    '2027-04-30',
    '2027-06-30',
  ]);
  expect(series(monthly('2026-11-30', { every: 3 }), 4)).toEqual([
    '2026-11-30',
    '2027-02-28',
    '2027-05-30',
    '2027-08-30',
  ]);
  expect(series(monthly('2028-02-29', { every: 12 }), 5)).toEqual([
    '2028-02-29',
    '2029-02-28',
    '2030-02-28',
    '2031-02-28',
    '2032-02-29',
  ]);
});

test('lead time and missed occurrences use the same days', () => {
  // Written back as 28 February, kept on the 31st: the lead time opens 31 March's occurrence.
  const s = monthly('2026-02-28', { leadDays: 5 });
  const plan = planSchedule(s, d('2026-02-28'), d('2026-03-26'), 31);
  expect(plan.occurrences.map((o) => isoDate(o.due))).toEqual(['2026-03-31']);
  expect(isoDate(plan.nextDue)).toBe('2026-04-30');
  // Not run since January: the latest already due is made late, naming the missed ones on their days.
  const late = planSchedule(monthly('2026-01-31'), null, d('2026-05-15'), 31);
  expect(late.occurrences.map((o) => [isoDate(o.due), o.late, o.missed.map(isoDate)])).toEqual([
    ['2026-04-30', true, ['2026-01-31', '2026-02-28', '2026-03-31']],
  ]);
  expect(isoDate(late.nextDue)).toBe('2026-05-31');
});

test('the day kept: what the job wrote keeps it; a typed Next Due re-anchors; none stored is derived', () => {
  const stored = { day: 31, dues: ['2026-01-31', '2026-02-28'] };
  expect(anchorDay(d('2026-02-28'), stored, d('2026-01-31'))).toBe(31);
  expect(anchorDay(d('2026-01-31'), stored, null)).toBe(31);
  // Typed: its own day, even one the stored day would explain.
  expect(anchorDay(d('2026-04-30'), stored, d('2026-01-31'))).toBe(30);
  expect(anchorDay(d('2026-03-15'), stored, d('2026-01-31'))).toBe(15);
  // None stored (written by the version before): 28 February after 31 January was made is the 31st.
  expect(anchorDay(d('2026-02-28'), undefined, d('2026-01-31'))).toBe(31);
  expect(anchorDay(d('2028-02-29'), undefined, d('2028-01-30'))).toBe(30);
  expect(anchorDay(d('2026-02-28'), undefined, null)).toBe(28);
  expect(anchorDay(d('2026-03-28'), undefined, d('2026-02-28'))).toBe(28);
  expect(anchorDay(d('2026-02-27'), undefined, d('2026-01-31'))).toBe(27);
  expect(onDayOfMonth(d('2026-02-28'), 31)).toBe(true);
  expect(onDayOfMonth(d('2026-03-28'), 31)).toBe(false);
});

test('the anchors stored: this run, the unread rows kept, the rest dropped; unreadable ones are none', () => {
  const run: MonthlyRun = { day: 31, read: d('2026-01-31'), written: d('2026-02-28') };
  const stored = { OLD: { day: 5, dues: ['2026-01-05'] }, BAD: { day: 30, dues: ['2026-04-30'] } };
  const next = anchorsAfterRun(stored, new Map([['PM-1', run]]), new Set(['BAD']));
  expect(next).toEqual({
    BAD: { day: 30, dues: ['2026-04-30'] },
    'PM-1': { day: 31, dues: ['2026-01-31', '2026-02-28'] },
  });
  expect(anchorsAfterRun(next!, new Map([['PM-1', run]]), new Set(['BAD']))).toBeNull();
  // The next run reads back what was written and moves nothing: nothing to store.
  const still: MonthlyRun = { day: 31, read: d('2026-02-28'), written: d('2026-02-28') };
  expect(anchorsAfterRun(next!, new Map([['PM-1', still]]), new Set(['BAD']))).toBeNull();
  expect(parseScheduleAnchors('{"PM-1":{"day":32,"dues":[]}}')).toEqual({});
  expect(parseScheduleAnchors('not json')).toEqual({});
  expect(parseScheduleAnchors(JSON.stringify(next))).toEqual(next);
  const header = [...SCHEDULE_HEADER_ROW];
  const idAt = header.indexOf('Schedule ID');
  const row = (id: string): string[] => header.map((_, i) => (i === idAt ? id : ''));
  expect([...unreadScheduleIds([header, row('PM-1'), row(' BAD '), row('')], [{ id: 'PM-1' }])]).toEqual([
    'BAD',
  ]);
});
