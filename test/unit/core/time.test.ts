import { runInNewContext } from 'node:vm';
import {
  addLocalDays,
  endOfLocalDay,
  formatLocal,
  formatLocalDate,
  fromLocalParts,
  isoWeekday,
  isValidDate,
  isWeekend,
  isValidTimeZone,
  localParts,
  localYear,
  parseIso,
  startOfLocalDay,
  toIso,
  utcOffsetMinutes,
  ZonedCalendar,
} from '../../../src/core/time';

const iso = (d: Date): string => d.toISOString();

describe('localParts', () => {
  it('gives the wall clock and weekday in the zone', () => {
    // 2026-03-06 is a Friday; Paris is UTC+1 in winter.
    expect(localParts(new Date('2026-03-06T16:05:09Z'), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 3,
      day: 6,
      hour: 17,
      minute: 5,
      second: 9,
      weekday: 5,
    });
  });
  it('handles midnight (hour 0, never 24) and the date line', () => {
    const p = localParts(new Date('2026-01-01T15:00:00Z'), 'Pacific/Auckland'); // UTC+13 in summer
    expect([p.year, p.month, p.day, p.hour]).toEqual([2026, 1, 2, 4]);
    expect(localParts(new Date('2026-01-01T00:00:00Z'), 'UTC').hour).toBe(0);
  });
  it('rejects invalid dates and zones', () => {
    expect(() => localParts(new Date(NaN), 'UTC')).toThrow(RangeError);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
  it('knows half-hour offsets', () => {
    expect(utcOffsetMinutes(new Date('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(utcOffsetMinutes(new Date('2026-01-15T00:00:00Z'), 'America/New_York')).toBe(-300);
    expect(utcOffsetMinutes(new Date('2026-07-15T00:00:00Z'), 'America/New_York')).toBe(-240);
  });
});

describe('fromLocalParts', () => {
  it('converts an ordinary wall-clock time', () => {
    expect(iso(fromLocalParts({ year: 2026, month: 3, day: 6, hour: 17, minute: 5 }, 'Europe/Paris'))).toBe(
      '2026-03-06T16:05:00.000Z',
    );
  });
  it('moves a time skipped by spring-forward past the jump (New York, 8 March 2026, 02:00 → 03:00)', () => {
    expect(
      iso(fromLocalParts({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')),
    ).toBe(
      '2026-03-08T07:30:00.000Z', // 03:30 EDT
    );
  });
  it('takes the first occurrence of a time repeated at fall-back (New York, 1 November 2026)', () => {
    expect(
      iso(fromLocalParts({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')),
    ).toBe(
      '2026-11-01T05:30:00.000Z', // 01:30 EDT, not 01:30 EST (06:30Z)
    );
  });
  it('rolls overflowing fields over like Date.UTC', () => {
    expect(iso(fromLocalParts({ year: 2026, month: 1, day: 32 }, 'UTC'))).toBe('2026-02-01T00:00:00.000Z');
  });
  it('round-trips every hour of a DST year in several zones', () => {
    for (const tz of ['Europe/London', 'America/Santiago', 'Australia/Sydney', 'Asia/Tokyo']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
        const p = localParts(new Date(t), tz);
        const back = fromLocalParts(p, tz).getTime();
        // Equal, except for the second pass through a repeated hour, which resolves to the first.
        if (back !== t) expect(t - back).toBe(3_600_000);
      }
    }
  });
});

describe('day arithmetic', () => {
  it('adds calendar days keeping the wall clock across DST (New York)', () => {
    const sat = new Date('2026-03-07T17:00:00Z'); // 12:00 EST
    expect(iso(addLocalDays(sat, 1, 'America/New_York'))).toBe('2026-03-08T16:00:00.000Z'); // 12:00 EDT
    expect(iso(addLocalDays(sat, -1, 'America/New_York'))).toBe('2026-03-06T17:00:00.000Z');
  });
  it('adds days across month and year ends', () => {
    expect(iso(addLocalDays(new Date('2026-01-31T10:00:00Z'), 30, 'UTC'))).toBe('2026-03-02T10:00:00.000Z');
    expect(iso(addLocalDays(new Date('2026-12-31T10:00:00Z'), 1, 'UTC'))).toBe('2027-01-01T10:00:00.000Z');
  });
  it('finds the local start and end of the day', () => {
    const t = new Date('2026-03-06T23:30:00Z'); // already 7 March 00:30 in Paris
    expect(iso(startOfLocalDay(t, 'Europe/Paris'))).toBe('2026-03-06T23:00:00.000Z');
    expect(iso(endOfLocalDay(t, 'Europe/Paris'))).toBe('2026-03-07T22:59:59.000Z');
    // The day DST starts in Paris is 23 hours long; its end is at 23:59:59 CEST.
    expect(iso(endOfLocalDay(new Date('2026-03-29T10:00:00Z'), 'Europe/Paris'))).toBe(
      '2026-03-29T21:59:59.000Z',
    );
  });
  it('gives the local year', () => {
    expect(localYear(new Date('2025-12-31T23:30:00Z'), 'Europe/Paris')).toBe(2026);
    expect(localYear(new Date('2025-12-31T23:30:00Z'), 'America/Los_Angeles')).toBe(2025);
  });
});

describe('formatting and ISO', () => {
  it('formats in the zone', () => {
    expect(formatLocal(new Date('2026-03-06T16:05:00Z'), 'Europe/Paris')).toBe('2026-03-06 17:05');
    expect(formatLocalDate(new Date('2026-03-06T23:05:00Z'), 'Europe/Paris')).toBe('2026-03-07');
  });
  it('converts to and from ISO', () => {
    expect(toIso(null)).toBe('');
    expect(toIso(new Date(NaN))).toBe('');
    expect(toIso(new Date('2026-03-06T16:05:00Z'))).toBe('2026-03-06T16:05:00.000Z');
    expect(parseIso('2026-03-06T16:05:00.000Z')?.toISOString()).toBe('2026-03-06T16:05:00.000Z');
    expect(parseIso('2026-03-06T17:05:00+01:00')?.toISOString()).toBe('2026-03-06T16:05:00.000Z');
    expect(parseIso('2026-03-06')?.toISOString()).toBe('2026-03-06T00:00:00.000Z');
    // No offset: the project's local zone would decide the instant, so it is not taken for a date-time.
    expect(parseIso('2026-03-06T16:05:00')).toBeNull();
    expect(parseIso('2026-03-06T16:05')).toBeNull();
    expect(parseIso('tomorrow')).toBeNull();
    expect(parseIso('2026-13-45')).toBeNull();
    expect(parseIso('')).toBeNull();
  });
  it('recognizes dates from another realm', () => {
    const foreign: unknown = runInNewContext('new Date(0)');
    expect(foreign instanceof Date).toBe(false);
    expect(isValidDate(foreign)).toBe(true);
    expect(isValidDate('2026-01-01')).toBe(false);
  });
});

describe('the weekday convention: ISO 8601, Monday 1 … Sunday 7, in the zone', () => {
  it('numbers the days of one week', () => {
    // Monday 2 March 2026 … Sunday 8 March 2026, at noon UTC.
    const week = Array.from({ length: 7 }, (_, i) =>
      localParts(new Date(Date.UTC(2026, 2, 2 + i, 12)), 'UTC'),
    );
    expect(week.map((p) => p.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week.map((p) => isoWeekday(p))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week.map((p) => isWeekend(p.weekday))).toEqual([false, false, false, false, false, true, true]);
  });
  it('takes the weekday of the local date, not of UTC', () => {
    const instant = new Date('2026-03-09T02:00:00Z'); // Monday in UTC
    expect(localParts(instant, 'UTC').weekday).toBe(1);
    expect(localParts(instant, 'America/New_York').weekday).toBe(7); // still Sunday 22:00
    expect(localParts(new Date('2026-03-08T12:30:00Z'), 'Pacific/Kiritimati').weekday).toBe(1); // UTC+14
  });
});

describe('DST edges', () => {
  const hours = (a: Date, b: Date): number => (b.getTime() - a.getTime()) / 3_600_000;
  it('local days of 23, 25 and 23.5 hours', () => {
    const paris = 'Europe/Paris';
    const day = (s: string, tz: string): Date => startOfLocalDay(new Date(s), tz);
    expect(hours(day('2026-03-29T12:00:00Z', paris), day('2026-03-30T12:00:00Z', paris))).toBe(23);
    expect(hours(day('2026-10-25T12:00:00Z', paris), day('2026-10-26T12:00:00Z', paris))).toBe(25);
    // Lord Howe Island moves its clocks by half an hour.
    const lordHowe = 'Australia/Lord_Howe';
    expect(hours(day('2026-10-04T01:00:00Z', lordHowe), day('2026-10-05T01:00:00Z', lordHowe))).toBe(23.5);
  });
  it('a day whose midnight is skipped starts at 01:00 (Santiago, 6 September 2026)', () => {
    const start = startOfLocalDay(new Date('2026-09-06T15:00:00Z'), 'America/Santiago');
    expect(iso(start)).toBe('2026-09-06T04:00:00.000Z');
    expect(localParts(start, 'America/Santiago').hour).toBe(1);
    expect(new ZonedCalendar('America/Santiago').startOfDay({ year: 2026, month: 9, day: 6 })).toBe(
      start.getTime(),
    );
  });
  it('a skipped time moves past the jump; a repeated one takes its first occurrence (Paris, Sydney)', () => {
    expect(iso(fromLocalParts({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Paris'))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(iso(fromLocalParts({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Paris'))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // Sydney leaves daylight time on Sunday 5 April 2026 at 03:00 (back to 02:00).
    expect(
      iso(fromLocalParts({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Australia/Sydney')),
    ).toBe('2026-04-04T15:30:00.000Z');
  });
  it('the end of a short day and days and business days across fall-back keep the wall clock', () => {
    expect(iso(endOfLocalDay(new Date('2026-03-29T12:00:00Z'), 'Europe/Paris'))).toBe(
      '2026-03-29T21:59:59.000Z',
    );
    // Saturday 24 October 12:00 CEST + 1 day → Sunday 25 October 12:00 CET.
    expect(iso(addLocalDays(new Date('2026-10-24T10:00:00Z'), 1, 'Europe/Paris'))).toBe(
      '2026-10-25T11:00:00.000Z',
    );
  });
  it('the calendar of the reports agrees with the functions', () => {
    const cal = new ZonedCalendar('America/New_York');
    const t = Date.parse('2026-11-01T05:30:00Z'); // 01:30 EDT, the first of two
    expect(cal.isoDateTime(t)).toBe('2026-11-01 01:30');
    expect(cal.isoDate(t)).toBe(formatLocalDate(new Date(t), 'America/New_York'));
    expect(
      cal.startOfDay({ year: 2026, month: 11, day: 2 }) - cal.startOfDay({ year: 2026, month: 11, day: 1 }),
    ).toBe(25 * 3_600_000);
    expect(() => new ZonedCalendar('Mars/Olympus')).toThrow(RangeError);
  });
});
