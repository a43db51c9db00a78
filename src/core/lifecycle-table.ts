/**
 * The lifecycle table (re-exported with the checks by ./lifecycle). THE lifecycle of a work order, declared once. The sidebar, the edit trigger, the form intake and the
 * reports all read this table; nothing else decides which status may follow which, who may move it,
 * what must be filled in, what gets stamped and who is told.
 */
import { OPEN_STATUSES, type Status, type WorkOrderField } from './model';

export const ACTIONS = [
  'approve',
  'reject',
  'assign',
  'reassign',
  'start',
  'hold',
  'resume',
  'complete',
  'close',
  'return',
  'cancel',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who may perform a transition: a supervisor (or administrator), or the order's own assignee. */
export type Actor = 'supervisor' | 'assignee';
/** Who is told about it (subject to the Settings notification switches). */
export type Recipient = 'requestor' | 'assignee' | 'previousAssignee' | 'supervisors';
/** Fields the add-on fills in itself when the transition happens. */
export type Stamp =
  | 'woNumber'
  | 'decidedBy'
  | 'decidedAt'
  | 'due'
  | 'assignedAt'
  | 'startedAt'
  | 'completedAt'
  | 'closedAt'
  | 'closedBy'
  | 'heldSince';

export interface Transition {
  action: Action;
  from: readonly Status[];
  to: Status;
  actors: readonly Actor[];
  /** Fields that must be non-empty once the change is applied. */
  required: readonly WorkOrderField[];
  /**
   * Required fields that must be given for this step: with it, or typed since the order's last status
   * change. A value left from an earlier step (a return's reason, the last hold's) does not count.
   */
  renewed?: readonly WorkOrderField[];
  stamps: readonly Stamp[];
  /** Fields emptied by the transition (a returned order is no longer completed). */
  clears: readonly WorkOrderField[];
  notify: readonly Recipient[];
  /** Imperative phrase for messages, `%` standing for the object: "put % on hold" → "put it on hold first". */
  verb: string;
}

const SUPERVISOR: readonly Actor[] = ['supervisor'];
const ASSIGNEE_OR_SUPERVISOR: readonly Actor[] = ['assignee', 'supervisor'];

export const LIFECYCLE: readonly Transition[] = [
  {
    action: 'approve',
    from: ['Submitted'],
    to: 'Approved',
    actors: SUPERVISOR,
    required: ['category', 'priority'],
    stamps: ['woNumber', 'decidedBy', 'decidedAt', 'due'],
    clears: [],
    notify: ['requestor'],
    verb: 'approve %',
  },
  {
    action: 'reject',
    from: ['Submitted'],
    to: 'Rejected',
    actors: SUPERVISOR,
    required: ['reason'],
    stamps: ['decidedBy', 'decidedAt'],
    clears: [],
    notify: ['requestor'],
    verb: 'reject %',
  },
  {
    action: 'assign',
    from: ['Approved'],
    to: 'Assigned',
    actors: SUPERVISOR,
    required: ['assignee'],
    stamps: ['assignedAt'],
    clears: [],
    notify: ['assignee'],
    verb: 'assign %',
  },
  {
    action: 'reassign',
    from: ['Assigned'],
    to: 'Assigned',
    actors: SUPERVISOR,
    required: ['assignee'],
    stamps: ['assignedAt'],
    clears: [],
    notify: ['assignee', 'previousAssignee'],
    verb: 'reassign %',
  },
  {
    action: 'start',
    from: ['Assigned'],
    to: 'In Progress',
    actors: ASSIGNEE_OR_SUPERVISOR,
    required: [],
    stamps: ['startedAt'],
    clears: [],
    notify: [],
    verb: 'start %',
  },
  {
    action: 'hold',
    from: ['In Progress'],
    to: 'On Hold',
    actors: ASSIGNEE_OR_SUPERVISOR,
    required: ['reason'],
    // The requestor and supervisors are told why: never the reason of an earlier hold or a return.
    renewed: ['reason'],
    // The SLA clock stops: resuming moves the due date by the time held (core/sla.ts releaseHold).
    stamps: ['heldSince'],
    clears: [],
    notify: ['requestor', 'supervisors'],
    verb: 'put % on hold',
  },
  {
    action: 'resume',
    from: ['On Hold'],
    to: 'In Progress',
    actors: ASSIGNEE_OR_SUPERVISOR,
    required: [],
    stamps: [],
    clears: [],
    notify: [],
    verb: 'resume %',
  },
  {
    action: 'complete',
    from: ['In Progress'],
    to: 'Completed',
    actors: ASSIGNEE_OR_SUPERVISOR,
    required: ['results', 'actions'],
    stamps: ['completedAt'],
    clears: [],
    notify: ['supervisors', 'requestor'],
    verb: 'complete %',
  },
  {
    action: 'close',
    from: ['Completed'],
    to: 'Closed',
    actors: SUPERVISOR,
    required: [],
    stamps: ['closedAt', 'closedBy'],
    clears: [],
    notify: ['requestor'],
    verb: 'close %',
  },
  {
    action: 'return',
    from: ['Completed'],
    to: 'In Progress',
    actors: SUPERVISOR,
    required: ['reason'],
    stamps: [],
    clears: ['completedAt'],
    // The requestor was told the work was done: they hear that it is not, and why.
    notify: ['assignee', 'requestor'],
    verb: 'send % back',
  },
  {
    action: 'cancel',
    from: OPEN_STATUSES,
    to: 'Cancelled',
    actors: SUPERVISOR,
    required: ['reason'],
    stamps: [],
    clears: [],
    notify: ['requestor', 'assignee'],
    verb: 'cancel %',
  },
];

/** The row for a move between two statuses, or undefined when the procedure has no such step. */
export function findTransition(from: Status, to: Status): Transition | undefined {
  return LIFECYCLE.find((t) => t.to === to && t.from.includes(from));
}

/** The row of an action (every action has exactly one row). */
export function transitionFor(action: Action): Transition {
  const t = LIFECYCLE.find((row) => row.action === action);
  if (!t) throw new Error(`Unknown lifecycle action: ${String(action)}`);
  return t;
}

/** Actions available from a status (for the sidebar's buttons and the status drop-down). */
export function transitionsFrom(from: Status): Transition[] {
  return LIFECYCLE.filter((t) => t.from.includes(from));
}

/**
 * The actions leading from `from` to `to` by the fewest steps (breadth-first over the table), or null
 * when `to` cannot be reached. Used to explain a skipped step ("start it first").
 */
export function shortestPath(from: Status, to: Status): Transition[] | null {
  const queue: Array<{ status: Status; path: Transition[] }> = [{ status: from, path: [] }];
  const seen = new Set<Status>([from]);
  while (queue.length > 0) {
    const { status, path } = queue.shift() as { status: Status; path: Transition[] };
    for (const t of transitionsFrom(status)) {
      if (t.to === to) return [...path, t];
      if (!seen.has(t.to)) {
        seen.add(t.to);
        queue.push({ status: t.to, path: [...path, t] });
      }
    }
  }
  return null;
}

// The changes that keep the status, declared in the same terms.
export * from './amendment-table';
