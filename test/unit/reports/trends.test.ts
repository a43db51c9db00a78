/** Weekly and monthly trends of the hand-computed sample (see sample.ts). */
import { computeReports } from '../../../src/core/reports';
import type { TrendPoint } from '../../../src/core/reports';
import { SAMPLE } from './sample';

const { weekly, monthly } = computeReports(SAMPLE).trends;

/** Columns → rows, to write expectations as one line per measure. */
function columns(points: TrendPoint[]) {
  return {
    created: points.map((p) => p.created),
    completed: points.map((p) => p.completed),
    closed: points.map((p) => p.closed),
    withdrawn: points.map((p) => p.withdrawn),
    backlog: points.map((p) => p.backlog),
  };
}

describe('trends of the hand-computed sample', () => {
  test('weeks start on Monday and are labelled by ISO date', () => {
    expect(weekly.periods.map((p) => p.label)).toEqual([
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
    ]);
    expect(weekly.periods[0]?.start.toISOString()).toBe('2026-02-09T00:00:00.000Z');
    expect(weekly.periods[3]?.end.toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  test('weekly totals', () => {
    // created: A | B, E | C, G (Sunday 03-01) | D — F (02-02) is before the window.
    // backlog at each week's end: {F} | {F, B} | {B, C, G} | {B, C, G, D} at now.
    expect(columns(weekly.total)).toEqual({
      created: [1, 2, 2, 1],
      completed: [1, 1, 0, 0],
      closed: [1, 0, 0, 0],
      withdrawn: [0, 1, 1, 0],
      backlog: [1, 2, 3, 4],
    });
  });

  test('backlog moves by created − closed − withdrawn from one week to the next', () => {
    const t = weekly.total;
    for (let i = 1; i < t.length; i++) {
      const [prev, cur] = [t[i - 1] as TrendPoint, t[i] as TrendPoint];
      expect(cur.backlog).toBe(prev.backlog + cur.created - cur.closed - cur.withdrawn);
    }
  });

  test('weekly by category and priority', () => {
    expect(weekly.byCategory.map((g) => g.key)).toEqual(['Electrical', 'Plumbing', '(none)']);
    // Electrical: A (created, completed, closed in week 1), E (created and rejected in week 2), C (week 3).
    expect(columns(weekly.byCategory[0]?.points ?? [])).toEqual({
      created: [1, 1, 1, 0],
      completed: [1, 0, 0, 0],
      closed: [1, 0, 0, 0],
      withdrawn: [0, 1, 0, 0],
      backlog: [0, 0, 1, 1],
    });
    expect(weekly.byPriority.map((g) => g.key)).toEqual(['P2', 'P3', 'P4']);
    // P4: F (created before the window, cancelled 02-25), E (created and rejected in week 2).
    expect(columns(weekly.byPriority[2]?.points ?? [])).toEqual({
      created: [0, 1, 0, 0],
      completed: [0, 0, 0, 0],
      closed: [0, 0, 0, 0],
      withdrawn: [0, 1, 1, 0],
      backlog: [1, 1, 0, 0],
    });
  });

  test('monthly totals', () => {
    expect(monthly.periods.map((p) => p.label)).toEqual(['2026-02', '2026-03']);
    // February: A, B, C, E, F created; backlog at March 1st: B, C. March: D, G; backlog now: B, C, D, G.
    expect(columns(monthly.total)).toEqual({
      created: [5, 2],
      completed: [2, 0],
      closed: [1, 0],
      withdrawn: [2, 0],
      backlog: [2, 4],
    });
  });
});
