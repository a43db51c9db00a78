/**
 * Who may type into which register column. The edit trigger reverts everything else with a note.
 */
import type { Role, WorkOrderField } from './model';

/** Fields only the add-on writes: an edit by hand is reverted. */
export const LOCKED_FIELDS: readonly WorkOrderField[] = [
  'id',
  'woNumber',
  'requestedAt',
  'requesterEmail',
  'decidedBy',
  'decidedAt',
  'assignedAt',
  'startedAt',
  'completedAt',
  'closedBy',
  'closedAt',
  'responseRef',
  'revision',
  'reviewFlag',
];

const TECHNICIAN_FIELDS: readonly WorkOrderField[] = ['status', 'notes', 'results', 'actions', 'reason'];
const SUPERVISOR_FIELDS: readonly WorkOrderField[] = [
  ...TECHNICIAN_FIELDS,
  'priority',
  'category',
  'assignee',
  'due',
];

/** Fields each role may change by typing in the register. Everything else is reverted with a note. */
export const EDITABLE_IN_SHEET: Readonly<Record<Role, readonly WorkOrderField[]>> = {
  Technician: TECHNICIAN_FIELDS,
  Supervisor: SUPERVISOR_FIELDS,
  Administrator: SUPERVISOR_FIELDS,
  Manager: [],
};

/** Supervisors and administrators (acting as supervisors) do the supervisor rows. */
export function actsAsSupervisor(role: Role | null | undefined): boolean {
  return role === 'Supervisor' || role === 'Administrator';
}
