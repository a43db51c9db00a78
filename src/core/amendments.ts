/**
 * Checking and applying an amendment (a supervisor's change that keeps the status: re-prioritizing,
 * re-dating, handing started work to another technician) against its row of the table in
 * ./lifecycle-table. The wording of refusals follows ./transition.
 */
import { diffOrders, type FieldChange } from './field-changes';
import { actsAsSupervisor } from './field-rights';
import { amendmentFor, type Amendment, type AmendmentAction } from './lifecycle-table';
import { REGISTER_COLUMNS, type WorkOrder } from './model';
import { restartHoldOnNewDue, type SlaSettings } from './sla';
import { notAllowed, type TransitionActor } from './transition';

export interface AmendmentInput {
  order: WorkOrder;
  action: AmendmentAction;
  actor: TransitionActor;
  changes: Partial<WorkOrder>;
  reason?: string;
  allowed?: { priorities?: readonly string[]; technicians?: readonly string[] };
}

export type AmendmentCheck = { ok: true; amendment: Amendment } | { ok: false; reason: string };

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function blank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** May `actor` make this change? Says why not, in plain words. */
export function checkAmendment(input: AmendmentInput): AmendmentCheck {
  const { order, actor, changes } = input;
  const amendment = amendmentFor(input.action);
  const what = amendment.verb.replace('%', order.woNumber || order.id);
  if (!actsAsSupervisor(actor.role)) return { ok: false, reason: `Only a supervisor can ${what}` };
  if (!amendment.statuses.includes(order.status)) {
    return {
      ok: false,
      reason: `You cannot ${what} while it is ${order.status} (only when ${amendment.statuses.join(', ')})`,
    };
  }
  const missing = amendment.changes.filter((f) => blank(changes[f]));
  if (missing.length > 0)
    return { ok: false, reason: `Give the new ${missing.map((f) => REGISTER_COLUMNS[f]).join(' and ')}` };
  if (amendment.needsReason && blank(input.reason))
    return { ok: false, reason: 'Give a reason for the change' };
  const priority = String(changes.priority ?? '');
  if (amendment.changes.includes('priority')) {
    if (input.allowed?.priorities && !input.allowed.priorities.includes(priority))
      return { ok: false, reason: notAllowed('priority', priority, input.allowed.priorities) };
    if (priority === order.priority) return { ok: false, reason: `${order.id} is already ${priority}` };
  }
  if (amendment.changes.includes('assignee')) {
    const assignee = String(changes.assignee ?? '');
    if (input.allowed?.technicians && !input.allowed.technicians.some((t) => sameEmail(t, assignee)))
      return { ok: false, reason: notAllowed('assignee', assignee, input.allowed.technicians) };
    if (sameEmail(assignee, order.assignee))
      return { ok: false, reason: `${order.assignee} already has ${order.woNumber || order.id}` };
  }
  if (amendment.changes.includes('due') && changes.due && order.due?.getTime() === changes.due.getTime())
    return { ok: false, reason: 'That is already the due date' };
  return { ok: true, amendment };
}

/** The order after the amendment (status kept, revision increased) and its field changes. */
export function applyAmendment(
  order: WorkOrder,
  amendment: Amendment,
  changes: Partial<WorkOrder>,
  context: { now: Date; due?: Date | null; sla: { settings: SlaSettings; timeZone: string } },
): { order: WorkOrder; changes: FieldChange[] } {
  let next: WorkOrder = { ...order };
  for (const field of amendment.changes) {
    const value = changes[field];
    if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value;
  }
  if (amendment.changes.includes('assignee')) next.assignee = next.assignee.trim().toLowerCase();
  for (const stamp of amendment.stamps) {
    if (stamp === 'due' && context.due !== undefined) next.due = context.due;
    if (stamp === 'assignedAt') next.assignedAt = new Date(context.now.getTime());
  }
  // A new due date on an order On Hold answers for the hold so far: only the rest moves it on resuming.
  next = restartHoldOnNewDue(order, next, context.now, context.sla.settings, context.sla.timeZone);
  next.revision = order.revision + 1;
  return { order: next, changes: diffOrders(order, next) };
}
