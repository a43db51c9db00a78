/**
 * Wall-clock arithmetic in a spreadsheet's time zone. Sheets stores a date-time as a point in time and
 * shows it (and reads typed dates) in the spreadsheet's zone, not the script's or the machine's.
 *
 * Offsets come from Intl once per zone and year, then are cached: formatting the display values of
 * 100,000 date cells must not call Intl 100,000 times.
 */
export interface ZonedParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, YearOffsets>>();

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

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset at an exact instant, straight from Intl (slow: a few microseconds). */
function intlOffset(ms: number, timeZone: string): number {
  const at = Math.floor(ms / 1000) * 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - at;
}

/** A zone's offsets over one UTC year: `offsets[i]` holds from `starts[i]` until `starts[i + 1]`. */
interface YearOffsets {
  starts: number[];
  offsets: number[];
}

/**
 * Builds the offsets of a year by sampling weekly and bisecting each change down to the minute:
 * about 60–90 Intl calls per zone and year, after which every lookup is a short scan. Zones change
 * offset at most a few times a year and never twice within a week.
 */
function yearOffsets(year: number, timeZone: string): YearOffsets {
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const starts = [from];
  const offsets = [intlOffset(from, timeZone)];
  const WEEK = 7 * 86_400_000;
  let prevT = from;
  let prevOffset = offsets[0]!;
  for (let t = Math.min(from + WEEK, to); ; t = Math.min(t + WEEK, to)) {
    const offset = intlOffset(t, timeZone);
    if (offset !== prevOffset) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (intlOffset(mid, timeZone) === prevOffset) lo = mid;
        else hi = mid;
      }
      starts.push(hi);
      offsets.push(offset);
    }
    prevT = t;
    prevOffset = offset;
    if (t >= to) break;
  }
  return { starts, offsets };
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (positive east of Greenwich). */
export function offsetAt(ms: number, timeZone: string): number {
  const year = new Date(ms).getUTCFullYear();
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  let table = zone.get(year);
  if (!table) {
    table = yearOffsets(year, timeZone);
    zone.set(year, table);
  }
  let i = table.starts.length - 1;
  while (i > 0 && table.starts[i]! > ms) i--;
  return table.offsets[i]!;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const ms = date.getTime();
  const local = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
  };
}

/** The instant at which the wall clock in `timeZone` reads the given time. */
export function zonedToDate(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  timeZone = 'Etc/UTC',
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - offsetAt(wall, timeZone);
  // One correction handles a guess that landed on the other side of a DST transition.
  const corrected = wall - offsetAt(guess, timeZone);
  if (corrected !== guess) guess = corrected;
  return new Date(guess);
}
