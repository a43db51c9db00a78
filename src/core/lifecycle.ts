/**
 * The lifecycle of a work order: the one declared transition table (./lifecycle-table), who may edit
 * which column (./field-rights), and the checks and effects built on them. Import from here.
 */
export * from './lifecycle-table';
export * from './field-rights';
export * from './transition';
export * from './field-changes';
export * from './sheet-edit';
