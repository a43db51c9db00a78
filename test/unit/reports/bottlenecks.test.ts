/** Time in status, aging, overdue list and technicians of the hand-computed sample (see sample.ts). */
import { computeReports } from '../../../src/core/reports';
import { SAMPLE } from './sample';

const b = computeReports(SAMPLE).bottlenecks;
const time = (status: string) => [...b.timeInStatus, b.onHold].find((t) => t.status === status);

describe('bottlenecks of the hand-computed sample', () => {
  test('time in status per order: mean, median, total; final statuses are not timed', () => {
    expect(b.timeInStatus.map((t) => t.status)).toEqual([
      'Submitted',
      'Approved',
      'Assigned',
      'In Progress',
      'Completed',
    ]);
    // Submitted: A 2, B 1, C 4, D 24, E 12, F 2, G 1 → [1, 1, 2, 2, 4, 12, 24]
    expect(time('Submitted')).toEqual({
      status: 'Submitted',
      orders: 7,
      visits: 7,
      meanHours: expect.closeTo(46 / 7, 10),
      medianHours: 2,
      totalHours: 46,
    });
    // Approved: A 4, B 24, C 4, F 550, G 1
    expect(time('Approved')).toEqual({
      status: 'Approved',
      orders: 5,
      visits: 5,
      meanHours: 116.6,
      medianHours: 4,
      totalHours: 583,
    });
    // Assigned: A 18, B 2, C 16, G 18
    expect(time('Assigned')).toEqual({
      status: 'Assigned',
      orders: 4,
      visits: 4,
      meanHours: 13.5,
      medianHours: 17,
      totalHours: 54,
    });
    // In Progress: A 30, B 24 + 22, C 172, G 24 → per order [24, 30, 46, 172]; B stayed twice.
    expect(time('In Progress')).toEqual({
      status: 'In Progress',
      orders: 4,
      visits: 5,
      meanHours: 68,
      medianHours: 38,
      totalHours: 272,
    });
    // Completed: A 24, B 284 (still Completed at build time)
    expect(time('Completed')).toEqual({
      status: 'Completed',
      orders: 2,
      visits: 2,
      meanHours: 154,
      medianHours: 154,
      totalHours: 308,
    });
  });

  test('On Hold is shown apart: B 6, G 28 (still on hold)', () => {
    expect(b.onHold).toEqual({
      status: 'On Hold',
      orders: 2,
      visits: 2,
      meanHours: 17,
      medianHours: 17,
      totalHours: 34,
    });
    expect(b.returns).toEqual({ transitions: 0, orders: 0 });
  });

  test('aging of open work: D 1 d, G 3 d, C 8 d 4 h, B 15 d 3 h (lower bounds included)', () => {
    expect(b.agingUnknown).toBe(0);
    expect(b.aging.map((a) => [a.label, a.total])).toEqual([
      ['< 1 d', 0],
      ['1–3 d', 1],
      ['3–7 d', 1],
      ['7–30 d', 2],
      ['> 30 d', 0],
    ]);
    const nonZero = b.aging.map((a) =>
      a.byStatus.filter((s) => s.count > 0).map((s) => `${s.status}:${s.count}`),
    );
    expect(nonZero).toEqual([[], ['Submitted:1'], ['On Hold:1'], ['In Progress:1', 'Completed:1'], []]);
  });

  test('overdue list: C, due 03-03 08:00, 28 h late', () => {
    expect(b.overdueNotListed).toBe(0);
    expect(b.overdue).toEqual([
      {
        id: 'C',
        woNumber: 'WO-2026-00003',
        status: 'In Progress',
        priority: 'P2',
        category: 'Electrical',
        location: 'Bldg A',
        assignee: 'a@example.com',
        description: '-Sparks from outlet',
        due: new Date('2026-03-03T08:00:00Z'),
        daysOverdue: 28 / 24,
      },
    ]);
  });

  test('technicians: load, overdue, completions; idle active technicians listed; names from Staff', () => {
    const base = {
      assigned: 0,
      inProgress: 0,
      onHold: 0,
      load: 0,
      overdue: 0,
      awaitingClose: 0,
      completedInWindow: 0,
      completedAllTime: 0,
      medianHoursToComplete: null,
    };
    expect(b.technicians).toEqual([
      // b@example.com matches the Staff entry B@example.com case-insensitively.
      {
        ...base,
        email: 'B@example.com',
        name: '=Bob',
        onHold: 1,
        load: 1,
        awaitingClose: 1,
        completedInWindow: 1,
        completedAllTime: 1,
        medianHoursToComplete: 54,
      },
      {
        ...base,
        email: 'a@example.com',
        name: 'Ann Tech',
        inProgress: 1,
        load: 1,
        overdue: 1,
        completedInWindow: 1,
        completedAllTime: 1,
        medianHoursToComplete: 48,
      },
      { ...base, email: 'c@example.com', name: 'Cy' },
    ]);
  });
});
