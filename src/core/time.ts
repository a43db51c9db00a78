/**
 * The one module for wall-clock and time-zone arithmetic (the add-on, its reports, the workbench and
 * the bench all use it), using only `Intl` (available in Apps Script V8, Node and browsers). The
 * spreadsheet's time zone decides what "today", "end of day", "business day", "this week" and "the
 * year of approval" mean, not the server's: Apps Script runs in the script's zone, Node tests in UTC.
 *
 * Weekdays follow ISO 8601 everywhere: 1 = Monday … 7 = Sunday (weeks start on Monday).
 *
 * Business time (working days, working hours, holidays: due dates on a business clock, response
 * targets, time On Hold) is its sibling ./business-time, built on these functions and nowhere else.
 *
 * Calendar dates with no zone (weekdays, ISO weeks, adding months) are ./calendar-dates, re-exported
 * here.
 */
import { DAY_MS, isoDate, isoWeekday, pad2, type IsoWeekday, type LocalDate } from './calendar-dates';

export {
  DAY_MS,
  addCalendarDays,
  addCalendarMonths,
  compareLocalDates,
  firstOfMonthAfter,
  isWeekend,
  isoDate,
  isoWeekOf,
  isoWeekday,
  lastDayOfMonth,
  parseIsoDate,
} from './calendar-dates';
export type { IsoWeekday, LocalDate } from './calendar-dates';

export interface LocalParts extends LocalDate {
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  /** ISO 8601: 1 = Monday … 7 = Sunday */
  weekday: IsoWeekday;
}

const HOUR_MS = 3_600_000;

// Building a DateTimeFormat is far more expensive than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this engine knows (e.g. "Europe/Paris"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date and wall-clock time of an instant in a zone. */
export function localParts(date: Date, timeZone: string): LocalParts {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('localParts: invalid date');
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  // Some engines print midnight as 24 even with h23; normalise.
  if (out.hour === 24) out.hour = 0;
  return { ...out, weekday: isoWeekday(out) };
}

/** Milliseconds to add to UTC to get the zone's wall clock at instant `t`. */
function offsetAt(t: number, timeZone: string): number {
  const p = localParts(new Date(t), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(t / 1000) * 1000;
}

/** The UTC offset of the zone at an instant, in minutes (e.g. +60 for Paris in winter). */
export function utcOffsetMinutes(date: Date, timeZone: string): number {
  return Math.round(offsetAt(date.getTime(), timeZone) / 60_000);
}

/**
 * The instant at which the zone's clocks show this wall-clock time. Like Temporal's "compatible"
 * disambiguation: a time repeated when clocks go back resolves to the first occurrence; a time skipped
 * when clocks go forward resolves to the same distance after the jump (02:30 → 03:30).
 * Fields may overflow (day 32, hour 25): they roll over like Date.UTC.
 */
export function fromLocalParts(
  parts: Pick<LocalParts, 'year' | 'month' | 'day'> & Partial<Pick<LocalParts, 'hour' | 'minute' | 'second'>>,
  timeZone: string,
): Date {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // Offsets a day either side bracket any single transition (zones never change twice within a day).
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = before === after ? [before] : [before, after];
  const valid = candidates.map((o) => wall - o).filter((t) => offsetAt(t, timeZone) === wall - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before); // in the gap: keep the pre-transition offset, which lands after the jump
}

/** Same wall-clock time `days` calendar days later (or earlier), whatever DST does in between. */
export function addLocalDays(date: Date, days: number, timeZone: string): Date {
  const p = localParts(date, timeZone);
  return fromLocalParts({ ...p, day: p.day + days }, timeZone);
}

/** The first instant (00:00:00 unless skipped) of the local day containing `date`, or `days` after it. */
export function startOfLocalDay(date: Date, timeZone: string, days = 0): Date {
  const p = localParts(date, timeZone);
  return fromLocalParts({ year: p.year, month: p.month, day: p.day + days }, timeZone);
}

/**
 * 23:59:59 of the local day containing `date`. Whole seconds on purpose: a spreadsheet cell keeps
 * them exactly, so a due date read back compares equal to the one computed.
 */
export function endOfLocalDay(date: Date, timeZone: string): Date {
  const p = localParts(date, timeZone);
  return fromLocalParts(
    { year: p.year, month: p.month, day: p.day, hour: 23, minute: 59, second: 59 },
    timeZone,
  );
}

/** Calendar year of an instant in the zone (a work order approved at 00:30 on 1 January local is next year's). */
export function localYear(date: Date, timeZone: string): number {
  return localParts(date, timeZone).year;
}

/** Whole seconds, the precision a sheet cell and the change log keep (a date read back equals the one written). */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Hours between two instants (positive when `later` is after `earlier`). */
export function hoursBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / HOUR_MS;
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}

/**
 * The one date-time display format, in the spreadsheet's time zone: "2026-03-06 17:05:00" in cells
 * (this Sheets number-format spelling, which Sheets renders in the spreadsheet's zone: the register's
 * date columns, the change log, the Schedules tab) and the same without the seconds, "2026-03-06 17:05",
 * in text (formatLocal: emails, put-back notes, the sidebars, log messages). Unambiguous across locales.
 * Cells keep the seconds on show because a row copied out as text and pasted back must read back as
 * the same instants (the add-on stamps whole seconds), or the edit trigger would see its stamps changed.
 */
export const DATE_TIME_NUMBER_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** The same for a calendar date, "2026-03-06" (formatLocalDate). */
export const DATE_NUMBER_FORMAT = 'yyyy-mm-dd';

/** DATE_TIME_NUMBER_FORMAT's text for an instant, in the zone, to the minute. */
export function formatLocal(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${isoDate(p)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "2026-03-06" in the zone. */
export function formatLocalDate(date: Date, timeZone: string): string {
  return isoDate(localParts(date, timeZone));
}

/**
 * One zone's calendar on plain millisecond instants, for code that buckets many instants (the reports
 * compute period boundaries once, then binary-search numbers).
 */
export class ZonedCalendar {
  constructor(readonly timeZone: string) {
    formatterFor(timeZone); // an unknown zone throws a RangeError here, not at first use
  }

  /** True when Intl knows the zone. */
  static isValid(timeZone: string): boolean {
    return isValidTimeZone(timeZone);
  }

  local(ms: number): LocalParts {
    return localParts(new Date(ms), this.timeZone);
  }

  /** The first instant of a local date (01:00 on a day whose midnight is skipped). */
  startOfDay(date: LocalDate): number {
    return fromLocalParts(date, this.timeZone).getTime();
  }

  /** YYYY-MM-DD in the zone. */
  isoDate(ms: number): string {
    return isoDate(this.local(ms));
  }

  /** YYYY-MM-DD HH:mm in the zone. */
  isoDateTime(ms: number): string {
    return formatLocal(new Date(ms), this.timeZone);
  }
}

/** ISO-8601 in UTC, or '' for no date: how dates appear in the change log and in JSON for the sidebar. */
export function toIso(date: Date | null | undefined): string {
  return date && Number.isFinite(date.getTime()) ? date.toISOString() : '';
}

/**
 * A Date from an ISO-8601 string (the sidebar sends dates as strings); null when empty or invalid. A
 * date-time must carry its offset (Z or ±hh:mm): without one JavaScript reads it in the local time
 * zone, which on Apps Script is the project's (appsscript.json), not the spreadsheet's, so the same
 * text would be a different instant for a team whose spreadsheet is elsewhere. A date alone is
 * midnight UTC, by the language's rule, wherever it runs.
 */
export function parseIso(text: string | null | undefined): Date | null {
  if (!text) return null;
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text)) return null;
  const t = Date.parse(text);
  return Number.isFinite(t) ? new Date(t) : null;
}

/**
 * True for a usable Date. Checked by tag, not `instanceof`: values handed over by the Apps Script
 * runtime (or a browser frame) may come from another realm whose Date is a different constructor.
 */
export function isValidDate(value: unknown): value is Date {
  return isDate(value) && Number.isFinite(value.getTime());
}

/**
 * True for any Date object, valid or not, from any realm. Called per cell on every read of the
 * register and the change log: text and numbers are answered by `typeof`, a Date of this realm by
 * `instanceof`, and only an object of another realm pays for the tag.
 */
export function isDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}
