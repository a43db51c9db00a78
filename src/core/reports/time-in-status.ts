/**
 * Time spent in each status, from the change log. Each order's Status rows (already grouped and
 * sorted) are walked once: a stay lasts until the next status change, or until now for the status
 * the order is still in. Per status we keep each order's total, so mean and median are per order.
 */
import { STATUSES, type Status } from '../model';
import type { OrderFacts } from './facts';
import { UNKNOWN_STATUS, statusCode, type StatusHistory } from './history';
import type { SkipNotes } from './notes';
import { durationStat } from './stats';
import type { StatusTime } from './types';

/** Each lifecycle status's place in STATUSES: per-order tallies are typed arrays indexed by it. */
const STATUS_INDEX: ReadonlyMap<string, number> = new Map(STATUSES.map((s, i) => [s, i]));
const FINAL: readonly boolean[] = STATUSES.map(
  (s) => s === 'Closed' || s === 'Rejected' || s === 'Cancelled',
);
const SUBMITTED = STATUSES.indexOf('Submitted');
const COMPLETED = statusCode('Completed');
const IN_PROGRESS = statusCode('In Progress');
const TIMED: readonly Status[] = ['Submitted', 'Approved', 'Assigned', 'In Progress', 'Completed'];

export interface TimeInStatusResult {
  timeInStatus: StatusTime[];
  onHold: StatusTime;
  returns: { transitions: number; orders: number };
}

export function computeTimeInStatus(
  facts: readonly OrderFacts[],
  history: StatusHistory,
  now: number,
  notes: SkipNotes,
): TimeInStatusResult {
  // Per status (by its place in STATUSES): each order's total, and the stays of all orders.
  const perStatus: number[][] = STATUSES.map(() => []);
  const visitsTotal = new Float64Array(STATUSES.length);
  // Reused per order: the order's time and stays in each status, and which statuses it touched.
  const spent = new Float64Array(STATUSES.length);
  const stays = new Float64Array(STATUSES.length);
  const touched: number[] = [];
  const add = (status: number, ms: number) => {
    if (stays[status] === 0) touched.push(status);
    spent[status] = (spent[status] ?? 0) + Math.max(0, ms);
    stays[status] = (stays[status] ?? 0) + 1;
  };
  let returns = 0;
  let returnedOrders = 0;
  let inconsistent = 0;
  let unknownValue = 0;
  const { atMs, fromCode, toCode, rows } = history;

  for (const f of facts) {
    touched.length = 0;
    // The order's Status rows, in time order, read in place (no per-order copy).
    const begin = history.start[f.index] ?? 0;
    const end = history.start[f.index + 1] ?? 0;
    if (begin === end) {
      // Never changed status: a Submitted order has been waiting since it was requested.
      if (f.status === 'Submitted' && !Number.isNaN(f.requested)) add(SUBMITTED, now - f.requested);
    } else {
      const firstAt = atMs[rows[begin] ?? 0] ?? NaN;
      const firstFrom = fromCode[rows[begin] ?? 0] ?? UNKNOWN_STATUS;
      if (firstFrom !== UNKNOWN_STATUS && !FINAL[firstFrom] && f.requested <= firstAt) {
        add(firstFrom, firstAt - f.requested);
      }
      const current = f.status === null ? UNKNOWN_STATUS : statusCode(f.status);
      let returned = false;
      for (let k = begin; k < end; k++) {
        const i = rows[k] ?? 0;
        const to = toCode[i] ?? UNKNOWN_STATUS;
        if (fromCode[i] === COMPLETED && to === IN_PROGRESS) {
          returns++;
          returned = true;
        }
        if (to === UNKNOWN_STATUS) {
          unknownValue++;
          continue;
        }
        if (FINAL[to]) continue;
        const at = atMs[i] ?? NaN;
        if (k + 1 < end) add(to, (atMs[rows[k + 1] ?? 0] ?? NaN) - at);
        else if (to === current) add(to, now - at);
        else inconsistent++;
      }
      if (returned) returnedOrders++;
    }
    // In the order the statuses were first met, as the per-order Map kept them (medians do not care).
    for (const status of touched) {
      perStatus[status]?.push(spent[status] ?? 0);
      visitsTotal[status] = (visitsTotal[status] ?? 0) + (stays[status] ?? 0);
      spent[status] = 0;
      stays[status] = 0;
    }
  }
  if (inconsistent > 0) {
    notes.skip(
      'whose last logged status differs from the register',
      'the time in their last logged status',
      inconsistent,
    );
  }
  if (unknownValue > 0)
    notes.add(`${unknownValue} Status row(s) of the change log name an unknown status and were ignored.`);

  const timeOf = (status: Status): StatusTime => {
    const i = STATUS_INDEX.get(status) ?? -1;
    const stat = durationStat(perStatus[i] ?? []);
    return {
      status,
      orders: stat.count,
      visits: visitsTotal[i] ?? 0,
      meanHours: stat.meanHours,
      medianHours: stat.medianHours,
      totalHours: stat.totalHours,
    };
  };
  return {
    timeInStatus: TIMED.map(timeOf),
    onHold: timeOf('On Hold'),
    returns: { transitions: returns, orders: returnedOrders },
  };
}
