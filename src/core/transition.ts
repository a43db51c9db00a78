/**
 * Checking and applying a status change against the lifecycle table. Every path that changes a status
 * (sidebar, sheet edit, system jobs) calls `checkTransition` then `applyTransition`, so the rules and the
 * wording of refusals are the same everywhere.
 */
import { diffOrders, emptyValue, type FieldChange } from './field-changes';
import { FINAL_NEXT_STEP, LOCKED_FIELDS, actsAsSupervisor, changesWorkOrders } from './field-rights';
import { LIFECYCLE, findTransition, shortestPath, type Transition } from './lifecycle-table';
import { addHeldHours, releaseHold, type SlaSettings } from './sla';
import {
  FINAL_STATUSES,
  REGISTER_COLUMNS,
  type Role,
  type Status,
  type WorkOrder,
  type WorkOrderField,
} from './model';

export interface TransitionActor {
  email: string;
  /** The actor's role on the Staff tab; null when they are not (or no longer) active staff. */
  role: Role | null;
}

export interface TransitionInput {
  order: WorkOrder;
  to: Status;
  actor: TransitionActor;
  /** Field values arriving with the status change (e.g. category and priority with an approval). */
  changes?: Partial<WorkOrder>;
  /** Optional allowed values; when given, a required field must hold one of them. */
  allowed?: {
    priorities?: readonly string[];
    categories?: readonly string[];
    /** Emails of active technicians. */
    technicians?: readonly string[];
  };
  /**
   * The required checklist items of the order not ticked yet (core/checklist-items.ts). Every path that
   * can complete an order passes it: Completed is refused while any is left.
   */
  checklist?: { unticked: readonly string[] };
  /**
   * Fields given since the order's last status change, before this step (the edit trigger knows a
   * Reason typed in an earlier edit from the row's record). A value in `changes` counts as given.
   */
  renewed?: readonly WorkOrderField[];
}

export type TransitionCheck = { ok: true; transition: Transition } | { ok: false; reason: string };

export interface AppliedTransition {
  order: WorkOrder;
  /** Every field that changed, stamps included, in register column order (revision excluded). */
  changes: FieldChange[];
}

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** "A", "A and B", "A, B and C". */
function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function phrase(t: Transition, object: string): string {
  return t.verb.replace('%', object);
}

function nounFor(order: WorkOrder): string {
  return order.status === 'Submitted' ? 'this request' : 'this work order';
}

function refuse(reason: string): TransitionCheck {
  return { ok: false, reason };
}

/**
 * Whether a Reason typed before the move `from` → `to` is still unused after it. A step that requires
 * a reason (a hold, a return) uses the one it finds, and leaving a status that is about its reason (On
 * Hold) leaves that reason behind; any other step (starting work) keeps it for the hold that follows.
 * Used by the writers that keep the row's record (TransitionInput.renewed).
 */
export function keepsTypedReason(from: Status, to: Status): boolean {
  if (from === to) return true;
  const step = findTransition(from, to);
  const into = LIFECYCLE.filter((t) => t.to === from);
  const aboutReason = into.length > 0 && into.every((t) => t.required.includes('reason'));
  return step !== undefined && !step.required.includes('reason') && !aboutReason;
}

/** May `actor` move `order` from its status to `to` with `changes`? Says why not, in plain words. */
export function checkTransition(input: TransitionInput): TransitionCheck {
  const { order, to, actor } = input;
  const changes = input.changes ?? {};
  const from = order.status;
  if (actor.role === null) {
    return refuse(
      `${actor.email || 'This user'} is not active staff on the Staff tab, so cannot change work orders`,
    );
  }
  if (!changesWorkOrders(actor.role))
    return refuse(`${actor.role}s can read work orders but not change their status`);
  if (FINAL_STATUSES.includes(from))
    return refuse(
      `${capitalize(nounFor(order))} is ${from}: its status can no longer change. ${FINAL_NEXT_STEP}`,
    );
  if (from === to && to !== 'Assigned') return refuse(`The status is already ${to}`);
  const transition = findTransition(from, to);
  if (!transition) {
    const path = to === 'Submitted' ? null : shortestPath(from, to);
    const first = path?.[0];
    if (first) return refuse(`${from} → ${to} skips a step: ${phrase(first, 'it')} first`);
    return refuse(`${from} → ${to} is not a step of the work-order procedure`);
  }
  const isAssignee = !isEmpty(order.assignee) && sameEmail(actor.email, order.assignee);
  const allowed =
    (transition.actors.includes('supervisor') && actsAsSupervisor(actor.role)) ||
    (transition.actors.includes('assignee') && isAssignee);
  if (!allowed) {
    const who = transition.actors.includes('assignee') ? 'the assignee or a supervisor' : 'a supervisor';
    return refuse(`Only ${who} can ${phrase(transition, nounFor(order))}`);
  }
  const after = { ...order, ...definedOnly(changes) };
  const missing = transition.required.filter((f) => isEmpty(after[f]));
  if (missing.length > 0) return refuse(`${to} needs ${listOf(missing.map((f) => REGISTER_COLUMNS[f]))}`);
  const stale = (transition.renewed ?? []).filter(
    (f) => isEmpty(changes[f]) && !(input.renewed ?? []).includes(f),
  );
  if (stale.length > 0) {
    const columns = listOf(stale.map((f) => REGISTER_COLUMNS[f]));
    return refuse(
      `${to} needs a ${columns} for this step (the one shown is from an earlier step): type it in the ${columns} column first, or with the status`,
    );
  }
  if (transition.action === 'reassign' && sameEmail(after.assignee, order.assignee)) {
    return refuse(
      `Reassigning needs a different ${REGISTER_COLUMNS.assignee}: ${order.assignee} already has it`,
    );
  }
  const unticked = input.checklist?.unticked ?? [];
  if (transition.action === 'complete' && unticked.length > 0) {
    const items = listOf(unticked.map((item) => `"${item}"`));
    return refuse(
      `${to} needs the required checklist item${unticked.length === 1 ? '' : 's'} ${items} ticked first (My work, or the update form's checklist question)`,
    );
  }
  const invalid = checkAllowedValues(transition, after, input.allowed);
  return invalid ? refuse(invalid) : { ok: true, transition };
}

function checkAllowedValues(
  transition: Transition,
  after: WorkOrder,
  allowed: TransitionInput['allowed'],
): string | null {
  if (!allowed) return null;
  const rules: Array<[AllowedField, readonly string[] | undefined]> = [
    ['priority', allowed.priorities],
    ['category', allowed.categories],
    ['assignee', allowed.technicians],
  ];
  for (const [field, values] of rules) {
    if (!values || !transition.required.includes(field)) continue;
    const value = String(after[field] ?? '').trim();
    const match = field === 'assignee' ? values.some((v) => sameEmail(v, value)) : values.includes(value);
    if (!match) return notAllowed(field, value, values);
  }
  return null;
}

type AllowedField = 'priority' | 'category' | 'assignee';
const ALLOWED_WHAT: Record<AllowedField, string> = {
  priority: 'a priority on the Settings tab',
  category: 'a category on the Settings tab',
  assignee: 'an active technician on the Staff tab',
};
/** Choices named in a refusal at most: the rest are counted. */
const CHOICES_NAMED = 6;

/**
 * Why `value` cannot be the `field`, and what can: the choices there are now (a technician who has
 * since left the Staff tab, a category renamed on the Settings tab), or who can add one.
 */
export function notAllowed(field: AllowedField, value: string, values: readonly string[]): string {
  const add =
    field === 'assignee'
      ? 'an administrator can make someone an active Technician on the Staff tab'
      : 'an administrator can add one on the Settings tab';
  const shown = values.slice(0, CHOICES_NAMED);
  const more = values.length - shown.length;
  const last = more > 0 ? `one of ${more} more` : shown.pop();
  const choices = shown.length > 0 ? `${shown.join(', ')} or ${last}` : last;
  const next = choices === undefined ? `there is none: ${add}` : `choose ${choices}; ${add}`;
  return `${REGISTER_COLUMNS[field]} "${value}" is not ${ALLOWED_WHAT[field]}: ${next}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function definedOnly(changes: Partial<WorkOrder>): Partial<WorkOrder> {
  const out: Partial<WorkOrder> = {};
  for (const [k, v] of Object.entries(changes)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/**
 * Resuming from On Hold restarts the SLA clock: the due date moves by the time held and Held For adds
 * it. An order put on hold before On Hold Since was recorded has nothing to measure and keeps its due.
 * On Hold Since is the start of the hold, or the moment a due date was given during it (./sla
 * restartHoldOnNewDue): time held before that is already in Held For and behind the date given.
 */
function restartClock(order: WorkOrder, next: WorkOrder, context: ApplyContext): void {
  if (!context.sla)
    throw new Error('applyTransition: resuming from On Hold needs the SLA settings (context.sla)');
  const since = order.heldSince;
  next.heldSince = null;
  if (since === null || !Number.isFinite(since.getTime())) return;
  const release = releaseHold(next, since, context.now, context.sla.settings, context.sla.timeZone);
  next.due = release.due;
  next.heldHours = addHeldHours(order.heldHours, release.heldHours);
}

export interface ApplyContext {
  now: Date;
  actorEmail: string;
  /** The new work-order number, required by transitions that stamp one (approve). */
  woNumber?: string;
  /** The SLA due date, computed by the caller from priority, `now` and the time zone. */
  due?: Date | null;
  /**
   * The settings and zone of the SLA clock: needed to resume from On Hold, which moves the due date
   * by the time held (business time on a business-clock priority).
   */
  sla?: { settings: SlaSettings; timeZone: string };
}

/**
 * The work order after `transition`: input fields, the new status, stamps and clears applied, revision
 * increased; plus the field-level changes for the change log. Call `checkTransition` first: this only
 * guards against programming errors (wrong starting status, hand-set locked fields).
 */
export function applyTransition(
  order: WorkOrder,
  transition: Transition,
  input: Partial<WorkOrder>,
  context: ApplyContext,
): AppliedTransition {
  if (!transition.from.includes(order.status)) {
    throw new Error(`applyTransition: ${transition.action} does not apply to a ${order.status} work order`);
  }
  const given = definedOnly(input);
  for (const field of Object.keys(given) as WorkOrderField[]) {
    if (field === 'status' || LOCKED_FIELDS.includes(field)) {
      throw new Error(`applyTransition: ${field} is set by the add-on, not by input`);
    }
  }
  const next: WorkOrder = { ...order, ...given, status: transition.to };
  const actor = context.actorEmail.trim().toLowerCase();
  for (const stamp of transition.stamps) {
    switch (stamp) {
      case 'woNumber':
        if (!context.woNumber)
          throw new Error(`applyTransition: ${transition.action} needs a work-order number`);
        next.woNumber = context.woNumber;
        break;
      case 'due':
        // A due date typed by the supervisor wins over the SLA's.
        if (given.due === undefined && context.due !== undefined) next.due = context.due;
        break;
      case 'decidedBy':
      case 'closedBy':
        next[stamp] = actor;
        break;
      default:
        next[stamp] = new Date(context.now.getTime());
    }
  }
  for (const field of transition.clears)
    (next as unknown as Record<string, unknown>)[field] = emptyValue(field);
  if (transition.action === 'resume') restartClock(order, next, context);
  next.revision = order.revision + 1;
  return { order: next, changes: diffOrders(order, next) };
}
