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

/**
 * How a refusal words when the person last saw the order (`since`), what became of their request
 * (`outcome`) and where they see their work now (`next`).
 */
export interface MovedOnOrigin {
  since: string;
  next: string;
  outcome?: string;
}

export const MY_WORK_SEEN: MovedOnOrigin = {
  since: 'since you opened My work',
  next: 'Reload to see your current work',
};
/** The same for a request that carries no revision: how the order is now, not when it changed. */
export const MY_WORK_NOW: MovedOnOrigin = { since: '', next: MY_WORK_SEEN.next };
/** A card asking for its checklist, time and parts: nothing was to change, the records are not shown. */
export const MY_WORK_VIEW: MovedOnOrigin = {
  ...MY_WORK_NOW,
  outcome: 'so My work does not show its checklist, time and parts',
};

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The refusal for a step on `order` that is no longer the worker's to take; null when it still is.
 * `since` says when it moved on ("since you opened My work"); '' when the caller cannot tell whether it
 * ever was theirs (a record request carries no revision), and the words then say only how it is now.
 */
export function movedOnMessage(
  order: WorkOrder,
  worker: Worker,
  staff: readonly StaffMember[],
  origin: MovedOnOrigin,
): string | null {
  const { since, next } = origin;
  const outcome = origin.outcome ?? 'and nothing was changed';
  const ref = order.woNumber || order.id;
  if (FINAL_STATUSES.includes(order.status)) {
    const why = order.reason.trim() === '' ? '' : ` (reason: ${order.reason.trim()})`;
    const state = since === '' ? `is ${order.status}${why}` : `was ${order.status}${why} ${since}`;
    return `${ref} ${state}: no more work is wanted on it, ${outcome}. ${next}; if you did work on it, tell a supervisor.`;
  }
  if (actsAsSupervisor(worker.role) || sameEmail(order.assignee, worker.email)) return null;
  if (order.assignee.trim() === '') {
    const state = since === '' ? 'is assigned to nobody' : `was taken off you ${since}`;
    return `${ref} ${state} (it is ${order.status}), ${outcome}. ${next}; if you did work on it, tell a supervisor.`;
  }
  const name = nameOf(staff, order.assignee);
  const state =
    since === ''
      ? `is assigned to ${name}, not to you`
      : `was reassigned to ${name} ${since}: it is no longer yours`;
  return `${ref} ${state}, ${outcome}. ${next}; if you did work on it, tell ${name} or a supervisor.`;
}
