/**
 * Calendar dates, with no zone (UTC serves as a plain calendar): ISO 8601 weekdays (1 = Monday …
 * 7 = Sunday) and weeks, adding days and months, comparing, and the "2026-03-06" text. ./time, the
 * one module for time-zone arithmetic, builds on these and re-exports them, so callers import dates
 * and instants from it alike.
 */

/** A calendar date, with no zone. */
export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A day of 24 hours, in milliseconds. */
export const DAY_MS = 86_400_000;

/** ISO 8601 weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): IsoWeekday {
  return (((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1) as IsoWeekday;
}

/** Saturday and Sunday (ISO weekdays 6 and 7). */
export function isWeekend(weekday: IsoWeekday): boolean {
  return weekday >= 6;
}

/**
 * The ISO 8601 week of a calendar date, e.g. 2026-W53 for Thursday 31 December 2026 and for Friday
 * 1 January 2027 (a week belongs to the year of its Thursday).
 */
export function isoWeekOf(date: LocalDate): { year: number; week: number; monday: LocalDate; key: string } {
  const weekday = isoWeekday(date);
  const thursday = addCalendarDays(date, 4 - weekday);
  const dayOfYear =
    (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(thursday.year, 0, 1)) / DAY_MS;
  const week = Math.floor(dayOfYear / 7) + 1;
  return {
    year: thursday.year,
    week,
    monday: addCalendarDays(date, 1 - weekday),
    key: `${thursday.year}-W${String(week).padStart(2, '0')}`,
  };
}

/** Two digits: "06". */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "2026-03-06" for a calendar date. */
export function isoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

// ---- Calendar dates (no zone: UTC serves as a plain calendar) ----

/** The calendar date `days` later (or earlier). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/**
 * The same day `months` months later (or earlier), on the last day of the month when that month is
 * shorter: 31 January + 1 month = 28 (or 29) February; 29 February + 12 months = 28 February.
 * `dayOfMonth` (1–31) is the day wanted instead of `date`'s own: a monthly series keeps its day
 * through a short month (28 February + 1 month on the 31st = 31 March), where stepping from the
 * clamped date would stay on the 28th for ever.
 */
export function addCalendarMonths(date: LocalDate, months: number, dayOfMonth: number = date.day): LocalDate {
  const first = firstOfMonthAfter(date, months);
  return { ...first, day: Math.min(dayOfMonth, lastDayOfMonth(first)) };
}

/** The number of days in `date`'s month (its last day): 28 or 29 for February. */
export function lastDayOfMonth(date: Pick<LocalDate, 'year' | 'month'>): number {
  return new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
}

/** -1, 0 or 1 as `a` is before, the same as or after `b` (calendar dates). */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  const x = a.year * 10_000 + a.month * 100 + a.day;
  const y = b.year * 10_000 + b.month * 100 + b.day;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "2026-03-06" back to a calendar date; null when it is not a real date in that form. */
export function parseIsoDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = addCalendarDays(date, 0);
  return compareLocalDates(check, date) === 0 ? date : null;
}

/** The 1st of the month `months` after the month of `date`. */
export function firstOfMonthAfter(date: LocalDate, months: number): LocalDate {
  const t = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: 1 };
}
