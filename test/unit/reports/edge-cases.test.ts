/** Edge cases: empty register, everything open, a one-day range, bad dates, a twice-reopened order. */
import type { WorkOrder } from '../../../src/core/model';
import { computeReports, reportTables } from '../../../src/core/reports';
import type { ReportData } from '../../../src/core/reports';
import { at, moved, order, path } from './fixtures';

const NOW = at('2026-03-04T12:00');
const time = (data: ReportData, status: string) =>
  [...data.bottlenecks.timeInStatus, data.bottlenecks.onHold].find((t) => t.status === status);
const duration = (data: ReportData, key: string) => data.summary.durations.find((d) => d.key === key);
const value = (data: ReportData, key: string) => data.summary.values.find((v) => v.key === key)?.value;

function expectRectangular(data: ReportData): void {
  for (const tab of reportTables(data)) {
    const width = tab.values[0]?.length ?? 0;
    expect(width).toBeGreaterThan(1);
    for (const row of tab.values) expect(row).toHaveLength(width);
  }
}

describe('empty register', () => {
  const data = computeReports({ orders: [], changes: [], now: NOW, timeZone: 'UTC' });

  test('every figure is zero or empty, nothing is left out', () => {
    expect(data.summary.statusCounts.every((c) => c.count === 0)).toBe(true);
    for (const d of data.summary.durations) {
      expect(d).toMatchObject({ count: 0, meanHours: null, medianHours: null, totalHours: 0, leftOut: 0 });
    }
    expect(value(data, 'slaCompliance')).toBeNull();
    expect(value(data, 'overdue')).toBe(0);
    expect(value(data, 'backlog')).toBe(0);
    expect(data.range.start).toBeNull();
    expect(data.changeLogRange).toEqual({ start: null, end: null });
    // No data: only the current week and month, no empty periods before them.
    expect(data.trends.weekly.periods).toHaveLength(1);
    expect(data.trends.monthly.periods).toHaveLength(1);
    expect(data.trends.weekly.total.every((p) => p.created + p.backlog === 0)).toBe(true);
    expect(data.trends.weekly.byCategory).toEqual([]);
    expect(data.bottlenecks.timeInStatus.every((t) => t.orders === 0 && t.meanHours === null)).toBe(true);
    expect(data.bottlenecks.aging.every((a) => a.total === 0)).toBe(true);
    expect(data.bottlenecks.overdue).toEqual([]);
    expect(data.bottlenecks.technicians).toEqual([]);
    expect(data.notes).toEqual([]);
  });

  test('the tabs still build, say they cover no data, and every row has the same width', () => {
    expectRectangular(data);
    const [summary] = reportTables(data);
    expect(summary?.values[2]?.slice(0, 2)).toEqual([
      'Covers',
      'No dated work orders in the register as of 2026-03-04 (0 rows)',
    ]);
  });
});

describe('everything open', () => {
  // O1 Submitted since 02-20 12:00 (288 h), O2 approved after 24 h and Approved since 02-26 12:00 (144 h),
  // O3 Submitted since 03-04 06:00 (6 h).
  const orders = [
    order('O1', { status: 'Submitted', requestedAt: at('2026-02-20T12:00') }),
    order('O2', {
      status: 'Approved',
      requestedAt: at('2026-02-25T12:00'),
      decidedAt: at('2026-02-26T12:00'),
      due: at('2026-03-30T12:00'),
    }),
    order('O3', { status: 'Submitted', requestedAt: at('2026-03-04T06:00') }),
  ];
  const changes = [moved('O2', '2026-02-26T12:00', 'Submitted', 'Approved')];
  const data = computeReports({ orders, changes, now: NOW, timeZone: 'UTC', weeks: 2 });

  test('no completions: SLA and completion times are empty, backlog is everything', () => {
    expect(duration(data, 'approve')).toMatchObject({ count: 1, meanHours: 24, medianHours: 24 });
    expect(duration(data, 'complete')).toMatchObject({ count: 0, meanHours: null, leftOut: 0 });
    expect(value(data, 'slaCompliance')).toBeNull();
    expect(value(data, 'slaNoDue')).toBe(0);
    expect(value(data, 'backlog')).toBe(3);
    expect(value(data, 'overdue')).toBe(0);
  });

  test('backlog accumulates week by week', () => {
    expect(data.trends.weekly.periods.map((p) => p.label)).toEqual(['2026-02-23', '2026-03-02']);
    expect(data.trends.weekly.total).toEqual([
      { created: 1, completed: 0, closed: 0, withdrawn: 0, backlog: 2 },
      { created: 1, completed: 0, closed: 0, withdrawn: 0, backlog: 3 },
    ]);
  });

  test('time in the current status runs until now; aging puts exactly 7 days in 7–30 d', () => {
    expect(time(data, 'Submitted')).toMatchObject({ orders: 3, totalHours: 318, medianHours: 24 });
    expect(time(data, 'Approved')).toMatchObject({ orders: 1, totalHours: 144 });
    expect(data.bottlenecks.aging.map((a) => a.total)).toEqual([1, 0, 0, 2, 0]);
  });
});

describe('a one-day range', () => {
  const now = at('2026-03-04T18:00');
  const orders = [
    order('R1', {
      status: 'Closed',
      requestedAt: at('2026-03-04T08:00'),
      decidedAt: at('2026-03-04T09:00'),
      assignedAt: at('2026-03-04T10:00'),
      completedAt: at('2026-03-04T14:00'),
      closedAt: at('2026-03-04T16:00'),
      due: at('2026-03-04T17:00'),
    }),
    order('R2', { status: 'Submitted', requestedAt: at('2026-03-04T12:00') }),
  ];
  const data = computeReports({ orders, changes: [], now, timeZone: 'UTC', weeks: 1, months: 1 });

  test('figures over a single day', () => {
    expect(data.summary.durations.map((d) => [d.key, d.meanHours])).toEqual([
      ['respond', 1],
      ['approve', 1],
      ['assign', 1],
      ['repair', null], // never started: no repair time to measure
      ['complete', 4],
      ['close', 2],
    ]);
    expect(value(data, 'slaCompliance')).toBe(1);
    expect(data.trends.weekly.total).toEqual([
      { created: 2, completed: 1, closed: 1, withdrawn: 0, backlog: 1 },
    ]);
    expect(data.trends.monthly.total).toEqual([
      { created: 2, completed: 1, closed: 1, withdrawn: 0, backlog: 1 },
    ]);
  });

  test('each tab states the single day it covers', () => {
    const [summary, trends] = reportTables(data);
    expect(summary?.values[2]?.[1]).toBe('Work orders requested 2026-03-04 to 2026-03-04 (2 work orders)');
    expect(trends?.values[2]?.[1]).toBe(
      "1 week from 2026-03-02 to the week of 2026-03-02; 1 month from 2026-03 to 2026-03 (the data's own range, as of 2026-03-04)",
    );
    expectRectangular(data);
  });
});

describe('missing and malformed dates', () => {
  const malformed = new Date('not a date');
  const orders: WorkOrder[] = [
    // M1: no Requested At → out of time to approve, created counts and aging; still closed and SLA-measured.
    order('M1', {
      status: 'Closed',
      decidedAt: at('2026-02-10T10:00'),
      assignedAt: at('2026-02-10T11:00'),
      completedAt: at('2026-02-10T15:00'),
      closedAt: at('2026-02-11T09:00'),
      due: at('2026-02-12T00:00'),
    }),
    // M2: malformed Requested At, Decided At is text, no Completed At.
    order('M2', {
      status: 'Completed',
      requestedAt: malformed,
      decidedAt: 'yesterday' as unknown as Date,
      assignedAt: at('2026-02-20T10:00'),
      due: at('2026-02-25T00:00'),
    }),
    // M3: decided before it was requested.
    order('M3', {
      status: 'Approved',
      requestedAt: at('2026-03-01T10:00'),
      decidedAt: at('2026-03-01T08:00'),
    }),
    // M4: fine, except a malformed Due.
    order('M4', {
      status: 'In Progress',
      requestedAt: at('2026-03-02T10:00'),
      decidedAt: at('2026-03-02T12:00'),
      assignedAt: at('2026-03-02T13:00'),
      due: malformed,
    }),
    // M5: cancelled with no log row and no stamp: its Requested At is the best finish time we have.
    order('M5', { status: 'Cancelled', requestedAt: at('2026-03-03T10:00') }),
    // M6: a Status the lifecycle does not know.
    order('M6', { status: 'Waiting' as WorkOrder['status'], requestedAt: at('2026-03-03T11:00') }),
  ];
  const changes = [{ ...moved('M4', '2026-03-02T13:00', 'Approved', 'Assigned'), at: malformed }];
  const data = computeReports({ orders, changes, now: NOW, timeZone: 'UTC', weeks: 4 });

  test('unusable rows are left out of exactly the figures that need the bad date', () => {
    expect(duration(data, 'approve')).toMatchObject({ count: 1, meanHours: 2, leftOut: 3 });
    // M2's Decided At is text; M1: 1 h; M3: no assignment; M4: 1 h.
    expect(duration(data, 'assign')).toMatchObject({ count: 2, meanHours: 1, leftOut: 1 });
    expect(duration(data, 'complete')).toMatchObject({ count: 1, meanHours: 4, leftOut: 1 });
    expect(duration(data, 'close')).toMatchObject({ count: 1, meanHours: 18, leftOut: 0 });
    expect(value(data, 'slaMet')).toBe(1);
    expect(value(data, 'slaCompliance')).toBe(1);
    expect(value(data, 'overdue')).toBe(0);
    expect(data.summary.unknownStatus).toBe(1);
    expect(data.bottlenecks.agingUnknown).toBe(1);
  });

  test('notes say how many rows were left out of which figure, and why', () => {
    expect(data.notes).toEqual(
      expect.arrayContaining([
        '1 work order with a missing Requested At was left out of time to approve.',
        '1 work order with a malformed Requested At was left out of time to approve.',
        '1 work order whose Decided At is before its Requested At was left out of time to approve.',
        '1 work order with a malformed Decided At was left out of time to assign.',
        '1 work order with a missing Completed At was left out of SLA compliance.',
        '1 work order with a missing Completed At was left out of time to complete.',
        '1 work order with a malformed Due was left out of the overdue count.',
        '1 work order with a Status that is not a lifecycle status was left out of the status-based figures.',
        '1 work order with a missing or malformed Requested At was left out of aging.',
        '1 Status row(s) of the change log with a missing or malformed time were left out.',
        '1 finished work order(s) had no recorded finish time; their latest recorded date was used for the backlog.',
      ]),
    );
  });

  test('trends count what they can: M1 closes without a creation; M5 enters and leaves the backlog', () => {
    const weeks = data.trends.weekly;
    expect(weeks.total.map((p) => p.closed)).toEqual([1, 0, 0, 0]);
    // M3 on Sunday 03-01 (week of 02-23); M4, M5, M6 in the week of 03-02.
    expect(weeks.total.map((p) => p.created)).toEqual([0, 0, 1, 3]);
    expect(weeks.total.map((p) => p.withdrawn)).toEqual([0, 0, 0, 1]);
    // Backlog counts rows with a usable Requested At: M3, M4, M6 (M5 has left).
    expect(weeks.total.map((p) => p.backlog)).toEqual([0, 0, 1, 3]);
    expect(data.range.start?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expectRectangular(data);
  });
});

describe('a work order reopened twice', () => {
  // First assignment 02-16 10:00; reassigned on 02-19 09:00 (the register keeps the latest).
  const reopened: [string, WorkOrder['status'], WorkOrder['status']][] = [
    ['2026-02-16T09:00', 'Submitted', 'Approved'],
    ['2026-02-16T10:00', 'Approved', 'Assigned'],
    ['2026-02-16T12:00', 'Assigned', 'In Progress'],
    ['2026-02-17T12:00', 'In Progress', 'Completed'],
    ['2026-02-18T12:00', 'Completed', 'In Progress'],
    ['2026-02-18T18:00', 'In Progress', 'Completed'],
    ['2026-02-19T18:00', 'Completed', 'In Progress'],
  ];
  const common = {
    requestedAt: at('2026-02-16T08:00'),
    decidedAt: at('2026-02-16T09:00'),
    assignedAt: at('2026-02-19T09:00'),
    due: at('2026-02-21T00:00'),
  };
  const orders = [
    order('R', { ...common, status: 'Completed', completedAt: at('2026-02-20T06:00') }),
    // Still in rework: its Completed At is from the second completion and must not count.
    order('R2', { ...common, status: 'In Progress', completedAt: at('2026-02-18T18:00') }),
  ];
  const changes = [
    ...path('R', [...reopened, ['2026-02-20T06:00', 'In Progress', 'Completed']]),
    ...path('R2', reopened),
  ];
  const data = computeReports({ orders, changes, now: NOW, timeZone: 'UTC', weeks: 4 });

  test('each stay is timed and summed per order', () => {
    // R: In Progress 24 + 6 + 12 = 42; Completed 24 + 24 + 294 (02-20 06:00 → now).
    // R2: In Progress 24 + 6 + 306 (02-19 18:00 → now); Completed 24 + 24.
    expect(time(data, 'In Progress')).toMatchObject({
      orders: 2,
      visits: 6,
      totalHours: 378,
      meanHours: 189,
    });
    expect(time(data, 'Completed')).toMatchObject({
      orders: 2,
      visits: 5,
      totalHours: 390,
      medianHours: 195,
    });
    expect(time(data, 'Assigned')).toMatchObject({ orders: 2, visits: 2, totalHours: 4 });
    expect(data.bottlenecks.returns).toEqual({ transitions: 4, orders: 2 });
  });

  test('time to assign uses the first assignment; time to complete runs to the last completion', () => {
    expect(duration(data, 'assign')).toMatchObject({ count: 2, meanHours: 1 });
    // R only: 02-16 10:00 → 02-20 06:00 = 92 h.
    expect(duration(data, 'complete')).toMatchObject({ count: 1, meanHours: 92, leftOut: 0 });
  });

  test('completed once, in the week of the last completion; the order in rework is open and not measured', () => {
    // The data's own range: one week (no empty weeks padded before or after it).
    expect(data.trends.weekly.total.map((p) => p.completed)).toEqual([1]);
    expect(value(data, 'slaMet')).toBe(1);
    expect(value(data, 'slaMissed')).toBe(0);
    expect(value(data, 'backlog')).toBe(2);
    expect(value(data, 'overdue')).toBe(1);
  });
});
