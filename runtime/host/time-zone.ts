/**
 * Wall-clock fields of an instant in a time zone, through Intl (the IANA database Node ships).
 * Java's TimeZone, which Apps Script uses, also accepts custom ids like "GMT+5:30", and silently
 * treats an unknown id as GMT: both behaviours are kept here.
 */
export interface ZonedFields {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Monday … 7 = Sunday (ISO, as Java's `u`). */
  isoWeekday: number;
  /** Offset from UTC in minutes (east positive). */
  offsetMinutes: number;
}

type Zone =
  | { kind: 'iana'; id: string; format: Intl.DateTimeFormat }
  | { kind: 'fixed'; id: string; offsetMinutes: number };

const zones = new Map<string, Zone>();

export function resolveZone(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = makeZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

function makeZone(timeZone: string): Zone {
  const custom = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone.trim());
  if (custom && /^(GMT|UTC)/.test(timeZone.trim())) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    const offsetMinutes = custom[1] === '-' ? -minutes : minutes;
    return { kind: 'fixed', id: `GMT${formatOffset(offsetMinutes, ':')}`, offsetMinutes };
  }
  if (timeZone === 'GMT' || timeZone === 'UTC' || timeZone === '') {
    return { kind: 'fixed', id: timeZone || 'GMT', offsetMinutes: 0 };
  }
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    return { kind: 'iana', id: timeZone, format };
  } catch {
    // Java's TimeZone.getTimeZone falls back to GMT for an id it does not know.
    return { kind: 'fixed', id: 'GMT', offsetMinutes: 0 };
  }
}

const HOUR_MS = 3_600_000;
/**
 * Offsets by zone and UTC hour, for the hours whose offset holds from start to end (a script may
 * format a date per row). An hour with a transition inside it (St John's changes at 05:30 UTC, Lord
 * Howe's daylight time is 30 minutes, Nepal's offset has 45) is marked NaN and asked of Intl per instant.
 */
const offsets = new Map<string, Map<number, number>>();

function ianaOffsetMinutes(zone: { id: string; format: Intl.DateTimeFormat }, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let byHour = offsets.get(zone.id);
  if (!byHour) {
    byHour = new Map();
    offsets.set(zone.id, byHour);
  }
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const start = offsetFromIntl(zone.format, hour * HOUR_MS);
    // Intl resolves seconds: the hour's last second tells whether the offset changed within it.
    const end = offsetFromIntl(zone.format, (hour + 1) * HOUR_MS - 1000);
    offset = start === end ? start : NaN;
    if (byHour.size > 100_000) byHour.clear();
    byHour.set(hour, offset);
  }
  return Number.isNaN(offset) ? offsetFromIntl(zone.format, ms) : offset;
}

/** The zone's offset in minutes at instant `at`, from the wall clock Intl prints for it. */
function offsetFromIntl(format: Intl.DateTimeFormat, at: number): number {
  const second = Math.floor(at / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(second))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  const asUtc = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - second) / 60000);
}

export function zonedFields(date: Date, timeZone: string): ZonedFields {
  const ms = date.getTime();
  return fieldsOfShifted(ms, offsetMinutesAt(ms, timeZone));
}

/** The zone's offset at instant `ms` in minutes, without building fields: per-cell reads call it. */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const zone = resolveZone(timeZone);
  return zone.kind === 'fixed' ? zone.offsetMinutes : ianaOffsetMinutes(zone, ms);
}

function fieldsOfShifted(ms: number, offsetMinutes: number): ZonedFields {
  const d = new Date(ms + offsetMinutes * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    isoWeekday: ((d.getUTCDay() + 6) % 7) + 1,
    offsetMinutes,
  };
}

/** `+05:30` / `-0800` style offsets. */
export function formatOffset(offsetMinutes: number, separator: '' | ':'): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();
function nameFormat(locale: string, timeZone: string, style: 'short' | 'long'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style });
    nameFormats.set(key, format);
  }
  return format;
}

function zoneNameFrom(format: Intl.DateTimeFormat, date: Date): string {
  return format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** English locales whose CLDR data holds the abbreviations Java prints (CET, BST, AEST, IST, SAST, SGT…). */
const NAME_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-ZA', 'en-SG'];

/** Java abbreviations that no English CLDR locale has: [standard, daylight]. */
const JAVA_ABBREVIATIONS: Record<string, [string, string]> = {
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Europe/Moscow': ['MSK', 'MSD'],
  'Europe/Istanbul': ['TRT', 'TRT'],
  'Europe/Dublin': ['GMT', 'IST'],
  'America/Sao_Paulo': ['BRT', 'BRST'],
  'America/Argentina/Buenos_Aires': ['ART', 'ARST'],
};

const isOffsetName = (name: string) => /^(GMT|UTC)([+-]|$)/.test(name);

/**
 * Java's `z` (short: "PST", "CEST") and `zzzz` (long: "Pacific Standard Time"). Where Java has no
 * abbreviation either it prints "GMT+09:00", and so does this.
 */
export function timeZoneName(date: Date, timeZone: string, style: 'short' | 'long'): string {
  const zone = resolveZone(timeZone);
  if (zone.kind === 'fixed') {
    if (zone.offsetMinutes === 0)
      return style === 'short' ? (zone.id === 'UTC' ? 'UTC' : 'GMT') : 'Greenwich Mean Time';
    return `GMT${formatOffset(zone.offsetMinutes, ':')}`;
  }
  if (zone.id === 'UTC' || zone.id === 'Etc/UTC')
    return style === 'short' ? 'UTC' : 'Coordinated Universal Time';
  if (style === 'long') {
    const name = zoneNameFrom(nameFormat('en-US', zone.id, 'long'), date);
    if (!isOffsetName(name)) return name;
  } else {
    const table = JAVA_ABBREVIATIONS[zone.id];
    if (table) return isDaylight(date, timeZone) ? table[1] : table[0];
    for (const locale of NAME_LOCALES) {
      const name = zoneNameFrom(nameFormat(locale, zone.id, 'short'), date);
      if (!isOffsetName(name)) return name;
    }
  }
  const offset = zonedFields(date, timeZone).offsetMinutes;
  return offset === 0 ? 'GMT' : `GMT${formatOffset(offset, ':')}`;
}

/** Daylight time if the offset is larger than the smaller of January's and July's. */
function isDaylight(date: Date, timeZone: string): boolean {
  const year = date.getUTCFullYear();
  const jan = zonedFields(new Date(Date.UTC(year, 0, 1)), timeZone).offsetMinutes;
  const jul = zonedFields(new Date(Date.UTC(year, 6, 1)), timeZone).offsetMinutes;
  return zonedFields(date, timeZone).offsetMinutes > Math.min(jan, jul);
}

export function pad(value: number, width: number): string {
  const text = String(Math.abs(value));
  return (value < 0 ? '-' : '') + (text.length >= width ? text : '0'.repeat(width - text.length) + text);
}

/** True for an id Intl knows (IANA) or a custom GMT offset; Sheets refuses any other zone. */
export function isValidTimeZone(timeZone: string): boolean {
  const trimmed = timeZone.trim();
  if (/^(GMT|UTC)([+-]\d{1,2}(:?\d{2})?)?$/.test(trimmed)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: trimmed });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (positive east of Greenwich). */
export function offsetAt(ms: number, timeZone: string): number {
  return offsetMinutesAt(ms, timeZone) * 60_000;
}

/**
 * The instant at which the wall clock in `timeZone` reads the given time. A time the clocks skip
 * (02:30 on a spring-forward night) is read with the offset before the jump, so it lands that far past
 * it (03:30), as Java's lenient Calendar, which Apps Script converts with, does: ICU ticket 5812
 * records Sun's Calendar reading "March 11, 2007 2:30AM" in New York as 3:30 EDT.
 */
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
  const first = offsetAt(wall, timeZone);
  const guess = wall - first;
  const secondOffset = offsetAt(guess, timeZone);
  if (secondOffset === first) return new Date(guess);
  // The guess landed on the other side of a transition: try the offset found there.
  const corrected = wall - secondOffset;
  if (offsetAt(corrected, timeZone) === secondOffset) return new Date(corrected);
  // Neither offset reads back as this wall time: it is in a gap, where the offset grows.
  return new Date(wall - Math.min(first, secondOffset));
}

/** English month names, January first: both Java's date patterns and Sheets' number formats print them. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** English day names indexed by `isoWeekday % 7` (Sunday first). */
export const DAY_NAMES: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
