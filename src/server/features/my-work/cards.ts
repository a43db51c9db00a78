/**
 * A technician's cards: what each shows, which steps the lifecycle table allows them, and the order
 * they come in (overdue, then due soon, then by the Settings' priority order and due date).
 */
import { checkSheetEdit, transitionFor, checkTransition } from '../../../core/lifecycle';
import type { Status, WorkOrder } from '../../../core/model';
import { isDueSoon, isOverdue } from '../../../core/sla';
import { toIso } from '../../../core/time';
import { MY_WORK_STEPS, type MyWorkCard, type MyWorkStep } from '../../../shared/my-work-types';
import type { ReferenceData } from '../../adapters/reference-data';
import type { Worker } from './caller';

/** Statuses shown as open work; Completed is shown apart, awaiting a supervisor's close. */
export const OPEN_WORK_STATUSES: readonly Status[] = ['Assigned', 'In Progress', 'On Hold'];

/**
 * The steps the table allows `worker` on `order` now. A transition step is offered when the table has a
 * row for it from this status with this person as actor; its required fields are asked for by the
 * step's form, so they are filled in for the check. A note is a Progress Notes edit (checkSheetEdit).
 */
export function stepsFor(order: WorkOrder, worker: Worker): MyWorkStep[] {
  const actor = { email: worker.email, role: worker.role };
  const filled = { reason: '-', results: '-', actions: '-' };
  return MY_WORK_STEPS.filter((step) => {
    if (step === 'note') return checkSheetEdit({ order, actor, field: 'notes' }).ok;
    const transition = transitionFor(step);
    if (!transition.from.includes(order.status)) return false;
    const check = checkTransition({ order, to: transition.to, actor, changes: filled });
    return check.ok && check.transition.action === step;
  });
}

export function cardOf(
  order: WorkOrder,
  row: number,
  worker: Worker,
  reference: ReferenceData,
  now: Date,
  updateLink: string,
): MyWorkCard {
  const hours = reference.settings.reminderHoursBeforeDue;
  return {
    id: order.id,
    woNumber: order.woNumber,
    status: order.status,
    revision: order.revision,
    rowHint: row,
    priority: order.priority,
    category: order.category,
    description: order.description,
    location: order.location,
    asset: order.asset,
    resources: order.resources,
    urgency: order.urgency,
    requesterName: order.requesterName,
    requesterEmail: order.requesterEmail,
    due: toIso(order.due) || null,
    overdue: isOverdue(order, now),
    // With no reminder window set, a day ahead still counts as soon.
    dueSoon: !isOverdue(order, now) && isDueSoon(order, now, hours > 0 ? hours : 24),
    notes: order.notes,
    reason: order.reason,
    heldHours: order.heldHours,
    results: order.results,
    actionsTaken: order.actions,
    steps:
      order.status === 'Completed'
        ? stepsFor(order, worker).filter((s) => s === 'note')
        : stepsFor(order, worker),
    updateLink,
  };
}

/** Overdue first, then due soon, then by priority (the Settings' order), then due date, then id. */
export function compareCards(priorities: readonly string[]): (a: MyWorkCard, b: MyWorkCard) => number {
  const rank = (c: MyWorkCard): number => {
    const at = priorities.indexOf(c.priority);
    return at < 0 ? priorities.length : at;
  };
  const urgency = (c: MyWorkCard): number => (c.overdue ? 0 : c.dueSoon ? 1 : 2);
  const due = (c: MyWorkCard): number => (c.due ? Date.parse(c.due) : Number.POSITIVE_INFINITY);
  return (a, b) =>
    urgency(a) - urgency(b) ||
    rank(a) - rank(b) ||
    (due(a) === due(b) ? 0 : due(a) < due(b) ? -1 : 1) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
