/**
 * The lifecycle of a work order: the one declared transition table (./lifecycle-table) and the checks
 * and effects built on it (./transition). Import from here.
 */
export * from './lifecycle-table';
export * from './transition';
