import type { UnhashedEntry } from '../../core/audit';
import { appendChangeLogTail, type TailAppendOptions } from './change-log-tail';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Appends entries to the change log, chained to the last row's hash, in one write however many
 * entries. Where the log ends is remembered between executions (change-log-tail.ts), so a warm append
 * costs one verifying read and one write; the sheet grows ahead of the log. Callers hold the document
 * lock (or, in the hourly job, the owner's lock), so no other append slips between the read and the
 * write.
 */
export function appendChangeLog(
  ss: Spreadsheet,
  entries: readonly UnhashedEntry[],
  options: TailAppendOptions = { spareCalls: 1 },
): void {
  appendChangeLogTail(ss, entries, options);
}
