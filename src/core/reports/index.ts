/** Public surface of the pure report aggregation. */
import { SHEET_NAMES } from '../model';
import { COST_TAB } from './cost';

export { computeReports, DEFAULT_MONTHS, DEFAULT_WEEKS } from './compute';
export { reportTables } from './tables';
export { neutralize } from './neutralize';
export { DEFINITIONS } from './definitions';
export type * from './types';

/** Every tab Build reports rewrites, by name: protected for the roles that may build reports. */
export const REPORT_TAB_NAMES: readonly string[] = [
  SHEET_NAMES.reportSummary,
  SHEET_NAMES.reportTrends,
  SHEET_NAMES.reportBottlenecks,
  SHEET_NAMES.reportMaintenance,
  COST_TAB,
];
