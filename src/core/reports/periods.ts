/** Weekly and monthly periods in the report's zone, and bucketing of instants into them. */
import type { Period } from './types';
import { addCalendarDays, firstOfMonthAfter, isoDate, isoWeekday, type ZonedCalendar } from '../time';

/**
 * Boundaries b[0..n]: period i is [b[i], b[i+1]). The last period contains `now`.
 * Kept as a Float64Array so bucketing is a binary search on numbers, not an Intl call per event.
 */
export interface PeriodGrid {
  periods: Period[];
  bounds: Float64Array;
}

export function weeklyGrid(cal: ZonedCalendar, now: number, weeks: number): PeriodGrid {
  const today = cal.local(now);
  const monday = addCalendarDays(today, 1 - isoWeekday(today));
  const starts = [];
  for (let i = weeks - 1; i >= -1; i--) starts.push(addCalendarDays(monday, -7 * i));
  return build(
    cal,
    starts,
    starts.map((d) => isoDate(d)),
  );
}

export function monthlyGrid(cal: ZonedCalendar, now: number, months: number): PeriodGrid {
  const today = cal.local(now);
  const first = { year: today.year, month: today.month, day: 1 };
  const starts = [];
  for (let i = months - 1; i >= -1; i--) starts.push(firstOfMonthAfter(first, -i));
  return build(
    cal,
    starts,
    starts.map((d) => isoDate(d).slice(0, 7)),
  );
}

function build(
  cal: ZonedCalendar,
  starts: { year: number; month: number; day: number }[],
  labels: string[],
): PeriodGrid {
  const bounds = new Float64Array(starts.map((d) => cal.startOfDay(d)));
  const periods: Period[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    periods.push({
      label: labels[i] ?? '',
      start: new Date(bounds[i] ?? 0),
      end: new Date(bounds[i + 1] ?? 0),
    });
  }
  return { periods, bounds };
}

/** Index of the period containing t, or -1 when t is outside the grid (or NaN). */
export function periodIndex(grid: PeriodGrid, t: number): number {
  const b = grid.bounds;
  const last = b.length - 1;
  if (!(t >= (b[0] ?? Infinity)) || !(t < (b[last] ?? -Infinity))) return -1;
  // Largest i with b[i] ≤ t.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((b[mid] ?? 0) <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}
