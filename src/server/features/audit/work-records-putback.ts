/**
 * What Verify audit log offers once it has shown Time or Parts Used rows deleted or changed by hand
 * (./work-records): to put them back as the change log records them, when the administrator answers
 * Yes. Each row was rebuilt from its log line and carries the seal the log recorded, so what is put
 * back is exactly what the technician recorded.
 *
 * Under the document lock, each tab is read again (one read): a gone row already back (typed in again,
 * or put back by another run) is left; a changed row is written over only when the row Verify found
 * still holds it. Gone rows are appended in one write per tab (a tab deleted whole is made again, and
 * protected as it is made); changed rows are rewritten one by one, at most PUT_BACK_ROWS_PER_RUN. Each
 * row put back is logged as "<tab> (put back)" with its line: a line under its own name, so what the
 * log recorded of the work, and what the next Verify checks, is unchanged.
 */
import type { UnhashedEntry } from '../../../core/audit';
import { SEALED_WORK_TABS } from '../../../core/work-record-lines';
import { writeChangeLog } from '../../adapters/change-log';
import { documentKey } from '../../adapters/addon-secret';
import { withDocumentLock } from '../../adapters/document-lock';
import { appendTabRows, rewriteTabRows } from '../../adapters/record-tabs';
import { PUT_BACK_ROWS_PER_RUN } from '../integrity/register-putback';
import { sealsNow, type WorkRecordRepair } from './work-records';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface WorkRecordsPutBack {
  /** Rows put back, per tab. */
  restored: Record<string, number>;
  /** Rows left as they are, each with why. */
  skipped: string[];
  /** Changed rows not looked at in this run (beyond PUT_BACK_ROWS_PER_RUN). */
  remaining: number;
}

export function putBackWorkRecords(
  ss: Spreadsheet,
  repairs: readonly WorkRecordRepair[],
  user: string,
  now: Date,
): WorkRecordsPutBack {
  const outcome: WorkRecordsPutBack = { restored: {}, skipped: [], remaining: 0 };
  const changed = repairs.filter((r) => r.row !== null);
  const thisRun = new Set([
    ...repairs.filter((r) => r.row === null),
    ...changed.slice(0, PUT_BACK_ROWS_PER_RUN),
  ]);
  outcome.remaining = changed.length - Math.min(changed.length, PUT_BACK_ROWS_PER_RUN);
  withDocumentLock(() => {
    const key = documentKey();
    if (!key) throw new Error('Document properties are not available: work records cannot be sealed.');
    const entries: UnhashedEntry[] = [];
    const appends = new Map<string, unknown[][]>();
    const rewrites = new Map<string, { row: number; values: unknown[] }[]>();
    for (const tab of new Set([...thisRun].map((r) => r.sheet))) {
      const present = sealsNow(ss, key, tab);
      for (const repair of [...thisRun].filter((r) => r.sheet === tab)) {
        const at = present.get(repair.found);
        if (repair.row === null ? at?.intact : at?.row !== repair.row || at.intact) {
          outcome.skipped.push(`${repair.id}'s ${tab} row "${repair.line}": changed since Verify read it`);
          continue;
        }
        if (repair.row === null) appends.set(tab, [...(appends.get(tab) ?? []), repair.values]);
        else rewrites.set(tab, [...(rewrites.get(tab) ?? []), { row: repair.row, values: repair.values }]);
        outcome.restored[tab] = (outcome.restored[tab] ?? 0) + 1;
        entries.push({
          at: now,
          user,
          source: 'system',
          recordId: repair.id,
          field: `${tab} (put back)`,
          oldValue: '',
          newValue: repair.line,
        });
      }
    }
    if (entries.length === 0) return;
    // As every writer: the log rows, the tabs, then the log's commit.
    const logged = writeChangeLog(ss, entries);
    for (const [tab, rows] of rewrites) rewriteTabRows(ss, tab, rows);
    for (const [tab, rows] of appends)
      appendTabRows(ss, tab, (SEALED_WORK_TABS[tab] as { header: readonly string[] }).header, rows);
    logged.commit();
  });
  return outcome;
}

/** What the administrator is told after putting rows back. */
export function describeWorkRecordsPutBack(outcome: WorkRecordsPutBack): string {
  const done = Object.entries(outcome.restored).map(([tab, n]) => `${n} ${tab} row(s)`);
  const said =
    done.length > 0
      ? `Put back as the change log records them, and logged: ${done.join(' and ')}.`
      : 'Nothing was put back.';
  const left = outcome.skipped.length > 0 ? ` Left as they are: ${outcome.skipped.join('; ')}.` : '';
  const more =
    outcome.remaining > 0
      ? ` ${outcome.remaining} more changed row(s) were not looked at: run Verify audit log again to put back the next ${PUT_BACK_ROWS_PER_RUN}.`
      : '';
  return said + left + more;
}
