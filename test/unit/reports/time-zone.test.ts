/** Weeks start on Monday 00:00 and months on the 1st in the report's time zone, across DST changes. */
import { computeReports } from '../../../src/core/reports';
import { ZonedCalendar } from '../../../src/core/time';
import { at, order } from './fixtures';

describe('ZonedCalendar', () => {
  test('start of day across the spring DST change in Paris (CET → CEST on 2026-03-29)', () => {
    const paris = new ZonedCalendar('Europe/Paris');
    expect(new Date(paris.startOfDay({ year: 2026, month: 3, day: 23 })).toISOString()).toBe(
      '2026-03-22T23:00:00.000Z',
    );
    expect(new Date(paris.startOfDay({ year: 2026, month: 3, day: 30 })).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });

  test('a day whose midnight does not exist starts at the first instant that does (Chile, 2026-09-06)', () => {
    const santiago = new ZonedCalendar('America/Santiago');
    const start = santiago.startOfDay({ year: 2026, month: 9, day: 6 });
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(santiago.local(start)).toMatchObject({ day: 6, hour: 1, minute: 0 });
    expect(santiago.local(start - 1)).toMatchObject({ day: 5, hour: 23 });
  });

  test('labels are local dates', () => {
    const tokyo = new ZonedCalendar('Asia/Tokyo');
    expect(tokyo.isoDate(Date.parse('2026-03-04T20:00:00Z'))).toBe('2026-03-05');
    expect(tokyo.isoDateTime(Date.parse('2026-03-04T20:00:00Z'))).toBe('2026-03-05 05:00');
  });
});

describe('periods in the report', () => {
  test('weekly boundaries follow Paris time through DST', () => {
    const data = computeReports({
      orders: [
        order('P', { requestedAt: at('2026-03-24T10:00') }),
        order('Q', { requestedAt: at('2026-04-01T08:00') }),
      ],
      changes: [],
      now: at('2026-04-01T10:00'),
      timeZone: 'Europe/Paris',
      weeks: 2,
    });
    expect(
      data.trends.weekly.periods.map((p) => [p.label, p.start.toISOString(), p.end.toISOString()]),
    ).toEqual([
      ['2026-03-23', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z'],
    ]);
    expect(data.trends.monthly.periods.slice(-2).map((p) => [p.label, p.start.toISOString()])).toEqual([
      ['2026-03', '2026-02-28T23:00:00.000Z'],
      ['2026-04', '2026-03-31T22:00:00.000Z'],
    ]);
  });

  test('Sunday evening in New York is still last week, though it is Monday in UTC', () => {
    const orders = [order('N', { requestedAt: at('2026-03-09T01:00') })];
    const now = at('2026-03-09T02:00');
    const ny = computeReports({ orders, changes: [], now, timeZone: 'America/New_York', weeks: 2 }).trends
      .weekly;
    expect(ny.periods.map((p) => p.label)).toEqual(['2026-03-02']);
    expect(ny.total.map((p) => p.created)).toEqual([1]);
    const utc = computeReports({ orders, changes: [], now, timeZone: 'UTC', weeks: 2 }).trends.weekly;
    expect(utc.periods.map((p) => p.label)).toEqual(['2026-03-09']);
    expect(utc.total.map((p) => p.created)).toEqual([1]);
  });

  test('an unknown time zone falls back to UTC and says so', () => {
    const data = computeReports({
      orders: [],
      changes: [],
      now: at('2026-03-04T12:00'),
      timeZone: 'Mars/Olympus',
    });
    expect(data.timeZone).toBe('UTC');
    expect(data.notes).toEqual(['Unknown time zone "Mars/Olympus": dates are shown in UTC.']);
  });
});
