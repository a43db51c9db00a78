/**
 * The duration KPIs (mean time to respond, time to approve and assign, MTTR, time to complete and to
 * close): which orders count, and why an order that should count was left out (missing, malformed or
 * out-of-order dates). Every milestone is compared at whole seconds (see facts.ts).
 */
import { REGISTER_COLUMNS, type Status, type WorkOrder } from '../model';
import { dateIssue } from './dates';
import { DEFINITIONS } from './definitions';
import type { OrderFacts } from './facts';
import type { SkipNotes } from './notes';
import { durationStat } from './stats';
import type { DurationKpi } from './types';

const ASSIGNED: ReadonlySet<Status> = new Set(['Assigned', 'In Progress', 'On Hold', 'Completed', 'Closed']);
/** An order that was ever assigned was approved first. */
const APPROVED: ReadonlySet<Status> = new Set(['Approved', ...ASSIGNED]);

type Milestone = 'requested' | 'decided' | 'firstAssigned' | 'started' | 'completed' | 'closed';
const MILESTONE_FIELD: Record<Milestone, keyof WorkOrder> = {
  requested: 'requestedAt',
  decided: 'decidedAt',
  firstAssigned: 'assignedAt',
  started: 'startedAt',
  completed: 'completedAt',
  closed: 'closedAt',
};

interface DurationSpec {
  key: DurationKpi['key'];
  label: string;
  from: Milestone;
  to: Milestone;
  counts: (f: OrderFacts) => boolean;
  /** Time inside the span that does not count (MTTR leaves out waiting On Hold). */
  excluded?: (f: OrderFacts) => number;
}

/** Approved at some point: in a status past approval, or cancelled after its decision or its number. */
function wasApproved(f: OrderFacts): boolean {
  return (
    f.status !== null &&
    (APPROVED.has(f.status) ||
      (f.status === 'Cancelled' && (!Number.isNaN(f.decided) || f.order.woNumber !== '')))
  );
}

export const DURATIONS: readonly DurationSpec[] = [
  {
    key: 'respond',
    label: 'Mean time to respond',
    from: 'requested',
    to: 'decided',
    counts: (f) => wasApproved(f) || f.status === 'Rejected',
  },
  {
    key: 'approve',
    label: 'Time to approve',
    from: 'requested',
    to: 'decided',
    counts: wasApproved,
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
    key: 'repair',
    label: 'MTTR (mean time to repair)',
    from: 'started',
    to: 'completed',
    counts: (f) => f.done,
    excluded: (f) => f.heldMs,
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

/**
 * Each KPI over the orders it counts; `within` (optional) keeps only orders whose end milestone falls
 * in it (the weekly snapshot), and notes may be null when nobody reads them.
 */
export function durationKpis(
  facts: readonly OrderFacts[],
  notes: SkipNotes | null,
  within?: { start: number; end: number },
): DurationKpi[] {
  return DURATIONS.map((spec) => {
    const values: number[] = [];
    let leftOut = 0;
    const figure = spec.label.replace(/^Time/, 'time').replace(/^Mean/, 'mean');
    for (const f of facts) {
      if (!spec.counts(f)) continue;
      if (within && !(f[spec.to] >= within.start && f[spec.to] < within.end)) continue;
      const reason = problem(f, spec.from, spec.to);
      if (reason) {
        leftOut++;
        notes?.skip(reason, figure);
      } else {
        values.push(Math.max(0, f[spec.to] - f[spec.from] - (spec.excluded?.(f) ?? 0)));
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
  // Called for every order and duration: the usual answer (both known, in order) allocates nothing.
  const start = f[from];
  const end = f[to];
  if (end >= start) return null;
  if (Number.isNaN(start)) return missing(f, from);
  if (Number.isNaN(end)) return missing(f, to);
  return `whose ${REGISTER_COLUMNS[MILESTONE_FIELD[to]]} is before its ${REGISTER_COLUMNS[MILESTONE_FIELD[from]]}`;
}

function missing(f: OrderFacts, m: Milestone): string {
  const field = MILESTONE_FIELD[m];
  const suffix = m === 'firstAssigned' ? ' (and no assignment in the change log)' : '';
  return `with a ${dateIssue(f.order[field])} ${REGISTER_COLUMNS[field]}${suffix}`;
}
