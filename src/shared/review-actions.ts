/**
 * What the supervisor can do from the "Review & assign" sidebar, per status. Each sidebar action is one
 * or two rows of the lifecycle table (src/core/lifecycle-table.ts); "clarify" is the one action outside
 * it: an email to the requestor and a change-log row, with no status change.
 */
import { amendmentsFrom, transitionsFrom, type Action, type AmendmentAction } from '../core/lifecycle-table';
import { FINAL_STATUSES, type Status } from '../core/model';

/** In the order the buttons appear: the usual next step first, cancelling last. */
export const SIDEBAR_ACTIONS = [
  'approveAssign',
  'approve',
  'reject',
  'assign',
  'reassign',
  'reprioritize',
  'redate',
  'close',
  'return',
  'clarify',
  'cancel',
] as const;
export type SidebarAction = (typeof SIDEBAR_ACTIONS)[number];

/** The lifecycle actions each sidebar action performs, in order (approve-and-assign is two). */
export const LIFECYCLE_STEPS: Readonly<Record<SidebarAction, readonly Action[]>> = {
  approve: ['approve'],
  approveAssign: ['approve', 'assign'],
  reject: ['reject'],
  clarify: [],
  assign: ['assign'],
  reassign: ['reassign'],
  reprioritize: [],
  redate: [],
  close: ['close'],
  return: ['return'],
  cancel: ['cancel'],
};

/** Button captions, also used in messages ("Approve & assign"). */
export const ACTION_LABELS: Readonly<Record<SidebarAction, string>> = {
  approve: 'Approve',
  approveAssign: 'Approve & assign',
  reject: 'Reject',
  clarify: 'Ask requestor',
  assign: 'Assign',
  reassign: 'Reassign',
  reprioritize: 'Change priority',
  redate: 'Change due date',
  close: 'Close',
  return: 'Return to technician',
  cancel: 'Cancel work order',
};

/**
 * The sidebar actions that keep the status, by the amendment of the lifecycle table they make
 * (Reassign is a lifecycle step on Assigned work and an amendment on work already started).
 */
export const AMENDMENT_OF: Readonly<Partial<Record<SidebarAction, AmendmentAction>>> = {
  reprioritize: 'reprioritize',
  redate: 'redate',
  reassign: 'reassignWork',
};

/** The amendment a sidebar action makes on an order in `status`, if that is what it does there. */
export function amendmentOf(action: SidebarAction, status: Status): AmendmentAction | null {
  const amendment = AMENDMENT_OF[action];
  if (!amendment) return null;
  return amendmentsFrom(status).some((a) => a.action === amendment) ? amendment : null;
}

/**
 * The sidebar actions a supervisor may take on an order in `status`: those whose first lifecycle step
 * or whose amendment starts from it (so the buttons can never offer what the table forbids), plus a
 * clarification while the order is still open.
 */
export function sidebarActionsFor(status: Status): SidebarAction[] {
  if (FINAL_STATUSES.includes(status)) return [];
  const possible = new Set(transitionsFrom(status).map((t) => t.action));
  return SIDEBAR_ACTIONS.filter((action) => {
    if (action === 'clarify') return true;
    if (amendmentOf(action, status)) return true;
    const first = LIFECYCLE_STEPS[action][0];
    return first !== undefined && possible.has(first);
  });
}
