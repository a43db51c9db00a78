/**
 * Header-driven layout (./headers) and the register's rows (./register-row). Import from here.
 * Also how the register is shown to the people who edit it: which columns the add-on keeps to itself
 * (hidden by setup, still found by header) and the one date-time format.
 */
import type { WorkOrderField } from './model';

export * from './headers';
export * from './register-row';

/** The add-on's own columns, hidden by setup (declared with the order a new register's columns take). */
export { SYSTEM_FIELDS } from './register-order';

/**
 * Columns added after registers were already in use: a register without them keeps working (their
 * values are simply not kept) until *Set up work orders* adds them at the end.
 */
export const LATER_FIELDS: readonly WorkOrderField[] = ['heldSince', 'heldHours', 'asset'];

/** Register columns holding a date and time. */
export const DATE_TIME_FIELDS: readonly WorkOrderField[] = [
  'due',
  'requestedAt',
  'decidedAt',
  'assignedAt',
  'startedAt',
  'completedAt',
  'closedAt',
  'heldSince',
];

/** The one date-time display format (declared in ./time with the text form emails and sidebars use). */
export { DATE_TIME_NUMBER_FORMAT } from './time';
