/**
 * Calendar arithmetic in an IANA time zone using only `Intl` (available in Apps Script V8), so that
 * weeks start on Monday 00:00 and months on the 1st *in the spreadsheet's zone*, DST included.
 * Intl calls are slow-ish, so callers compute period boundaries once and bucket instants by binary
 * search on plain numbers.
 */

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const HOUR_MS = 3_600_000;

export class ZonedCalendar {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** True when Intl knows the zone; an unknown zone makes the constructor throw a RangeError. */
  static isValid(timeZone: string): boolean {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      return true;
    } catch {
      return false;
    }
  }

  local(ms: number): LocalDateTime {
    const out: LocalDateTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of this.format.formatToParts(new Date(ms))) {
      if (part.type === 'literal' || part.type === 'dayPeriod' || part.type === 'era') continue;
      const n = Number(part.value);
      if (part.type === 'year') out.year = n;
      else if (part.type === 'month') out.month = n;
      else if (part.type === 'day') out.day = n;
      else if (part.type === 'hour') out.hour = n % 24;
      else if (part.type === 'minute') out.minute = n;
      else if (part.type === 'second') out.second = n;
    }
    return out;
  }

  /**
   * The first instant of a local date. Binary search on "local date of t ≥ target", which is monotone
   * in t even across DST changes, so a day whose midnight is skipped (clocks jump at 00:00) still gets
   * its true first instant. UTC offsets lie within ±15 h, which bounds the search.
   */
  startOfDay(date: LocalDate): number {
    const target = dateKey(date);
    const guess = Date.UTC(date.year, date.month - 1, date.day);
    let lo = guess - 15 * HOUR_MS; // local date < target here
    let hi = guess + 15 * HOUR_MS; // local date ≥ target here
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (dateKey(this.local(mid)) >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** YYYY-MM-DD in the zone. */
  isoDate(ms: number): string {
    return isoDate(this.local(ms));
  }

  /** YYYY-MM-DD HH:mm in the zone. */
  isoDateTime(ms: number): string {
    const t = this.local(ms);
    return `${isoDate(t)} ${pad2(t.hour)}:${pad2(t.minute)}`;
  }
}

export function dateKey(d: LocalDate): number {
  return d.year * 10_000 + d.month * 100 + d.day;
}

/** Calendar arithmetic on a local date (no zone involved: UTC is used as a plain calendar). */
export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(d: LocalDate, months: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1 + months, 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: 1 };
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  const day = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isoDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
