/**
 * The trends and time in status of a mixed data set (weeks and months across both of New York's DST
 * changes, reopened, held and withdrawn orders, unknown statuses, rows out of time order, bad dates)
 * against the plain way of computing them: every event bucketed one by one with periodIndex, and
 * every order's log steps walked as objects. The report computes both faster (sorted event times
 * counted per period; tallies in place) and must not change a figure.
 */
import { computeReports } from '../../../src/core/reports';
import { factsOf } from '../../../src/core/reports/compute';
import type { OrderFacts } from '../../../src/core/reports/facts';
import type { StatusHistory } from '../../../src/core/reports/history';
import { SkipNotes } from '../../../src/core/reports/notes';
import { periodIndex, type PeriodGrid } from '../../../src/core/reports/periods';
import { durationStat } from '../../../src/core/reports/stats';
import type { TrendPoint } from '../../../src/core/reports';
import { STATUSES, type ChangeLogEntry, type WorkOrder } from '../../../src/core/model';
import { order } from './fixtures';

const ZONE = 'America/New_York';
const NOW = new Date('2026-11-20T15:00:00Z');
const HOUR = 3_600_000;
/** Paths an order may have taken (the last one names a status no lifecycle has). */
const PATHS: string[][] = [
  ['Submitted'],
  ['Submitted', 'Rejected'],
  ['Submitted', 'Approved', 'Cancelled'],
  ['Submitted', 'Approved', 'Assigned', 'In Progress'],
  ['Submitted', 'Approved', 'Assigned', 'In Progress', 'On Hold', 'In Progress', 'Completed'],
  ['Submitted', 'Approved', 'Assigned', 'In Progress', 'Completed', 'In Progress', 'Completed', 'Closed'],
  ['Submitted', 'Approved', 'Assigned', 'In Progress', 'Completed', 'Closed'],
  ['Submitted', 'Approved', 'Parked', 'Assigned', 'On Hold'],
];

function dataSet(): { orders: WorkOrder[]; changes: ChangeLogEntry[] } {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const orders: WorkOrder[] = [];
  const changes: ChangeLogEntry[] = [];
  const start = Date.parse('2026-01-05T12:00:00Z');
  for (let i = 0; i < 600; i++) {
    const id = `REQ-${String(i).padStart(6, '0')}`;
    const path = PATHS[i % PATHS.length] ?? ['Submitted'];
    let t = start + Math.floor(random() * 320 * 24) * HOUR;
    const requested = t;
    const stamps: Partial<Record<string, number>> = {};
    for (let k = 1; k < path.length; k++) {
      t += Math.floor(1 + random() * 72) * HOUR;
      const to = path[k] ?? '';
      stamps[to] ??= t;
      changes.push({
        at: new Date(t),
        user: 'sup@example.com',
        source: 'sidebar',
        recordId: i % 53 === 0 ? 'REQ-GONE' : id,
        field: 'Status',
        oldValue: path[k - 1] ?? '',
        newValue: to,
        hash: '',
      });
    }
    const date = (status: string) => (stamps[status] === undefined ? null : new Date(stamps[status]));
    orders.push(
      order(id, {
        status: (path[path.length - 1] === 'Parked'
          ? 'Assigned'
          : path[path.length - 1]) as WorkOrder['status'],
        category: ['Electrical', 'Plumbing', '', 'HVAC'][i % 4] ?? '',
        priority: ['P1', 'P2', 'P3'][i % 3] ?? '',
        requestedAt: i % 41 === 0 ? (new Date(NaN) as Date) : new Date(requested),
        decidedAt: date('Approved') ?? date('Rejected'),
        assignedAt: date('Assigned'),
        startedAt: date('In Progress'),
        completedAt: date('Completed'),
        closedAt: date('Closed'),
        due: new Date(requested + 96 * HOUR),
      }),
    );
  }
  // Some rows written out of time order, and one with no usable time.
  for (let k = 5; k + 1 < changes.length; k += 37) {
    const a = changes[k] as ChangeLogEntry;
    changes[k] = changes[k + 1] as ChangeLogEntry;
    changes[k + 1] = a;
  }
  changes.push({ ...(changes[0] as ChangeLogEntry), at: new Date(NaN) });
  return { orders, changes };
}

/** Each event bucketed on its own, as the trends were first computed. */
function plainPoints(grid: PeriodGrid, facts: readonly OrderFacts[], now: number): TrendPoint[] {
  const out = grid.periods.map(() => ({ created: 0, completed: 0, closed: 0, withdrawn: 0, backlog: 0 }));
  const bump = (t: number, field: 'created' | 'completed' | 'closed' | 'withdrawn') => {
    const p = out[periodIndex(grid, t)];
    if (p) p[field]++;
  };
  for (const f of facts) {
    bump(f.requested, 'created');
    if (f.done) bump(f.completed, 'completed');
    if (f.status === 'Closed') bump(f.exit, 'closed');
    else if (f.status === 'Rejected' || f.status === 'Cancelled') bump(f.exit, 'withdrawn');
  }
  out.forEach((p, i) => {
    const t = Math.min(grid.bounds[i + 1] ?? now, now + 1);
    const requested = facts.filter((f) => !Number.isNaN(f.requested));
    p.backlog = requested.filter((f) => f.requested < t).length - requested.filter((f) => f.exit < t).length;
  });
  return out;
}

/** Every order's steps as objects, stays summed in Maps, as time in status was first computed. */
function plainTimeInStatus(facts: readonly OrderFacts[], history: StatusHistory, now: number) {
  const perStatus = new Map<string, number[]>(STATUSES.map((s) => [s, []]));
  const visits = new Map<string, number>(STATUSES.map((s) => [s, 0]));
  const final = new Set(['Closed', 'Rejected', 'Cancelled']);
  const known = new Set<string>(STATUSES);
  for (const f of facts) {
    const spent = new Map<string, number>();
    const stays = new Map<string, number>();
    const add = (s: string, ms: number) => {
      spent.set(s, (spent.get(s) ?? 0) + Math.max(0, ms));
      stays.set(s, (stays.get(s) ?? 0) + 1);
    };
    const steps: { at: number; from: string; to: string }[] = [];
    for (let k = history.start[f.index] ?? 0; k < (history.start[f.index + 1] ?? 0); k++) {
      const i = history.rows[k] ?? 0;
      const row = history.changes[i] as ChangeLogEntry;
      steps.push({ at: history.atMs[i] ?? NaN, from: row.oldValue, to: row.newValue });
    }
    if (steps.length === 0) {
      if (f.status === 'Submitted' && !Number.isNaN(f.requested)) add('Submitted', now - f.requested);
    } else {
      const first = steps[0]!;
      if (known.has(first.from) && !final.has(first.from) && f.requested <= first.at)
        add(first.from, first.at - f.requested);
      steps.forEach((step, i) => {
        if (!known.has(step.to) || final.has(step.to)) return;
        const next = steps[i + 1];
        if (next) add(step.to, next.at - step.at);
        else if (step.to === f.status) add(step.to, now - step.at);
      });
    }
    for (const [s, ms] of spent) {
      perStatus.get(s)?.push(ms);
      visits.set(s, (visits.get(s) ?? 0) + (stays.get(s) ?? 0));
    }
  }
  return STATUSES.map((status) => ({
    status,
    visits: visits.get(status),
    ...durationStat(perStatus.get(status) ?? []),
  }));
}

describe('trends and time in status against the plain computation', () => {
  const input = { ...dataSet(), now: NOW, timeZone: ZONE, weeks: 52, months: 12 };
  const data = computeReports(input);
  const { facts, history } = factsOf(input, new SkipNotes());
  const now = NOW.getTime();

  test('the data set crosses both DST changes and has every kind of event', () => {
    const labels = data.trends.weekly.periods.map((p) => p.label);
    expect(labels).toContain('2026-03-02'); // the week New York moves its clocks forward
    expect(labels).toContain('2026-10-26'); // and the week it moves them back
    const total = (k: keyof TrendPoint) => data.trends.weekly.total.reduce((n, p) => n + p[k], 0);
    for (const k of ['created', 'completed', 'closed', 'withdrawn'] as const)
      expect(total(k)).toBeGreaterThan(0);
  });

  test('every weekly and monthly point, overall and per category and priority', () => {
    for (const series of [data.trends.weekly, data.trends.monthly]) {
      // The grid the report used, rebuilt from its periods.
      const starts = series.periods.map((p) => p.start.getTime());
      const used: PeriodGrid = {
        periods: series.periods,
        bounds: new Float64Array([...starts, series.periods.at(-1)?.end.getTime() ?? NaN]),
      };
      expect(series.total).toEqual(plainPoints(used, facts, now));
      for (const { key, points } of series.byCategory) {
        const mine = facts.filter((f) => (String(f.order.category).trim() || '(none)') === key);
        expect(points).toEqual(plainPoints(used, mine, now));
      }
      for (const { key, points } of series.byPriority) {
        const mine = facts.filter((f) => (String(f.order.priority).trim() || '(none)') === key);
        expect(points).toEqual(plainPoints(used, mine, now));
      }
    }
  });

  test('time in every status, its visits, and the orders that spent time in it', () => {
    const plain = plainTimeInStatus(facts, history, now);
    const reported = [...data.bottlenecks.timeInStatus, data.bottlenecks.onHold];
    expect(reported.length).toBeGreaterThan(1);
    for (const row of reported) {
      const expected = plain.find((p) => p.status === row.status)!;
      expect(row).toEqual({
        status: row.status,
        orders: expected.count,
        visits: expected.visits,
        meanHours: expected.meanHours,
        medianHours: expected.medianHours,
        totalHours: expected.totalHours,
      });
    }
    expect(data.bottlenecks.onHold.visits).toBeGreaterThan(0);
  });
});
