/** What the My work status line (and the update form's reply) says after a step. */
import type { Transition } from '../../../core/lifecycle';
import type { WorkOrder } from '../../../core/model';

export function successMessage(before: WorkOrder, after: WorkOrder, transition: Transition | null): string {
  const ref = after.woNumber || after.id;
  if (!transition) return `Note added to ${ref}.`;
  switch (transition.action) {
    case 'start':
      return `${ref} started: it is In Progress.`;
    case 'hold':
      return `${ref} is On Hold: ${after.reason}`;
    case 'resume':
      return `${ref} resumed: it is In Progress again.`;
    case 'complete':
      return `${ref} completed: a supervisor will close it.`;
    default:
      return `${ref}: ${before.status} → ${after.status}.`;
  }
}
