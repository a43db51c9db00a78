/**
 * Business time: the working days, working hours and holidays of the Settings tab, in the
 * spreadsheet's time zone. The sibling of ./time (which it builds on, and which stays the one module
 * for zone arithmetic): every due date on a business clock, every response target on one, and the
 * time an order waited On Hold are counted here, nowhere else.
 *
 * A working day runs from the working hours' start to their end in local wall-clock time, so a day
 * on which clocks change still opens at 08:00 and closes at 17:00 local (it is an hour shorter or
 * longer only if the change falls inside the working hours). Holidays are whole local dates.
 */
import {
  addCalendarDays,
  fromLocalParts,
  isoDate,
  isoWeekday,
  localParts,
  type IsoWeekday,
  type LocalDate,
} from './time';

export interface BusinessCalendar {
  timeZone: string;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  days: ReadonlySet<IsoWeekday>;
  /** Working hours, minutes after local midnight: [start, end). */
  startMinute: number;
  endMinute: number;
  /** Holidays, as local "YYYY-MM-DD" dates. */
  holidays: ReadonlySet<string>;
}

/** The three Settings values a business calendar is read from, as typed on the tab. */
export interface BusinessHoursSettings {
  workingDays: string;
  workingHours: string;
  holidays: string;
}

export const DEFAULT_BUSINESS_HOURS: Readonly<BusinessHoursSettings> = {
  workingDays: 'Mon-Fri',
  workingHours: '08:00-17:00',
  holidays: '',
};

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOUR_MS = 3_600_000;
/** A calendar whose working days are all holidays cannot move a date: stop looking after ten years. */
const MAX_DAYS_SCANNED = 3_660;

function dayNumber(word: string): IsoWeekday | null {
  const index = DAY_NAMES.indexOf(word.trim().toLowerCase().slice(0, 3));
  return index < 0 || word.trim().length < 3 ? null : ((index + 1) as IsoWeekday);
}

/** "Mon-Fri", "Mon, Wed, Fri", "Sun-Thu", "Monday–Saturday": the ISO weekdays, or null when unreadable. */
export function parseWorkingDays(text: string): Set<IsoWeekday> | null {
  const days = new Set<IsoWeekday>();
  const parts = text.split(/[,;]/).map((p) => p.trim());
  if (parts.every((p) => p === '')) return null;
  for (const part of parts) {
    if (part === '') continue;
    const range = part.split(/\s*[-–—]\s*|\s+to\s+/i);
    if (range.length > 2) return null;
    const first = dayNumber(range[0] ?? '');
    const last = range.length === 2 ? dayNumber(range[1] ?? '') : first;
    if (first === null || last === null) return null;
    // A range may wrap past Sunday (Sun-Thu, Sat-Wed).
    for (let d = first, n = 0; n < 7; n++) {
      days.add(d);
      if (d === last) break;
      d = ((d % 7) + 1) as IsoWeekday;
    }
  }
  return days;
}

/** "08:00-17:00" (24-hour clock): minutes after midnight, or null when unreadable or not start < end. */
export function parseWorkingHours(text: string): { startMinute: number; endMinute: number } | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2 !== 0)) return null;
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  return startMinute < endMinute ? { startMinute, endMinute } : null;
}

/**
 * "2026-12-25, 2026-12-26; 2027-01-01" (ISO dates separated by commas, semicolons, spaces or lines):
 * the dates, or a message naming the first one that is not a real date.
 */
export function parseHolidays(text: string): { dates: Set<string> } | { problem: string } {
  const dates = new Set<string>();
  for (const word of text.split(/[\s,;]+/)) {
    if (word === '') continue;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
    const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
    if (!date || isoDate(addCalendarDays(date, 0)) !== word)
      return { problem: `"${word}" is not a date written YYYY-MM-DD` };
    dates.add(word);
  }
  return { dates };
}

/**
 * The Settings values a due date counted from `from` on needs: the holidays before the day before
 * `from` (local) left out, since they cannot move it. The review sidebar previews due dates with
 * these, so years of past holidays cost its reply nothing; the day before is kept because the page's
 * clock may run a little behind the server's.
 */
export function businessHoursFrom(
  settings: Partial<BusinessHoursSettings>,
  from: Date,
  timeZone: string,
): BusinessHoursSettings {
  const parsed = parseHolidays(settings.holidays ?? '');
  const first = isoDate(addCalendarDays(localParts(from, timeZone), -1));
  const kept = 'dates' in parsed ? [...parsed.dates].filter((d) => d >= first) : [];
  return {
    workingDays: settings.workingDays ?? DEFAULT_BUSINESS_HOURS.workingDays,
    workingHours: settings.workingHours ?? DEFAULT_BUSINESS_HOURS.workingHours,
    holidays: kept.join(', '),
  };
}

/** The calendar of the Settings values; an unreadable value (never accepted on the tab) falls back to its default. */
export function businessCalendar(
  settings: Partial<BusinessHoursSettings>,
  timeZone: string,
): BusinessCalendar {
  const days =
    parseWorkingDays(settings.workingDays ?? '') ??
    (parseWorkingDays(DEFAULT_BUSINESS_HOURS.workingDays) as Set<IsoWeekday>);
  const hours =
    parseWorkingHours(settings.workingHours ?? '') ??
    (parseWorkingHours(DEFAULT_BUSINESS_HOURS.workingHours) as { startMinute: number; endMinute: number });
  const holidays = parseHolidays(settings.holidays ?? '');
  return { timeZone, days, ...hours, holidays: 'dates' in holidays ? holidays.dates : new Set() };
}

/** A working day: one of the working weekdays and not a holiday. */
export function isWorkingDay(cal: BusinessCalendar, date: LocalDate): boolean {
  return cal.days.has(isoWeekday(date)) && !cal.holidays.has(isoDate(date));
}

/** The working hours of a local date as instants [start, end), or null on a day off. */
function workingSpan(cal: BusinessCalendar, date: LocalDate): [number, number] | null {
  if (!isWorkingDay(cal, date)) return null;
  const at = (minute: number) =>
    fromLocalParts({ ...date, hour: Math.floor(minute / 60), minute: minute % 60 }, cal.timeZone).getTime();
  return [at(cal.startMinute), at(cal.endMinute)];
}

function localDateOf(ms: number, timeZone: string): LocalDate {
  const p = localParts(new Date(ms), timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

/** Milliseconds of working time between two instants (0 when `to` is not after `from`). */
export function businessMsBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) return 0;
  let total = 0;
  const last = isoDate(localDateOf(end, cal.timeZone));
  let date = localDateOf(start, cal.timeZone);
  // Bounded only as a guard: the walk ends at `to`'s date.
  for (let n = 0; n <= 100 * 366; n++) {
    const span = workingSpan(cal, date);
    if (span) total += Math.max(0, Math.min(span[1], end) - Math.max(span[0], start));
    if (isoDate(date) >= last) return total;
    date = addCalendarDays(date, 1);
  }
  return total;
}

/**
 * The instant `ms` of working time after `from`. From outside working hours the count starts when the
 * next working day opens; a count that ends exactly at closing time is that day's close (17:00), not
 * the next day's opening. `ms` ≤ 0 returns `from` unchanged.
 */
export function addBusinessMs(cal: BusinessCalendar, from: Date, ms: number): Date {
  const start = from.getTime();
  if (!(ms > 0)) return new Date(start);
  let left = ms;
  let date = localDateOf(start, cal.timeZone);
  for (let n = 0; n < MAX_DAYS_SCANNED; n++) {
    const span = workingSpan(cal, date);
    if (span) {
      const open = Math.max(span[0], start);
      const available = span[1] - open;
      if (available > 0) {
        if (left <= available) return new Date(open + left);
        left -= available;
      }
    }
    date = addCalendarDays(date, 1);
  }
  throw new RangeError('addBusinessMs: the business calendar has no working day in ten years');
}

/** Length of a working day (the working hours), in ms. */
export function workingDayMs(cal: BusinessCalendar): number {
  return (cal.endMinute - cal.startMinute) * 60_000;
}

/**
 * `count` business days after `from`: `count` working days' worth of working time, so Friday 10:00 + 1
 * is Monday 10:00 (Monday 10:00 the following week after a Monday holiday), and a request approved on
 * Saturday has until Monday's close. 0 returns `from` unchanged.
 */
export function addBusinessDaysIn(cal: BusinessCalendar, from: Date, count: number): Date {
  return addBusinessMs(cal, from, count * workingDayMs(cal));
}

/** `hours` of working time after `from`. */
export function addBusinessHours(cal: BusinessCalendar, from: Date, hours: number): Date {
  return addBusinessMs(cal, from, hours * HOUR_MS);
}

/** Hours of working time between two instants. */
export function businessHoursBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  return businessMsBetween(cal, from, to) / HOUR_MS;
}
