/**
 * Who may type into which register column, as the permission table (./permissions) declares it. The
 * edit trigger reverts everything else with a note.
 */
import type { Role, WorkOrderField } from './model';
import { LOCKED_FIELDS, PERMISSIONS, roleMay } from './permissions';

export { LOCKED_FIELDS };

/** Fields each role may change by typing in the register. Everything else is reverted with a note. */
export const EDITABLE_IN_SHEET: Readonly<Record<Role, readonly WorkOrderField[]>> = {
  Technician: PERMISSIONS.Technician.fields,
  Supervisor: PERMISSIONS.Supervisor.fields,
  Administrator: PERMISSIONS.Administrator.fields,
  Manager: PERMISSIONS.Manager.fields,
};

/** Supervisors and administrators (acting as supervisors) do the supervisor rows. */
export function actsAsSupervisor(role: Role | null | undefined): boolean {
  return roleMay(role, 'superviseWork');
}

/** May this role change work orders at all (its own assigned ones, or as a supervisor)? */
export function changesWorkOrders(role: Role | null | undefined): boolean {
  return roleMay(role, 'workAssignedOrder') || roleMay(role, 'superviseWork');
}

/**
 * What to do about an order in a final status (Rejected, Closed, Cancelled): no step leads out of one,
 * so more work on the same fault is a new request.
 */
export const FINAL_NEXT_STEP = 'If more work is needed, submit a new request on the request form';
