/**
 * Created / completed / closed / withdrawn per period and the backlog at each period's end, overall
 * and per category and priority. The orders are grouped once and each group's event times sorted
 * once (trendGroups); every figure of a period is then a difference of two binary searches, for the
 * weekly and the monthly grid alike: O(n log n) for the sorts, O(periods × log n) per series.
 */
import type { WorkOrder } from '../model';
import type { OrderFacts } from './facts';
import type { PeriodGrid } from './periods';
import { countBelow } from './stats';
import { keyOf, sortKeys } from './keys';
import type { TrendPoint, TrendSeries } from './types';

/** The event times of a set of orders, each list ascending (NaN left out). */
export interface EventTimes {
  created: Float64Array;
  completed: Float64Array;
  closed: Float64Array;
  withdrawn: Float64Array;
  /** When each order with a known request time left the backlog (the backlog's other side). */
  exits: Float64Array;
}

/** The orders' event times overall and per category and priority: what both grids' series share. */
export interface TrendGroups {
  total: EventTimes;
  byCategory: { key: string; times: EventTimes }[];
  byPriority: { key: string; times: EventTimes }[];
}

export function trendGroups(facts: readonly OrderFacts[]): TrendGroups {
  return {
    total: eventTimes(facts),
    byCategory: byKey(facts, (o) => o.category),
    byPriority: byKey(facts, (o) => o.priority),
  };
}

export function computeSeries(
  grid: PeriodGrid,
  facts: readonly OrderFacts[],
  now: number,
  groups: TrendGroups = trendGroups(facts),
): TrendSeries {
  return {
    periods: grid.periods,
    total: points(grid, groups.total, now),
    byCategory: groups.byCategory.map(({ key, times }) => ({ key, points: points(grid, times, now) })),
    byPriority: groups.byPriority.map(({ key, times }) => ({ key, points: points(grid, times, now) })),
  };
}

function byKey(facts: readonly OrderFacts[], pick: (o: WorkOrder) => unknown) {
  const groups = new Map<string, OrderFacts[]>();
  for (const f of facts) {
    const key = keyOf(pick(f.order));
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return sortKeys(groups.keys()).map((key) => ({ key, times: eventTimes(groups.get(key) ?? []) }));
}

function eventTimes(facts: readonly OrderFacts[]): EventTimes {
  const created: number[] = [];
  const completed: number[] = [];
  const closed: number[] = [];
  const withdrawn: number[] = [];
  const exits: number[] = [];
  const known = (t: number) => !Number.isNaN(t);
  for (const f of facts) {
    if (known(f.requested)) {
      created.push(f.requested);
      if (known(f.exit)) exits.push(f.exit);
    }
    if (f.done && known(f.completed)) completed.push(f.completed);
    if (!known(f.exit)) continue;
    if (f.status === 'Closed') closed.push(f.exit);
    else if (f.status === 'Rejected' || f.status === 'Cancelled') withdrawn.push(f.exit);
  }
  const sorted = (list: number[]) => Float64Array.from(list).sort();
  return {
    created: sorted(created),
    completed: sorted(completed),
    closed: sorted(closed),
    withdrawn: sorted(withdrawn),
    exits: sorted(exits),
  };
}

function points(grid: PeriodGrid, times: EventTimes, now: number): TrendPoint[] {
  const b = grid.bounds;
  // How many of an ascending list fall in period i, [b[i], b[i+1]).
  const within = (list: Float64Array, i: number) =>
    countBelow(list, b[i + 1] ?? -Infinity) - countBelow(list, b[i] ?? -Infinity);
  return grid.periods.map((_, i) => {
    // "Before the end of the period" for past periods; "up to now" for the current one.
    const t = Math.min(b[i + 1] ?? now, now + 1);
    return {
      created: within(times.created, i),
      completed: within(times.completed, i),
      closed: within(times.closed, i),
      withdrawn: within(times.withdrawn, i),
      backlog: countBelow(times.created, t) - countBelow(times.exits, t),
    };
  });
}
