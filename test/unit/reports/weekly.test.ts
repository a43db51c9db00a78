/** The weekly KPI snapshot's week (ISO weeks in the zone, across DST) and its figures. */
import { previousWeek, snapshotRow, weekSnapshot } from '../../../src/core/reports/weekly';
import { isoWeekOf } from '../../../src/core/time';
import { at, order } from './fixtures';

describe('ISO weeks', () => {
  test('a week belongs to the year of its Thursday', () => {
    expect(isoWeekOf({ year: 2026, month: 12, day: 31 }).key).toBe('2026-W53');
    expect(isoWeekOf({ year: 2027, month: 1, day: 3 }).key).toBe('2026-W53');
    expect(isoWeekOf({ year: 2027, month: 1, day: 4 }).key).toBe('2027-W01');
    expect(isoWeekOf({ year: 2026, month: 1, day: 1 }).key).toBe('2026-W01');
    expect(isoWeekOf({ year: 2026, month: 11, day: 2 })).toMatchObject({
      key: '2026-W45',
      monday: { year: 2026, month: 11, day: 2 },
    });
  });

  test('the previous week in New York spans the night clocks went back: 169 hours', () => {
    // Monday 2 November 2026, 00:30 EST: the week of 26 October (DST ended on Sunday 1 November).
    const week = previousWeek(new Date('2026-11-02T05:30:00Z'), 'America/New_York');
    expect(week).toMatchObject({ key: '2026-W44', from: '2026-10-26', to: '2026-11-01' });
    expect(new Date(week.start).toISOString()).toBe('2026-10-26T04:00:00.000Z');
    expect(new Date(week.end).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect((week.end - week.start) / 3_600_000).toBe(169);
  });
});

describe('a week’s figures', () => {
  const week = previousWeek(new Date('2026-03-09T12:00:00Z'), 'UTC'); // 2026-03-02 .. 03-08
  const orders = [
    // Requested and completed in the week, on time: 1 h to respond, 2 h of repair less 1 h On Hold.
    order('A', {
      status: 'Completed',
      requestedAt: at('2026-03-02T08:00'),
      decidedAt: at('2026-03-02T09:00'),
      assignedAt: at('2026-03-02T09:00'),
      startedAt: at('2026-03-02T10:00'),
      completedAt: at('2026-03-02T12:00'),
      due: at('2026-03-03T12:00'),
    }),
    // Requested the week before, closed in the week.
    order('B', {
      status: 'Closed',
      requestedAt: at('2026-02-25T08:00'),
      decidedAt: at('2026-02-25T10:00'),
      completedAt: at('2026-02-27T10:00'),
      closedAt: at('2026-03-03T10:00'),
      due: at('2026-02-26T10:00'),
    }),
    // Requested after the week: not in it, nor in its backlog.
    order('C', { status: 'Submitted', requestedAt: at('2026-03-09T08:00') }),
  ];
  const changes = [
    {
      at: at('2026-03-02T10:30'),
      recordId: 'A',
      field: 'Status',
      oldValue: 'In Progress',
      newValue: 'On Hold',
    },
    {
      at: at('2026-03-02T11:30'),
      recordId: 'A',
      field: 'Status',
      oldValue: 'On Hold',
      newValue: 'In Progress',
    },
  ].map((c) => ({ ...c, user: '', source: 'system' as const, hash: '' }));
  const snapshot = weekSnapshot({ orders, changes, now: at('2026-03-09T12:00'), timeZone: 'UTC' }, week);

  test('counts, backlog and SLA of the week', () => {
    expect(snapshot).toMatchObject({
      created: 1,
      completed: 1,
      closed: 1,
      withdrawn: 0,
      backlogEnd: 1,
      slaMet: 1,
      slaMissed: 0,
      slaCompliance: 1,
      respondHours: 1,
      repairHours: 1,
    });
  });

  test('the row keeps the week as text and the figures as numbers', () => {
    const row = snapshotRow(snapshot);
    expect(row.slice(0, 3)).toEqual(['2026-W10', '2026-03-02', '2026-03-08']);
    expect(row.slice(4, 13)).toEqual([1, 1, 1, 0, 1, 0, 1, 0, 100]);
  });
});
