/**
 * Why a technician's step on an order that moved on without them cannot be taken, and what to do
 * instead: the order was cancelled, closed or rejected, or a supervisor gave it to someone else, while
 * their sidebar still showed it (or before their update form answer arrived). "Reload, then try
 * again" would send them back to a card that is gone from My work, so the refusal names what happened
 * and whom to tell about work they did; what they typed stays in their form (the sidebar keeps it, the
 * update form's refusal email repeats it).
 */
import { actsAsSupervisor } from '../../../core/field-rights';
import { FINAL_STATUSES, type StaffMember, type WorkOrder } from '../../../core/model';
import { nameOf } from '../../../core/staff';
import type { Worker } from './caller';

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The refusal for a step on `order` that is no longer the worker's to take; null when it still is. */
export function movedOnMessage(
  order: WorkOrder,
  worker: Worker,
  staff: readonly StaffMember[],
  origin: { since: string; next: string },
): string | null {
  const { since, next } = origin;
  const ref = order.woNumber || order.id;
  if (FINAL_STATUSES.includes(order.status)) {
    const why = order.reason.trim() === '' ? '' : ` (reason: ${order.reason.trim()})`;
    return `${ref} was ${order.status}${why} ${since}: no more work is wanted on it, and nothing was changed. ${next}; if you did work on it, tell a supervisor.`;
  }
  if (actsAsSupervisor(worker.role) || sameEmail(order.assignee, worker.email)) return null;
  if (order.assignee.trim() === '') {
    return `${ref} was taken off you ${since} (it is ${order.status}, assigned to nobody), and nothing was changed. ${next}; if you did work on it, tell a supervisor.`;
  }
  const name = nameOf(staff, order.assignee);
  return `${ref} was reassigned to ${name} ${since}: it is no longer yours, and nothing was changed. ${next}; if you did work on it, tell ${name} or a supervisor.`;
}
