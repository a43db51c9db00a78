/** What the sidebar's status line says after a successful action. */
import type { WorkOrder } from '../../../core/model';
import { nameOf } from '../../../core/staff';
import { formatLocal } from '../../../core/time';
import type { ReviewActionRequest } from '../../../shared/review';
import type { ReferenceData } from '../../adapters/reference-data';

export function successMessage(
  request: ReviewActionRequest,
  before: WorkOrder,
  after: WorkOrder,
  reference: ReferenceData,
): string {
  const ref = after.woNumber || after.id;
  const who = (email: string): string => nameOf(reference.staff, email);
  const due = after.due ? `, due ${formatLocal(after.due, reference.timeZone)}` : '';
  switch (request.action) {
    case 'approve':
      return `${after.id} approved as ${after.woNumber}${due}.`;
    case 'approveAssign':
      return `${after.id} approved as ${after.woNumber}${due}, and assigned to ${who(after.assignee)}.`;
    case 'reject':
      return `${after.id} rejected.`;
    case 'clarify':
      return `Question about ${after.id} sent to the requestor.`;
    case 'assign':
      return `${ref} assigned to ${who(after.assignee)}.`;
    case 'reassign':
      return `${ref} reassigned from ${who(before.assignee)} to ${who(after.assignee)}.`;
    case 'reprioritize':
      return `${ref} is now ${after.priority}${due || ' (no due date: the priority has no target)'}.`;
    case 'redate':
      return `${ref} is now due ${after.due ? formatLocal(after.due, reference.timeZone) : ''}.`;
    case 'close':
      return `${ref} closed.`;
    case 'return':
      return `${ref} returned to ${who(after.assignee) || 'the technician'} (In Progress).`;
    case 'cancel':
      return `${ref} cancelled.`;
  }
}
