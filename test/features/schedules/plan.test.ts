/** The recurrence rules and the plan of one run, pure (core/schedule-plan.ts, core/time.ts month arithmetic). */
import { nextOccurrence, planSchedule } from '../../../src/core/schedule-plan';
import type { Schedule } from '../../../src/core/schedules';
import { addCalendarMonths, isoDate, parseIsoDate, type LocalDate } from '../../../src/core/time';

const d = (iso: string): LocalDate => parseIsoDate(iso)!;
const base: Schedule = {
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
  nextDue: d('2026-01-31'),
  active: true,
};

test('months keep the day, or the last day of a shorter month', () => {
  expect(isoDate(addCalendarMonths(d('2026-01-31'), 1))).toBe('2026-02-28');
  expect(isoDate(addCalendarMonths(d('2028-01-31'), 1))).toBe('2028-02-29');
  expect(isoDate(addCalendarMonths(d('2028-02-29'), 12))).toBe('2029-02-28');
  expect(isoDate(addCalendarMonths(d('2026-11-15'), 3))).toBe('2027-02-15');
  expect(isoDate(addCalendarMonths(d('2026-03-31'), -1))).toBe('2026-02-28');
  expect(parseIsoDate('2026-02-30')).toBeNull();
});

test('days, weeks and weekdays', () => {
  expect(isoDate(nextOccurrence({ ...base, unit: 'days', every: 10 }, d('2026-12-25'), 25))).toBe(
    '2027-01-04',
  );
  expect(isoDate(nextOccurrence({ ...base, unit: 'weeks', every: 2 }, d('2026-12-25'), 25))).toBe(
    '2027-01-08',
  );
  // 2026-12-03 is a Thursday: Mon/Thu → the next Monday, then Thursday.
  const rule = { ...base, unit: 'weekdays' as const, weekdays: [1, 4] as (1 | 4)[] };
  expect(isoDate(nextOccurrence(rule, d('2026-12-03'), 3))).toBe('2026-12-07');
  expect(isoDate(nextOccurrence(rule, d('2026-12-07'), 7))).toBe('2026-12-10');
});

test('lead time opens an occurrence early; nothing twice past what was created', () => {
  const s = { ...base, nextDue: d('2026-03-10'), leadDays: 5 };
  expect(planSchedule(s, null, d('2026-03-04')).occurrences).toEqual([]);
  const plan = planSchedule(s, null, d('2026-03-05'));
  expect(plan.occurrences.map((o) => [isoDate(o.due), o.late])).toEqual([['2026-03-10', false]]);
  expect(isoDate(plan.nextDue)).toBe('2026-04-10');
  expect(planSchedule(s, d('2026-03-10'), d('2026-03-09')).occurrences).toEqual([]);
});

test('missed occurrences: the latest one is made late, naming the ones it replaces', () => {
  const s = { ...base, unit: 'weeks' as const, nextDue: d('2026-03-02') };
  const plan = planSchedule(s, null, d('2026-03-20'));
  expect(plan.occurrences.map((o) => [isoDate(o.due), o.late, o.missed.map(isoDate)])).toEqual([
    ['2026-03-16', true, ['2026-03-02', '2026-03-09']],
  ]);
  expect(isoDate(plan.nextDue)).toBe('2026-03-23');
  expect(planSchedule({ ...s, active: false }, null, d('2026-03-20')).occurrences).toEqual([]);
});
