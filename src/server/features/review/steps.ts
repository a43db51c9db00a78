/**
 * A sidebar request as lifecycle steps: which status each step moves to and which fields arrive with
 * it. Approve-and-assign is two steps applied to the row in one write.
 */
import type { Action } from '../../../core/lifecycle';
import type { Status, WorkOrder } from '../../../core/model';
import { ACTION_LABELS, type ReviewActionRequest } from '../../../shared/review';

export interface Step {
  action: Action;
  to: Status;
  changes: Partial<WorkOrder>;
}

export type TransitionRequest = Exclude<
  ReviewActionRequest,
  { action: 'clarify' | 'reprioritize' | 'redate' }
>;

export function stepsOf(request: TransitionRequest): Step[] {
  switch (request.action) {
    case 'approve':
      return [
        {
          action: 'approve',
          to: 'Approved',
          changes: { category: request.category, priority: request.priority },
        },
      ];
    case 'approveAssign':
      return [
        {
          action: 'approve',
          to: 'Approved',
          changes: { category: request.category, priority: request.priority },
        },
        { action: 'assign', to: 'Assigned', changes: { assignee: request.assignee } },
      ];
    case 'reject':
      return [{ action: 'reject', to: 'Rejected', changes: { reason: request.reason } }];
    case 'assign':
      return [{ action: 'assign', to: 'Assigned', changes: { assignee: request.assignee } }];
    case 'reassign':
      return [{ action: 'reassign', to: 'Assigned', changes: { assignee: request.assignee } }];
    case 'close':
      return [{ action: 'close', to: 'Closed', changes: {} }];
    case 'return':
      return [{ action: 'return', to: 'In Progress', changes: { reason: request.reason } }];
    case 'cancel':
      return [{ action: 'cancel', to: 'Cancelled', changes: { reason: request.reason } }];
  }
}

/**
 * Why a step the table allows between these statuses is still not the one asked for (assign on an
 * order that is already assigned is a reassignment; "return" from On Hold would be a resume).
 */
export function wrongStepMessage(request: TransitionRequest, order: WorkOrder, found: Action): string {
  if (request.action === 'assign' && found === 'reassign') {
    return `${order.id} is already assigned to ${order.assignee}: use Reassign to give it to someone else.`;
  }
  if (request.action === 'reassign' && found === 'assign') {
    return `${order.id} is not assigned yet: use Assign.`;
  }
  return `${ACTION_LABELS[request.action]} does not apply to a work order that is ${order.status}.`;
}
