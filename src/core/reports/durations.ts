/**
 * The four duration KPIs (time to approve, assign, complete, close): which orders count, and why an
 * order that should count was left out (missing, malformed or out-of-order dates).
 */
import { REGISTER_COLUMNS, type Status, type WorkOrder } from '../model';
import { dateIssue } from './dates';
import { DEFINITIONS } from './definitions';
import type { OrderFacts } from './facts';
import type { SkipNotes } from './notes';
import { durationStat } from './stats';
import type { DurationKpi } from './types';

const APPROVED: ReadonlySet<Status> = new Set([
  'Approved',
  'Assigned',
  'In Progress',
  'On Hold',
  'Completed',
  'Closed',
]);
const ASSIGNED: ReadonlySet<Status> = new Set(['Assigned', 'In Progress', 'On Hold', 'Completed', 'Closed']);

type Milestone = 'requested' | 'decided' | 'firstAssigned' | 'completed' | 'closed';
const MILESTONE_FIELD: Record<Milestone, keyof WorkOrder> = {
  requested: 'requestedAt',
  decided: 'decidedAt',
  firstAssigned: 'assignedAt',
  completed: 'completedAt',
  closed: 'closedAt',
};

interface DurationSpec {
  key: DurationKpi['key'];
  label: string;
  from: Milestone;
  to: Milestone;
  counts: (f: OrderFacts) => boolean;
}

const DURATIONS: DurationSpec[] = [
  {
    key: 'approve',
    label: 'Time to approve',
    from: 'requested',
    to: 'decided',
    counts: (f) =>
      f.status !== null &&
      (APPROVED.has(f.status) ||
        (f.status === 'Cancelled' && (!Number.isNaN(f.decided) || f.order.woNumber !== ''))),
  },
  {
    key: 'assign',
    label: 'Time to assign',
    from: 'decided',
    to: 'firstAssigned',
    counts: (f) =>
      f.status !== null &&
      (ASSIGNED.has(f.status) || (f.status === 'Cancelled' && !Number.isNaN(f.firstAssigned))),
  },
  {
    key: 'complete',
    label: 'Time to complete',
    from: 'firstAssigned',
    to: 'completed',
    counts: (f) => f.done,
  },
  {
    key: 'close',
    label: 'Time to close',
    from: 'completed',
    to: 'closed',
    counts: (f) => f.status === 'Closed',
  },
];

export function durationKpis(facts: readonly OrderFacts[], notes: SkipNotes): DurationKpi[] {
  return DURATIONS.map((spec) => {
    const values: number[] = [];
    let leftOut = 0;
    const figure = spec.label.toLowerCase();
    for (const f of facts) {
      if (!spec.counts(f)) continue;
      const reason = problem(f, spec.from, spec.to);
      if (reason) {
        leftOut++;
        notes.skip(reason, figure);
      } else {
        values.push(f[spec.to] - f[spec.from]);
      }
    }
    return {
      key: spec.key,
      label: spec.label,
      definition: DEFINITIONS[spec.key],
      leftOut,
      ...durationStat(values),
    };
  });
}

/** Why an order's duration cannot be measured, phrased for the notes; null when it can. */
function problem(f: OrderFacts, from: Milestone, to: Milestone): string | null {
  for (const m of [from, to]) {
    if (Number.isNaN(f[m])) {
      const field = MILESTONE_FIELD[m];
      const suffix = m === 'firstAssigned' ? ' (and no assignment in the change log)' : '';
      return `with a ${dateIssue(f.order[field])} ${REGISTER_COLUMNS[field]}${suffix}`;
    }
  }
  if (f[to] < f[from]) {
    return `whose ${REGISTER_COLUMNS[MILESTONE_FIELD[to]]} is before its ${REGISTER_COLUMNS[MILESTONE_FIELD[from]]}`;
  }
  return null;
}
