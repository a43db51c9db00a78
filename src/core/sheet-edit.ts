/**
 * May a person type into a given register cell? The column rights come from ./field-rights; the
 * status move itself is judged by checkTransition.
 */
import {
  EDITABLE_IN_SHEET,
  FINAL_NEXT_STEP,
  LOCKED_FIELDS,
  actsAsSupervisor,
  changesWorkOrders,
} from './field-rights';
import {
  FINAL_STATUSES,
  REGISTER_COLUMNS,
  type StaffMember,
  type WorkOrder,
  type WorkOrderField,
} from './model';
import { nameOf } from './staff';
import type { TransitionActor } from './transition';

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface SheetEditInput {
  order: WorkOrder;
  actor: TransitionActor;
  field: WorkOrderField;
  /** The Staff tab, to name the assignee in a refusal (their email when not given). */
  staff?: readonly StaffMember[];
}

/**
 * May `actor` type into `field` of `order` in the register? Status edits pass here when the role may
 * touch the Status column at all; the move itself is then judged by `checkTransition`.
 */
export function checkSheetEdit({
  order,
  actor,
  field,
  staff = [],
}: SheetEditInput): { ok: true } | { ok: false; reason: string } {
  const header = REGISTER_COLUMNS[field];
  if (actor.role === null)
    return { ok: false, reason: `${actor.email || 'This user'} is not active staff on the Staff tab` };
  if (!changesWorkOrders(actor.role))
    return { ok: false, reason: `${actor.role}s can read the register but not edit it` };
  if (LOCKED_FIELDS.includes(field)) {
    return { ok: false, reason: `${header} is filled in by the add-on and cannot be edited by hand` };
  }
  if (!EDITABLE_IN_SHEET[actor.role].includes(field)) {
    // A column no role types into (the request as submitted) is nobody's to change, not a supervisor's.
    return actsAsSupervisor(actor.role) || !EDITABLE_IN_SHEET.Supervisor.includes(field)
      ? { ok: false, reason: `${header} is kept as the requestor submitted it` }
      : {
          ok: false,
          reason: `Only a supervisor can change ${header}: if it should change, ask a supervisor`,
        };
  }
  if (FINAL_STATUSES.includes(order.status)) {
    return {
      ok: false,
      reason: `This work order is ${order.status}: it can no longer be edited. ${FINAL_NEXT_STEP}`,
    };
  }
  if (
    !actsAsSupervisor(actor.role) &&
    (order.assignee.trim() === '' || !sameEmail(order.assignee, actor.email))
  ) {
    return { ok: false, reason: notYours(order, staff) };
  }
  return { ok: true };
}

/**
 * A technician's edit of an order that is not theirs: whose it is, and what to do if it should be
 * theirs (a supervisor assigns and reassigns in Review & assign), not only who may edit it.
 */
function notYours(order: WorkOrder, staff: readonly StaffMember[]): string {
  const rule = 'Only the assignee or a supervisor can edit this work order';
  if (order.assignee.trim() === '')
    return `${rule}, and nobody is assigned to it yet: if it should be yours, ask a supervisor to assign it to you in Review & assign`;
  const name = nameOf(staff, order.assignee);
  return `${rule}, and it is assigned to ${name}, not to you: if it should be yours, ask a supervisor to reassign it in Review & assign`;
}
