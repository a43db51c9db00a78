/**
 * The order of a new register's columns, for the people who edit it: what identifies the order and
 * its Status first, then the technician's own columns (notes, results, actions taken, reason) right
 * beside Status, then what the work is, and the add-on's own stamps at the end (setup hides them:
 * SYSTEM_FIELDS). Only a new register is laid out so: columns are found by header, and setup never
 * moves the columns of a register in use.
 */
import type { WorkOrderField } from './model';

/**
 * Columns only the add-on writes and nobody needs while working (stamps, the response row, the
 * revision): setup hides them, so Status, notes, results and actions sit among the columns people see.
 * Hidden, not moved: every column is still found by its header, and nothing in them is lost.
 */
export const SYSTEM_FIELDS: readonly WorkOrderField[] = [
  'decidedBy',
  'decidedAt',
  'assignedAt',
  'startedAt',
  'closedBy',
  'closedAt',
  'heldSince',
  'responseRef',
  'revision',
];

export const REGISTER_FIELD_ORDER: readonly WorkOrderField[] = [
  'id',
  'woNumber',
  'status',
  'notes',
  'results',
  'actions',
  'reason',
  'priority',
  'due',
  'heldHours',
  'category',
  'assignee',
  'location',
  'asset',
  'description',
  'urgency',
  'resources',
  'requesterName',
  'requesterEmail',
  'requestedAt',
  'completedAt',
  'reviewFlag',
  ...SYSTEM_FIELDS,
];
