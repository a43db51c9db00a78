/**
 * Created / completed / closed / withdrawn per period and the backlog at each period's end, overall
 * and per category and priority. Each series is a sort plus binary searches: O(n log n).
 */
import type { WorkOrder } from '../model';
import type { OrderFacts } from './facts';
import { periodIndex, type PeriodGrid } from './periods';
import { countBelow } from './stats';
import { keyOf, sortKeys } from './keys';
import type { TrendPoint, TrendSeries } from './types';

export function computeSeries(grid: PeriodGrid, facts: readonly OrderFacts[], now: number): TrendSeries {
  return {
    periods: grid.periods,
    total: points(grid, facts, now),
    byCategory: byKey(grid, facts, now, (o) => o.category),
    byPriority: byKey(grid, facts, now, (o) => o.priority),
  };
}

function byKey(grid: PeriodGrid, facts: readonly OrderFacts[], now: number, pick: (o: WorkOrder) => unknown) {
  const groups = new Map<string, OrderFacts[]>();
  for (const f of facts) {
    const key = keyOf(pick(f.order));
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return sortKeys(groups.keys()).map((key) => ({ key, points: points(grid, groups.get(key) ?? [], now) }));
}

function points(grid: PeriodGrid, facts: readonly OrderFacts[], now: number): TrendPoint[] {
  const out: TrendPoint[] = grid.periods.map(() => ({
    created: 0,
    completed: 0,
    closed: 0,
    withdrawn: 0,
    backlog: 0,
  }));
  const created: number[] = [];
  const exits: number[] = [];
  const bump = (t: number, field: Exclude<keyof TrendPoint, 'backlog'>) => {
    const i = periodIndex(grid, t);
    const p = out[i];
    if (p) p[field]++;
  };
  for (const f of facts) {
    bump(f.requested, 'created');
    if (f.done) bump(f.completed, 'completed');
    if (f.status === 'Closed') bump(f.exit, 'closed');
    else if (f.status === 'Rejected' || f.status === 'Cancelled') bump(f.exit, 'withdrawn');
    if (!Number.isNaN(f.requested)) {
      created.push(f.requested);
      if (!Number.isNaN(f.exit)) exits.push(f.exit);
    }
  }
  const createdSorted = Float64Array.from(created).sort();
  const exitsSorted = Float64Array.from(exits).sort();
  out.forEach((p, i) => {
    // "Before the end of the period" for past periods; "up to now" for the current one.
    const t = Math.min(grid.bounds[i + 1] ?? now, now + 1);
    p.backlog = countBelow(createdSorted, t) - countBelow(exitsSorted, t);
  });
  return out;
}
