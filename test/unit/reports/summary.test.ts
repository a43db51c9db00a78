/** Summary figures of the hand-computed sample (see sample.ts for the derivation of every number). */
import { computeReports } from '../../../src/core/reports';
import { SAMPLE } from './sample';

const data = computeReports(SAMPLE);
const s = data.summary;
const duration = (key: string) => s.durations.find((d) => d.key === key);
const value = (key: string) => s.values.find((v) => v.key === key)?.value;

describe('summary of the hand-computed sample', () => {
  test('counts by status and by group', () => {
    expect(Object.fromEntries(s.statusCounts.map((c) => [c.status, c.count]))).toEqual({
      Submitted: 1,
      Rejected: 1,
      Approved: 0,
      Assigned: 0,
      'In Progress': 1,
      'On Hold': 1,
      Completed: 1,
      Closed: 1,
      Cancelled: 1,
    });
    expect(s.unknownStatus).toBe(0);
    expect(s.groups.map((g) => [g.label, g.count])).toEqual([
      ['Open, not started', 1],
      ['In progress', 2],
      ['Completed, awaiting closure', 1],
      ['Closed', 1],
      ['Rejected or cancelled', 2],
    ]);
  });

  test('time to approve: A 2, B 1, C 4, F 2 (approved, then cancelled), G 1; E is rejected', () => {
    expect(duration('approve')).toMatchObject({
      count: 5,
      meanHours: 2,
      medianHours: 2,
      totalHours: 10,
      leftOut: 0,
    });
  });

  test('time to assign: A 4, B 24, C 4, G 1 (F was never assigned)', () => {
    expect(duration('assign')).toMatchObject({
      count: 4,
      meanHours: 8.25,
      medianHours: 4,
      totalHours: 33,
      leftOut: 0,
    });
  });

  test('time to complete from first assignment: A 48, B 54', () => {
    expect(duration('complete')).toMatchObject({ count: 2, meanHours: 51, medianHours: 51, totalHours: 102 });
  });

  test('time to close: A 24', () => {
    expect(duration('close')).toMatchObject({ count: 1, meanHours: 24, medianHours: 24, totalHours: 24 });
  });

  test('each KPI carries its definition', () => {
    for (const kpi of [...s.durations, ...s.values]) expect(kpi.definition.length).toBeGreaterThan(20);
    expect(duration('complete')?.definition).toMatch(/first assignment/);
  });

  test('SLA: A met, B missed; overdue: C; backlog: B, C, D, G', () => {
    expect(value('slaCompliance')).toBe(0.5);
    expect(value('slaMet')).toBe(1);
    expect(value('slaMissed')).toBe(1);
    expect(value('slaNoDue')).toBe(0);
    expect(value('overdue')).toBe(1);
    expect(value('backlog')).toBe(4);
    expect(value('total')).toBe(7);
  });

  test('breakdowns by category, priority and location', () => {
    const row = (
      key: string,
      total: number,
      open: number,
      overdue: number,
      done: number,
      met: number,
      missed: number,
      c: number | null,
    ) => ({
      key,
      total,
      open,
      overdue,
      done,
      slaMet: met,
      slaMissed: missed,
      slaCompliance: c,
    });
    expect(s.byCategory).toEqual([
      row('Electrical', 3, 1, 1, 1, 1, 0, 1),
      row('Plumbing', 3, 3, 0, 1, 0, 1, 0),
      row('(none)', 1, 0, 0, 0, 0, 0, null),
    ]);
    expect(s.byPriority).toEqual([
      row('P2', 3, 2, 1, 1, 1, 0, 1),
      row('P3', 2, 2, 0, 1, 0, 1, 0),
      row('P4', 2, 0, 0, 0, 0, 0, null),
    ]);
    expect(s.byLocation.map((r) => [r.key, r.total])).toEqual([
      ['=HYPERLINK("http://evil")', 1],
      ['Bldg A', 3],
      ['Bldg B', 3],
    ]);
  });

  test('built at, range and notes', () => {
    expect(data.builtAt.toISOString()).toBe('2026-03-04T12:00:00.000Z');
    expect(data.range.start?.toISOString()).toBe('2026-02-02T08:00:00.000Z');
    expect(data.range.end.toISOString()).toBe('2026-03-04T12:00:00.000Z');
    expect(data.changeLogRange.start?.toISOString()).toBe('2026-02-02T10:00:00.000Z');
    expect(data.changeLogRange.end?.toISOString()).toBe('2026-03-03T08:00:00.000Z');
    expect(data.notes).toEqual([
      '1 Status row(s) of the change log belong to records not in the register (archived or removed) and were left out of time in status.',
    ]);
  });
});
