/** Public surface of the pure report aggregation. */
export { computeReports, DEFAULT_MONTHS, DEFAULT_WEEKS } from './compute';
export { reportTables } from './tables';
export { neutralize } from './neutralize';
export { DEFINITIONS } from './definitions';
export type * from './types';
