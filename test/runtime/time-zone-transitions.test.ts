/**
 * Conformance: offsets at transitions that are not on a UTC hour, and wall times the clocks skip.
 *
 * St John's (Newfoundland) moves from −3:30 to −2:30 at 02:00 local, 05:30 UTC; Lord Howe Island's
 * daylight time is 30 minutes (+10:30 to +11:00 at 02:00 local); Kathmandu is +5:45. The offset at any
 * instant must be the one Intl (the IANA database) gives, whichever instant of the hour is asked first.
 *
 * A wall time inside a spring-forward gap (02:30 in St John's on 14 March 2027) is read as Java's
 * lenient Calendar reads it, with the offset before the jump: 03:30 after it (ICU ticket 5812 records
 * Sun's Calendar putting New York's 2:30 AM of 11 March 2007 at 3:30 EDT).
 */
import { offsetMinutesAt, zonedFields, zonedToDate } from '../../runtime/host/time-zone';
import { project, value } from './spreadsheet/helpers';

/** The offset in minutes Intl gives at `ms`, read from its "GMT-02:30" long offset. */
function intlOffset(ms: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

test("St John's at 05:45 UTC on 14 March 2027, asked before any other instant of that hour: 03:15 at −2:30", () => {
  const at = new Date('2027-03-14T05:45:00Z');
  expect(zonedFields(at, 'America/St_Johns')).toMatchObject({ hour: 3, minute: 15, offsetMinutes: -150 });
  // The same hour's first half is still −3:30, whichever is asked first.
  expect(offsetMinutesAt(Date.parse('2027-03-14T05:10:00Z'), 'America/St_Johns')).toBe(-210);
  expect(offsetMinutesAt(Date.parse('2027-03-14T05:50:00Z'), 'America/St_Johns')).toBe(-150);
});

test.each([
  ['America/St_Johns', '2027-03-14T00:00:00Z'],
  ['America/St_Johns', '2027-11-07T00:00:00Z'],
  ['Australia/Lord_Howe', '2027-04-03T12:00:00Z'],
  ['Australia/Lord_Howe', '2027-10-02T12:00:00Z'],
  ['Asia/Kathmandu', '2027-01-01T00:00:00Z'],
])('%s agrees with Intl every 5 minutes for 12 hours from %s', (zone, from) => {
  const start = Date.parse(from);
  const seen: string[] = [];
  const expected: string[] = [];
  // Backwards, so that each hour is first asked at its end.
  for (let ms = start + 12 * 3_600_000; ms >= start; ms -= 300_000) {
    seen.push(`${new Date(ms).toISOString()} ${offsetMinutesAt(ms, zone)}`);
    expected.push(`${new Date(ms).toISOString()} ${intlOffset(ms, zone)}`);
  }
  expect(seen).toEqual(expected);
});

test("Utilities.formatDate in a script prints St John's 03:15 −0230 at 05:45 UTC", async () => {
  const { rt } = project(
    `function show() { return Utilities.formatDate(new Date('2027-11-07T05:40:00Z'), 'America/St_Johns', 'HH:mm Z') + ' ' +
       Utilities.formatDate(new Date('2027-03-14T05:45:00Z'), 'America/St_Johns', 'HH:mm Z'); }`,
  );
  // 7 November: back from −2:30 to −3:30 at 04:30 UTC, so 05:40 UTC is 02:10 at −3:30.
  expect(await value(rt, 'show', null)).toBe('02:10 -0330 03:15 -0230');
});

describe('a wall time the clocks skip', () => {
  test("02:30 in St John's on 14 March 2027 is 03:30 NDT (06:00 UTC), not 01:30", () => {
    expect(zonedToDate(2027, 3, 14, 2, 30, 0, 'America/St_Johns').toISOString()).toBe(
      '2027-03-14T06:00:00.000Z',
    );
    // On either side of the gap, the wall time is kept.
    expect(zonedToDate(2027, 3, 14, 1, 59, 0, 'America/St_Johns').toISOString()).toBe(
      '2027-03-14T05:29:00.000Z',
    );
    expect(zonedToDate(2027, 3, 14, 3, 0, 0, 'America/St_Johns').toISOString()).toBe(
      '2027-03-14T05:30:00.000Z',
    );
  });

  test("02:15 on Lord Howe Island's spring-forward morning is 02:45 (+11:00)", () => {
    // 3 October 2027, 02:00 +10:30 (15:30 UTC the day before) becomes 02:30 +11:00.
    expect(zonedToDate(2027, 10, 3, 2, 15, 0, 'Australia/Lord_Howe').toISOString()).toBe(
      '2027-10-02T15:45:00.000Z',
    );
  });

  test('New York 02:30 on 14 March 2027 is 03:30 EDT', () => {
    expect(zonedToDate(2027, 3, 14, 2, 30, 0, 'America/New_York').toISOString()).toBe(
      '2027-03-14T07:30:00.000Z',
    );
  });

  test("typing 2027-03-14 02:30 in a St John's spreadsheet reads back as 03:30 NDT", async () => {
    const { rt, id } = project(
      `function typed() { var r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
         r.setValue('2027-03-14 02:30');
         return r.getValue().toISOString(); }`,
      'America/St_Johns',
    );
    expect(await value(rt, 'typed', id)).toBe('2027-03-14T06:00:00.000Z');
  });
});
