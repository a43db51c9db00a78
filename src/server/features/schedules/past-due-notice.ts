/**
 * What the administrator is told when an accepted Schedules edit leaves a schedule active with its Next
 * Due already past: typically a schedule paused (Active FALSE) and resumed, or one typed with an old
 * date. The hourly job then makes one late order for the latest occurrence already due, flagged, and
 * none for the ones before it (core/schedule-plan.ts); without a word, the administrator learns it
 * from a late order they did not expect, for a period the schedule was paused. The toast says so,
 * with the dates, and the next step: type a later Next Due to start from there instead.
 */
import { planSchedule } from '../../../core/schedule-plan';
import { parseSchedules, type ScheduleContext } from '../../../core/schedules';
import { compareLocalDates, isoDate, localParts, type LocalDate } from '../../../core/time';

/** Schedules shown by id in the toast at most (the count is always given). */
const NAMED = 3;

/** The toast for the schedules on rows `first`..`last` that are active with Next Due before today. */
export function pastDueNotice(
  values: readonly (readonly unknown[])[],
  context: ScheduleContext,
  rows: readonly [number, number],
  now: Date,
): string | null {
  const p = localParts(now, context.timeZone);
  const today: LocalDate = { year: p.year, month: p.month, day: p.day };
  const past = parseSchedules(values, context).schedules.filter(
    (s) => s.row >= rows[0] && s.row <= rows[1] && s.active && compareLocalDates(s.nextDue, today) < 0,
  );
  if (past.length === 0) return null;
  const lines = past.slice(0, NAMED).map((s) => {
    // Without the job's ledger: what it makes unless it made that occurrence already.
    const late = planSchedule(s, null, today).occurrences.find((o) => o.late);
    const skipped = late && late.missed.length > 0 ? `, none for the ${late.missed.length} before it` : '';
    return late
      ? `${s.id} (Next Due ${isoDate(s.nextDue)}): one late order for ${isoDate(late.due)}${skipped}`
      : `${s.id} (Next Due ${isoDate(s.nextDue)})`;
  });
  const more = past.length > NAMED ? ` and ${past.length - NAMED} more` : '';
  return (
    `Schedules: ${past.length} active schedule(s) have a Next Due already past, so the next hourly run makes ` +
    `a late work order, flagged for review, for the latest occurrence due: ${lines.join('; ')}${more}. ` +
    'To start from a later date instead (a schedule that was paused), type that date in Next Due.'
  );
}
