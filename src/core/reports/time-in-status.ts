/**
 * Time spent in each status, from the change log. Each order's Status rows (already grouped and
 * sorted) are walked once: a stay lasts until the next status change, or until now for the status
 * the order is still in. Per status we keep each order's total, so mean and median are per order.
 */
import { STATUSES, type Status } from '../model';
import { isStatus, type OrderFacts } from './facts';
import { stepsOf, type StatusHistory } from './history';
import type { SkipNotes } from './notes';
import { durationStat } from './stats';
import type { StatusTime } from './types';

const FINAL: ReadonlySet<Status> = new Set(['Closed', 'Rejected', 'Cancelled']);
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
  const perStatus = new Map<Status, number[]>(STATUSES.map((s) => [s, []]));
  const visitsTotal = new Map<Status, number>(STATUSES.map((s) => [s, 0]));
  // Reused per order: the order's time and stays in each status.
  const spent = new Map<Status, number>();
  const stays = new Map<Status, number>();
  const add = (status: Status, ms: number) => {
    spent.set(status, (spent.get(status) ?? 0) + Math.max(0, ms));
    stays.set(status, (stays.get(status) ?? 0) + 1);
  };
  let returns = 0;
  let returnedOrders = 0;
  let inconsistent = 0;
  let unknownValue = 0;

  for (const f of facts) {
    spent.clear();
    stays.clear();
    const steps = stepsOf(history, f.index);
    if (steps.length === 0) {
      // Never changed status: a Submitted order has been waiting since it was requested.
      if (f.status === 'Submitted' && !Number.isNaN(f.requested)) add('Submitted', now - f.requested);
    } else {
      const first = steps[0];
      if (first && isStatus(first.from) && !FINAL.has(first.from) && f.requested <= first.at) {
        add(first.from, first.at - f.requested);
      }
      let returned = false;
      steps.forEach((step, i) => {
        if (step.from === 'Completed' && step.to === 'In Progress') {
          returns++;
          returned = true;
        }
        if (!isStatus(step.to)) {
          unknownValue++;
          return;
        }
        if (FINAL.has(step.to)) return;
        const next = steps[i + 1];
        if (next) add(step.to, next.at - step.at);
        else if (step.to === f.status) add(step.to, now - step.at);
        else inconsistent++;
      });
      if (returned) returnedOrders++;
    }
    for (const [status, ms] of spent) {
      perStatus.get(status)?.push(ms);
      visitsTotal.set(status, (visitsTotal.get(status) ?? 0) + (stays.get(status) ?? 0));
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
    const stat = durationStat(perStatus.get(status) ?? []);
    return {
      status,
      orders: stat.count,
      visits: visitsTotal.get(status) ?? 0,
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
