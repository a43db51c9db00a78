import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { dueDate, hoursOverdue, isDueSoon, isOverdue, respondBy, slaMet } from '../../../src/core/sla';

const tz = 'Europe/Paris';
const d = (s: string): Date => new Date(s);
const due = (priority: string, from: string, zone = tz): string | undefined =>
  dueDate(priority, d(from), DEFAULT_SETTINGS, zone)?.toISOString();

describe('dueDate with the default tiers', () => {
  it('P1 Emergency: end of the local day', () => {
    // 10:00 CET on Friday 6 March → 23:59:59 CET.
    expect(due('P1 Emergency', '2026-03-06T09:00:00Z')).toBe('2026-03-06T22:59:59.000Z');
    // 23:30 UTC on 6 March is already 7 March in Paris.
    expect(due('P1 Emergency', '2026-03-06T23:30:00Z')).toBe('2026-03-07T22:59:59.000Z');
    // Same instant in New York is still 6 March (18:30 EST).
    expect(due('P1 Emergency', '2026-03-06T23:30:00Z', 'America/New_York')).toBe('2026-03-07T04:59:59.000Z');
  });
  it('P2 Urgent: 24 elapsed hours, whatever DST does', () => {
    expect(due('P2 Urgent', '2026-03-28T12:00:00Z')).toBe('2026-03-29T12:00:00.000Z');
  });
  it('P3 Routine: 5 business days in the zone', () => {
    expect(due('P3 Routine', '2026-03-06T09:00:00Z')).toBe('2026-03-13T09:00:00.000Z'); // Fri → Fri
    // Saturday is not a working day: the five working days run Monday 08:00 to Friday's close (17:00).
    expect(due('P3 Routine', '2026-03-07T09:00:00Z')).toBe('2026-03-13T16:00:00.000Z'); // Sat → Fri 17:00
    // Wed 25 March 10:00 CET → Wed 1 April 10:00 CEST (clocks changed on the 29th, month changed too).
    expect(due('P3 Routine', '2026-03-25T09:00:00Z')).toBe('2026-04-01T08:00:00.000Z');
  });
  it('P4 Scheduled: 30 calendar days, same wall-clock time', () => {
    expect(due('P4 Scheduled', '2026-03-20T09:00:00Z')).toBe('2026-04-19T08:00:00.000Z');
  });
  it('is null for an unknown priority and matches names in any case', () => {
    expect(due('P9 Whenever', '2026-03-06T09:00:00Z')).toBeUndefined();
    expect(due(' p2 urgent ', '2026-03-06T09:00:00Z')).toBe('2026-03-07T09:00:00.000Z');
  });
  it('supports end of day N days later', () => {
    const settings = {
      priorities: [
        { name: 'Next day', respondHours: null, completeWithin: 1, completeUnit: 'end of day' as const },
      ],
    };
    expect(dueDate('Next day', d('2026-03-31T09:00:00Z'), settings, tz)?.toISOString()).toBe(
      '2026-04-01T21:59:59.000Z',
    );
  });
});

describe('respondBy', () => {
  it('adds the response hours to the request time', () => {
    expect(respondBy(d('2026-03-06T09:00:00Z'), 'P2 Urgent', DEFAULT_SETTINGS)?.toISOString()).toBe(
      '2026-03-06T13:00:00.000Z',
    );
    expect(respondBy(null, 'P2 Urgent', DEFAULT_SETTINGS)).toBeNull();
    expect(respondBy(d('2026-03-06T09:00:00Z'), 'nope', DEFAULT_SETTINGS)).toBeNull();
  });
});

describe('overdue and SLA', () => {
  const order = { status: 'In Progress' as const, due: d('2026-03-06T12:00:00Z') };
  it('is overdue only after the due time and while work is owed', () => {
    expect(isOverdue(order, d('2026-03-06T12:00:00Z'))).toBe(false);
    expect(isOverdue(order, d('2026-03-06T12:00:01Z'))).toBe(true);
    // On Hold stops the SLA clock: not overdue while held (resuming moves Due by the time held).
    expect(isOverdue({ ...order, status: 'On Hold' }, d('2026-03-07T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...order, status: 'Completed' }, d('2026-03-07T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...order, status: 'Closed' }, d('2026-03-07T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...order, due: null }, d('2026-03-07T00:00:00Z'))).toBe(false);
  });
  it('measures hours overdue', () => {
    expect(hoursOverdue(order, d('2026-03-07T13:30:00Z'))).toBe(25.5);
    expect(hoursOverdue(order, d('2026-03-06T11:00:00Z'))).toBe(0);
  });
  it('finds work due soon', () => {
    expect(isDueSoon(order, d('2026-03-05T13:00:00Z'), 24)).toBe(true);
    expect(isDueSoon(order, d('2026-03-05T11:00:00Z'), 24)).toBe(false);
    expect(isDueSoon(order, d('2026-03-06T13:00:00Z'), 24)).toBe(false); // already overdue
    expect(isDueSoon(order, d('2026-03-06T11:00:00Z'), 0)).toBe(false); // reminders off
  });
  it('says whether the SLA was met', () => {
    expect(slaMet({ due: d('2026-03-06T12:00:00Z'), completedAt: d('2026-03-06T12:00:00Z') })).toBe(true);
    expect(slaMet({ due: d('2026-03-06T12:00:00Z'), completedAt: d('2026-03-06T12:00:01Z') })).toBe(false);
    expect(slaMet({ due: null, completedAt: d('2026-03-06T12:00:00Z') })).toBeNull();
    expect(slaMet({ due: d('2026-03-06T12:00:00Z'), completedAt: null })).toBeNull();
  });
});
