/**
 * The amendment table: a supervisor's changes that keep an order's status (re-prioritizing, re-dating,
 * handing started work to another technician). Apart from ./lifecycle-table because a status never
 * changes here and no check walks from one row to another; it speaks the same vocabulary (who acts,
 * what is stamped, who is told), so the sidebar and the checks still read one declaration of each step.
 * ./lifecycle-table re-exports it, as its callers and ./lifecycle import both from there.
 */
import type { Status, WorkOrderField } from './model';
import type { Actor, Recipient, Stamp } from './lifecycle-table';

const SUPERVISOR: readonly Actor[] = ['supervisor'];

export const AMENDMENT_ACTIONS = ['reprioritize', 'redate', 'reassignWork'] as const;
export type AmendmentAction = (typeof AMENDMENT_ACTIONS)[number];

/**
 * A supervisor's change to an order that keeps its status: the same questions as a transition (from
 * which statuses, by whom, what must be given, what is stamped, who is told), declared here with the
 * lifecycle so that the sidebar and the checks read one table.
 */
export interface Amendment {
  action: AmendmentAction;
  statuses: readonly Status[];
  actors: readonly Actor[];
  /** The fields the supervisor gives; all must be non-empty. */
  changes: readonly WorkOrderField[];
  /**
   * A reason is asked for and recorded in the change log and the emails, not in the Reason column
   * (which keeps the hold or return reason it holds).
   */
  needsReason: boolean;
  /** 'due' here: the due date is recomputed from the SLA (the new priority, counted from now). */
  stamps: readonly Stamp[];
  notify: readonly Recipient[];
  verb: string;
}

/** Statuses in which work is owed (the SLA clock runs): where priority and due date still matter. */
const OWED: readonly Status[] = ['Approved', 'Assigned', 'In Progress', 'On Hold'];

export const AMENDMENTS: readonly Amendment[] = [
  {
    action: 'reprioritize',
    statuses: OWED,
    actors: SUPERVISOR,
    changes: ['priority'],
    needsReason: true,
    stamps: ['due'],
    notify: ['requestor', 'assignee'],
    verb: 're-prioritize %',
  },
  {
    action: 'redate',
    statuses: OWED,
    actors: SUPERVISOR,
    changes: ['due'],
    needsReason: true,
    stamps: [],
    notify: ['requestor', 'assignee'],
    verb: 'change the due date of %',
  },
  {
    // Work already started changes hands without going back to Assigned: the new technician carries on.
    action: 'reassignWork',
    statuses: ['In Progress', 'On Hold'],
    actors: SUPERVISOR,
    changes: ['assignee'],
    needsReason: false,
    stamps: ['assignedAt'],
    notify: ['assignee', 'previousAssignee'],
    verb: 'reassign %',
  },
];

export function amendmentFor(action: AmendmentAction): Amendment {
  const a = AMENDMENTS.find((row) => row.action === action);
  if (!a) throw new Error(`Unknown amendment: ${String(action)}`);
  return a;
}

/** The amendments a supervisor may make to an order in `status`. */
export function amendmentsFrom(status: Status): Amendment[] {
  return AMENDMENTS.filter((a) => a.statuses.includes(status));
}
