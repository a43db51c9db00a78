/** Business time: working days, working hours and holidays, in the zone, across DST changes. */
import {
  addBusinessDaysIn,
  addBusinessMs,
  businessCalendar,
  businessHoursBetween,
  parseHolidays,
  parseWorkingDays,
  parseWorkingHours,
} from '../../../src/core/business-time';
import { dueDate, releaseHold, respondBy } from '../../../src/core/sla';
import { addLocalDays, localParts } from '../../../src/core/time';
import { DEFAULT_PRIORITIES } from '../../../src/core/settings-model';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const paris = businessCalendar({ workingDays: 'Mon-Fri', workingHours: '08:00-17:00' }, 'Europe/Paris');

describe('reading the Settings values', () => {
  test('working days: ranges, lists, wrapping ranges; unreadable text is refused', () => {
    expect([...(parseWorkingDays('Mon-Fri') ?? [])]).toEqual([1, 2, 3, 4, 5]);
    expect([...(parseWorkingDays('Mon, Wed, Fri') ?? [])]).toEqual([1, 3, 5]);
    expect([...(parseWorkingDays('Sun-Thu') ?? [])].sort()).toEqual([1, 2, 3, 4, 7]);
    expect([...(parseWorkingDays('Monday–Saturday') ?? [])]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseWorkingDays('Funday')).toBeNull();
    expect(parseWorkingDays('')).toBeNull();
  });

  test('working hours: HH:MM-HH:MM with the start first', () => {
    expect(parseWorkingHours('08:00-17:00')).toEqual({ startMinute: 480, endMinute: 1020 });
    expect(parseWorkingHours('8:30 - 16:45')).toEqual({ startMinute: 510, endMinute: 1005 });
    expect(parseWorkingHours('17:00-08:00')).toBeNull();
    expect(parseWorkingHours('25:00-26:00')).toBeNull();
    expect(parseWorkingHours('nine to five')).toBeNull();
  });

  test('holidays: real YYYY-MM-DD dates only, any separator', () => {
    expect(parseHolidays('2026-12-25, 2026-12-26;2027-01-01')).toEqual({
      dates: new Set(['2026-12-25', '2026-12-26', '2027-01-01']),
    });
    expect(parseHolidays('')).toEqual({ dates: new Set() });
    expect(parseHolidays('2026-02-30')).toEqual({ problem: '"2026-02-30" is not a date written YYYY-MM-DD' });
    expect(parseHolidays('25/12/2026')).toEqual({ problem: '"25/12/2026" is not a date written YYYY-MM-DD' });
  });
});

describe('counting working time', () => {
  test('a full working week is 45 hours; nights and weekends count nothing', () => {
    // Monday 2026-03-02 00:00 to Monday 2026-03-09 00:00, Paris (UTC+1).
    expect(businessHoursBetween(paris, at('2026-03-01T23:00:00Z'), at('2026-03-08T23:00:00Z'))).toBe(45);
    expect(businessHoursBetween(paris, at('2026-03-07T09:00:00Z'), at('2026-03-08T18:00:00Z'))).toBe(0);
  });

  test('over the weekend clocks go forward in Paris, a working day still opens at 08:00 local', () => {
    // Friday 27 March 16:00 CET → Monday 30 March 09:00 CEST: one hour on Friday, one on Monday.
    expect(businessHoursBetween(paris, at('2026-03-27T15:00:00Z'), at('2026-03-30T07:00:00Z'))).toBe(2);
    // Friday 16:00 CET + 3 working hours = Monday 10:00 CEST (08:00 UTC, not 09:00).
    expect(addBusinessMs(paris, at('2026-03-27T15:00:00Z'), 3 * HOUR).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  test('when clocks go back in New York, the weekend still counts nothing (though it lasts an hour more)', () => {
    const ny = businessCalendar({}, 'America/New_York');
    // Friday 30 October 12:00 EDT → Monday 2 November 12:00 EST: 5 h + 4 h of work, 73 h elapsed.
    const from = at('2026-10-30T16:00:00Z');
    const to = at('2026-11-02T17:00:00Z');
    expect((to.getTime() - from.getTime()) / HOUR).toBe(73);
    expect(businessHoursBetween(ny, from, to)).toBe(9);
    expect(addBusinessMs(ny, from, 9 * HOUR).toISOString()).toBe(to.toISOString());
  });

  test('a count ending at closing time is that day’s close, not the next opening', () => {
    // Monday 08:00 + 9 h = Monday 17:00 Paris.
    expect(addBusinessMs(paris, at('2026-03-02T07:00:00Z'), 9 * HOUR).toISOString()).toBe(
      '2026-03-02T16:00:00.000Z',
    );
  });

  test('holidays are days off: Easter Monday moves a business day to Tuesday', () => {
    const easter = businessCalendar({ holidays: '2026-04-06' }, 'Europe/Paris');
    // Friday 3 April 10:00 + 1 business day = Tuesday 7 April 10:00 (CEST).
    expect(addBusinessDaysIn(easter, at('2026-04-03T08:00:00Z'), 1).toISOString()).toBe(
      '2026-04-07T08:00:00.000Z',
    );
    expect(addBusinessDaysIn(paris, at('2026-04-03T08:00:00Z'), 1).toISOString()).toBe(
      '2026-04-06T08:00:00.000Z',
    );
    // Friday 17:00 (closing) → Tuesday 09:00: only Tuesday's first hour is working time.
    expect(businessHoursBetween(easter, at('2026-04-03T15:00:00Z'), at('2026-04-07T07:00:00Z'))).toBe(1);
  });
});

describe('the SLA on business time', () => {
  const settings = {
    priorities: DEFAULT_PRIORITIES.map((p) => ({ ...p })),
    workingDays: 'Mon-Fri',
    workingHours: '08:00-17:00',
    holidays: '2026-04-06',
  };

  test('a P3 due date skips the weekend, the holiday and the DST change', () => {
    // Wednesday 1 April 10:00 CEST + 5 business days, Easter Monday off = Thursday 9 April 10:00.
    expect(dueDate('P3 Routine', at('2026-04-01T08:00:00Z'), settings, 'Europe/Paris')?.toISOString()).toBe(
      '2026-04-09T08:00:00.000Z',
    );
  });

  test('Respond Within runs on working hours for a business-clock priority, elapsed hours otherwise', () => {
    // P3 Routine (24 h, business days) asked Friday 3 April 16:00 CEST: 1 h Friday, Monday a holiday,
    // 9 h Tuesday, 9 h Wednesday, 5 h Thursday → Thursday 13:00.
    expect(respondBy(at('2026-04-03T14:00:00Z'), 'P3 Routine', settings, 'Europe/Paris')?.toISOString()).toBe(
      '2026-04-09T11:00:00.000Z',
    );
    // Its halfway point (the reminder): 12 working hours → Wednesday 10:00.
    expect(
      respondBy(at('2026-04-03T14:00:00Z'), 'P3 Routine', settings, 'Europe/Paris', 0.5)?.toISOString(),
    ).toBe('2026-04-08T08:00:00.000Z');
    // P1 Emergency (1 h, end of day) is round the clock.
    expect(
      respondBy(at('2026-04-04T20:00:00Z'), 'P1 Emergency', settings, 'Europe/Paris')?.toISOString(),
    ).toBe('2026-04-04T21:00:00.000Z');
  });

  test('resuming from On Hold moves a P3 due date by the working time held, not the weekend or the holiday', () => {
    const order = { priority: 'P3 Routine', due: at('2026-04-08T13:00:00Z') }; // Wed 15:00
    // Held Friday 3 April 15:00 → Tuesday 7 April 10:00 (CEST): 2 h Friday + 2 h Tuesday.
    const release = releaseHold(
      order,
      at('2026-04-03T13:00:00Z'),
      at('2026-04-07T08:00:00Z'),
      settings,
      'Europe/Paris',
    );
    expect(release.heldHours).toBe(4);
    // Wednesday 15:00 + 4 working hours = Thursday 10:00.
    expect(release.due?.toISOString()).toBe('2026-04-09T08:00:00.000Z');
  });

  test('a priority counted in hours moves by the elapsed time held', () => {
    const order = { priority: 'P2 Urgent', due: at('2026-04-04T10:00:00Z') };
    const release = releaseHold(
      order,
      at('2026-04-03T13:00:00Z'),
      at('2026-04-03T15:30:00.750Z'),
      settings,
      'Europe/Paris',
    );
    expect(release.heldHours).toBe(2.5);
    expect(release.due?.toISOString()).toBe('2026-04-04T12:30:00.000Z');
  });
});

describe('business days on the default calendar (Mon–Fri, 08:00–17:00)', () => {
  const tz = 'Europe/Paris';
  const cal = businessCalendar({}, tz);
  const add = (iso: string, n: number) => addBusinessDaysIn(cal, at(iso), n).toISOString();
  test('skip weekends, keeping the time of day inside working hours', () => {
    // Friday 6 March 2026 10:00 CET + 1 → Monday 9 March 10:00; Monday + 5 → Monday; + 10 → Monday.
    expect(add('2026-03-06T09:00:00Z', 1)).toBe('2026-03-09T09:00:00.000Z');
    expect(add('2026-03-02T09:00:00Z', 5)).toBe('2026-03-09T09:00:00.000Z');
    expect(add('2026-03-02T09:00:00Z', 10)).toBe('2026-03-16T09:00:00.000Z');
  });
  test('from a weekend, the count starts at Monday’s opening and ends at a close', () => {
    expect(add('2026-03-07T09:00:00Z', 1)).toBe('2026-03-09T16:00:00.000Z'); // Sat → Mon 17:00
    expect(add('2026-03-08T09:00:00Z', 5)).toBe('2026-03-13T16:00:00.000Z'); // Sun → Fri 17:00
    expect(add('2026-03-07T09:00:00Z', 0)).toBe('2026-03-07T09:00:00.000Z');
  });
  test('keep the wall clock across DST changes and month ends', () => {
    // Thursday 26 March 10:00 CET + 2 → Monday 30 March 10:00 CEST.
    expect(add('2026-03-26T09:00:00Z', 2)).toBe('2026-03-30T08:00:00.000Z');
    // Friday 23 October 10:00 CEST + 1 → Monday 26 October 10:00 CET.
    expect(add('2026-10-23T08:00:00Z', 1)).toBe('2026-10-26T09:00:00.000Z');
    expect(add('2026-01-30T09:00:00Z', 1)).toBe('2026-02-02T09:00:00.000Z');
  });
  test('use the weekday and hours in the zone, not in UTC', () => {
    // Friday 23:30 UTC is Saturday 08:30 in Tokyo: the day counted is Monday, to its close (17:00 Tokyo).
    expect(
      addBusinessDaysIn(businessCalendar({}, 'Asia/Tokyo'), at('2026-03-06T23:30:00Z'), 1).toISOString(),
    ).toBe('2026-03-09T08:00:00.000Z');
  });
  test('agree with a day-by-day walk from every working weekday, for counts up to 30', () => {
    for (let d = 0; d < 5; d++) {
      const start = new Date(Date.UTC(2026, 2, 2 + d, 9)); // Monday–Friday 10:00 CET
      for (let n = 1; n <= 30; n++) {
        let walked = start;
        let left = n;
        while (left > 0) {
          walked = addLocalDays(walked, 1, tz);
          const wd = localParts(walked, tz).weekday;
          if (wd !== 6 && wd !== 7) left--;
        }
        expect(addBusinessDaysIn(cal, start, n).toISOString()).toBe(walked.toISOString());
      }
    }
  });
});
