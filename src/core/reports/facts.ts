/**
 * One pass over the register that turns each row into the few numbers every figure needs
 * (milestone times in ms, NaN when unusable) and flags (open, overdue, done, SLA outcome).
 * Every report section reads these facts instead of re-parsing rows.
 */
import { OPEN_STATUSES, REGISTER_COLUMNS, STATUSES, type Status, type WorkOrder } from '../model';
import { dateIssue, validSeconds } from './dates';
import { UNKNOWN_STATUS, statusCode, type StatusHistory } from './history';
import type { SkipNotes } from './notes';

const STATUS_SET: ReadonlySet<string> = new Set(STATUSES);
const OPEN_SET: ReadonlySet<string> = new Set(OPEN_STATUSES);
/**
 * Open, not yet Completed and not On Hold: the statuses in which a due date can be missed (the SLA
 * clock stops On Hold, see core/sla.ts).
 */
const DUE_SET: ReadonlySet<string> = new Set(
  OPEN_STATUSES.filter((s) => s !== 'Completed' && s !== 'On Hold'),
);

const ASSIGNED = statusCode('Assigned');
const ON_HOLD = statusCode('On Hold');

export interface OrderFacts {
  index: number;
  order: WorkOrder;
  /** null when the row's Status is not a lifecycle status. */
  status: Status | null;
  requested: number;
  decided: number;
  started: number;
  /** First assignment: the earlier of Assigned At and the first change to Assigned in the log. */
  firstAssigned: number;
  completed: number;
  closed: number;
  due: number;
  /** Time spent On Hold (from the change log) between the first start and the last completion. */
  heldMs: number;
  /** When it left the backlog (Closed, Rejected or Cancelled); NaN while it is open. */
  exit: number;
  open: boolean;
  /** Completed or Closed. */
  done: boolean;
  overdue: boolean;
  sla: 'met' | 'missed' | 'no due' | 'not measured';
}

export function isStatus(text: string): text is Status {
  return STATUS_SET.has(text);
}

export function buildFacts(
  orders: readonly WorkOrder[],
  history: StatusHistory,
  now: number,
  notes: SkipNotes,
): OrderFacts[] {
  const facts: OrderFacts[] = [];
  let unknownStatus = 0;
  let guessedExit = 0;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    if (!order) continue;
    const statusText = String(order.status);
    const status = isStatus(statusText) ? statusText : null;
    if (!status) unknownStatus++;
    const log = scanLog(history, i, status);
    // Every milestone at whole seconds: the change log keeps whole seconds while stamps may keep
    // milliseconds, and a stamp must never look earlier than the log row written with it.
    const assignedAt = validSeconds(order.assignedAt);
    const started = validSeconds(order.startedAt);
    const completed = validSeconds(order.completedAt);
    const f: OrderFacts = {
      index: i,
      order,
      status,
      requested: validSeconds(order.requestedAt),
      decided: validSeconds(order.decidedAt),
      started,
      firstAssigned: minValid(assignedAt, log.firstAssigned),
      completed,
      closed: validSeconds(order.closedAt),
      due: validSeconds(order.due),
      heldMs: heldBetween(log.holds, started, completed),
      exit: NaN,
      open: status !== null && OPEN_SET.has(status),
      done: status === 'Completed' || status === 'Closed',
      overdue: false,
      sla: 'not measured',
    };
    if (status === 'Closed' || status === 'Rejected' || status === 'Cancelled') {
      f.exit = exitTime(f, status, log.enteredFinal);
      if (Number.isNaN(f.exit)) {
        f.exit = lastKnownDate(f, started);
        if (!Number.isNaN(f.exit)) guessedExit++;
      }
      // A finish before the request is a data error; never let it make the backlog negative.
      if (f.exit < f.requested) f.exit = f.requested;
    }
    const dueMatters = status !== null && DUE_SET.has(status);
    f.overdue = dueMatters && f.due < now;
    if (dueMatters && Number.isNaN(f.due) && dateIssue(order.due) === 'malformed') {
      notes.skip(`with a malformed ${REGISTER_COLUMNS.due}`, 'the overdue count');
    }
    if (f.done) f.sla = slaOutcome(f, notes);
    facts.push(f);
  }
  if (unknownStatus > 0) {
    notes.skip('with a Status that is not a lifecycle status', 'the status-based figures', unknownStatus);
  }
  if (guessedExit > 0) {
    notes.add(
      `${guessedExit} finished work order(s) had no recorded finish time; their latest recorded date was used for the backlog.`,
    );
  }
  return facts;
}

/** Closed At for Closed, Decided At for Rejected; otherwise when the log shows it entered the status. */
function exitTime(f: OrderFacts, status: Status, enteredFinal: number): number {
  if (status === 'Closed' && !Number.isNaN(f.closed)) return f.closed;
  if (status === 'Rejected' && !Number.isNaN(f.decided)) return f.decided;
  return enteredFinal;
}

function lastKnownDate(f: OrderFacts, started: number): number {
  let best = NaN;
  for (const t of [f.requested, f.decided, f.firstAssigned, started, f.completed, f.closed]) {
    if (!Number.isNaN(t) && !(t <= best)) best = t;
  }
  return best;
}

function slaOutcome(f: OrderFacts, notes: SkipNotes): OrderFacts['sla'] {
  if (Number.isNaN(f.completed)) {
    notes.skip(`with a ${dateIssue(f.order.completedAt)} ${REGISTER_COLUMNS.completedAt}`, 'SLA compliance');
    return 'not measured';
  }
  if (Number.isNaN(f.due)) {
    if (dateIssue(f.order.due) === 'missing') return 'no due';
    notes.skip(`with a malformed ${REGISTER_COLUMNS.due}`, 'SLA compliance');
    return 'not measured';
  }
  return f.completed <= f.due ? 'met' : 'missed';
}

/**
 * What the log adds: the first assignment, when the order entered its current final status, and its
 * stays On Hold ([from, to) pairs; a stay still going ends at +Infinity).
 */
function scanLog(history: StatusHistory, order: number, status: Status | null) {
  let firstAssigned = NaN;
  let enteredFinal = NaN;
  const holds: number[] = [];
  const current = status === null ? UNKNOWN_STATUS : statusCode(status);
  const end = history.start[order + 1] ?? 0;
  for (let k = history.start[order] ?? 0; k < end; k++) {
    const i = history.rows[k] ?? 0;
    const to = history.toCode[i] ?? UNKNOWN_STATUS;
    const at = history.atMs[i] ?? NaN;
    if (to === ASSIGNED && Number.isNaN(firstAssigned)) firstAssigned = at;
    if (to !== UNKNOWN_STATUS && to === current) enteredFinal = at; // the last entry wins
    if (holds.length % 2 === 1) holds.push(at); // any change ends a stay On Hold
    if (to === ON_HOLD) holds.push(at);
  }
  if (holds.length % 2 === 1) holds.push(Infinity);
  return { firstAssigned, enteredFinal, holds };
}

/** Time On Hold inside [from, to]: the waiting that repair time leaves out. */
function heldBetween(holds: readonly number[], from: number, to: number): number {
  if (Number.isNaN(from) || Number.isNaN(to)) return 0;
  let held = 0;
  for (let k = 0; k + 1 < holds.length; k += 2) {
    const start = Math.max(holds[k] ?? NaN, from);
    const end = Math.min(holds[k + 1] ?? NaN, to);
    if (end > start) held += end - start;
  }
  return held;
}

function minValid(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}
