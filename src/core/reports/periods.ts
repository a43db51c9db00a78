/** Weekly and monthly periods in the report's zone, and bucketing of instants into them. */
import type { Period } from './types';
import { DAY_MS, addCalendarDays, firstOfMonthAfter, isoDate, isoWeekday, type ZonedCalendar } from '../time';

/**
 * Boundaries b[0..n]: period i is [b[i], b[i+1]).
 * Kept as a Float64Array so bucketing is a binary search on numbers, not an Intl call per event.
 */
export interface PeriodGrid {
  periods: Period[];
  bounds: Float64Array;
}

/**
 * The span the trends cover: the data's own range, from the period of its first event to the period
 * of its last (never padded with empty periods before or after), at most `max` periods ending with
 * the last. Without any event: the period containing `now`.
 */
export interface GridSpan {
  first: number;
  last: number;
  max: number;
}

export function weeklyGrid(cal: ZonedCalendar, span: GridSpan): PeriodGrid {
  const mondayOf = (ms: number) => {
    const day = cal.local(ms);
    return addCalendarDays(day, 1 - isoWeekday(day));
  };
  const lastMonday = mondayOf(span.last);
  const firstMonday = mondayOf(span.first);
  const between = Math.round(
    (Date.UTC(lastMonday.year, lastMonday.month - 1, lastMonday.day) -
      Date.UTC(firstMonday.year, firstMonday.month - 1, firstMonday.day)) /
      (7 * DAY_MS),
  );
  const weeks = Math.min(span.max, between + 1);
  const starts = [];
  for (let i = weeks - 1; i >= -1; i--) starts.push(addCalendarDays(lastMonday, -7 * i));
  return build(
    cal,
    starts,
    starts.map((d) => isoDate(d)),
  );
}

export function monthlyGrid(cal: ZonedCalendar, span: GridSpan): PeriodGrid {
  const lastDay = cal.local(span.last);
  const firstDay = cal.local(span.first);
  const last = { year: lastDay.year, month: lastDay.month, day: 1 };
  const between = (lastDay.year - firstDay.year) * 12 + (lastDay.month - firstDay.month);
  const months = Math.min(span.max, between + 1);
  const starts = [];
  for (let i = months - 1; i >= -1; i--) starts.push(firstOfMonthAfter(last, -i));
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
