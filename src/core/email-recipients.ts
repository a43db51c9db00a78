/**
 * Who gets an email: each kind's usual recipients, and who gets which email after a transition or an
 * amendment, honouring the Settings switches.
 */
import type { Amendment, Transition } from './lifecycle-table';
import type { StaffMember, WorkOrder } from './model';
import type { NotifySwitches } from './settings-model';
import { cleanRecipients } from './email-format';
import type { EmailExtra, EmailKind } from './email-kinds';
import { roleMay } from './permissions';
import { activeTechnicians, administratorEmails, roleOf, supervisorEmails } from './staff';

/**
 * Who the hourly job may remind of an order's due date: its Assignee when the Staff tab lists them as
 * active staff who may be given work, else nobody (the supervisors are reminded instead). The job mails as the installation owner, with
 * the register's link, from a cell any editor's script can write; the Staff tab only administrators
 * can write, so an address put there by script (an outsider's) is never sent the order.
 */
export function remindedAssignee(
  order: Pick<WorkOrder, 'assignee'>,
  staff: readonly StaffMember[],
): string[] {
  return roleMay(roleOf(staff, order.assignee), 'beAssigned') ? cleanRecipients([order.assignee]) : [];
}

/** The kind's usual recipients. */
export function defaultRecipients(kind: EmailKind, order: WorkOrder, extra: EmailExtra): string[] {
  const requestor = [order.requesterEmail];
  const assignee = [order.assignee];
  const supervisors = [...(extra.supervisors ?? [])];
  const map: Record<EmailKind, string[]> = {
    acknowledgment: requestor,
    clarification: requestor,
    approved: requestor,
    rejected: requestor,
    closed: requestor,
    assigned: assignee,
    returned: assignee,
    dueSoon: assignee,
    overdueReminder: assignee,
    unassigned: [extra.previousAssignee ?? ''],
    onHold: [...requestor, ...supervisors],
    completed: supervisors,
    escalation: supervisors,
    cancelled: [...requestor, ...assignee],
    reprioritized: [...requestor, ...assignee],
    redated: [...requestor, ...assignee],
    workDone: requestor,
    workReopened: requestor,
    delayed: requestor,
    requestorReply: order.assignee ? [...supervisors, ...assignee] : supervisors,
    emergency: supervisors,
    respondReminder: supervisors,
    respondEscalation: supervisors,
  };
  return cleanRecipients(map[kind]);
}

export interface PlannedEmail {
  kind: EmailKind;
  to: string[];
}

/**
 * Kinds written for staff whose news the requestor gets in words of their own: work done, and that
 * work they were told was done has been sent back to be finished (else the next "Work done" comes
 * with no word of why the first did not hold).
 */
const REQUESTOR_KIND: Partial<Record<EmailKind, EmailKind>> = {
  completed: 'workDone',
  returned: 'workReopened',
};

const KIND_OF_ACTION: Partial<Record<Transition['action'] | Amendment['action'], EmailKind>> = {
  reprioritize: 'reprioritized',
  redate: 'redated',
  reassignWork: 'assigned',
  approve: 'approved',
  reject: 'rejected',
  assign: 'assigned',
  reassign: 'assigned',
  hold: 'onHold',
  complete: 'completed',
  close: 'closed',
  return: 'returned',
  cancel: 'cancelled',
};

function canTakeWork(staff: readonly StaffMember[], email: string): boolean {
  const wanted = email.trim().toLowerCase();
  return activeTechnicians(staff).some((m) => m.email === wanted);
}

/**
 * Who gets which email after a transition, from the table's notify list, honouring the Settings
 * switches. Supervisors are the active Supervisors (administrators when there are none). The person
 * who made the change is not emailed about it. `order` is the work order after the transition.
 */
export function recipientsFor(
  transition: Pick<Transition | Amendment, 'action' | 'notify'>,
  order: WorkOrder,
  staff: readonly StaffMember[],
  previousAssignee: string,
  options: { switches?: NotifySwitches; actorEmail?: string } = {},
): PlannedEmail[] {
  const kind = KIND_OF_ACTION[transition.action];
  if (!kind) return [];
  const s = options.switches ?? { notifyRequestor: true, notifyAssignee: true, notifySupervisors: true };
  const supervisors = supervisorEmails(staff);
  const main: string[] = [];
  const unassigned: string[] = [];
  const requestor: string[] = [];
  // The requestor gets an email of their own, never one shared with staff (whose addresses they would
  // see, and reach with Reply all), in their own wording where the kind speaks to staff ("please
  // review and close").
  const ownKind = REQUESTOR_KIND[kind];
  for (const recipient of transition.notify) {
    if (recipient === 'requestor' && s.notifyRequestor) requestor.push(order.requesterEmail);
    if (recipient === 'assignee' && s.notifyAssignee) main.push(order.assignee);
    // Someone who can no longer be given work (left, or a role that takes none) has nothing to stop.
    if (recipient === 'previousAssignee' && s.notifyAssignee && canTakeWork(staff, previousAssignee))
      unassigned.push(previousAssignee);
    if (recipient === 'supervisors' && s.notifySupervisors) {
      main.push(...(supervisors.length > 0 ? supervisors : administratorEmails(staff)));
    }
  }
  const actor = (options.actorEmail ?? '').trim().toLowerCase();
  const keep = (list: string[]): string[] => cleanRecipients(list).filter((e) => e !== actor);
  const requestorTo = keep(requestor);
  // A requestor who is also staff gets the same news once (the requestor's copy), unless the staff's
  // email asks them to act on it.
  const staffTo = ownKind ? keep(main) : keep(main).filter((e) => !requestorTo.includes(e));
  const planned: PlannedEmail[] = [
    { kind, to: staffTo },
    {
      kind: 'unassigned' as const,
      to: keep(unassigned).filter((e) => e !== order.assignee.trim().toLowerCase()),
    },
    { kind: ownKind ?? kind, to: requestorTo },
  ];
  return planned.filter((p) => p.to.length > 0);
}
