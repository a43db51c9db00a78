/**
 * One run of Verify audit log within a comparison of the register spread over several runs
 * (progress.ts): whether this run leaves register rows for the next one, and if so what it records
 * and tells the administrator. A run that stops before its end records nothing, so the next one
 * compares its rows again; a run whose log does not verify ends the comparison with its verdict.
 */
import type { LogAnchor } from '../../../core/log-anchor';
import { SHEET_NAMES } from '../../../core/model';
import { formatLocal } from '../../../core/time';
import type { RegisterFinding } from '../integrity/register-check';
import { addFindings, writeVerifyProgress, type VerifyProgress } from './progress';
import type { AuditResult } from './verify';

/** The findings this run made (a result lists those earlier runs kept first). */
function thisRunFindings(run: AuditResult, earlier: VerifyProgress | null): RegisterFinding[] {
  const listed = run.ok ? [] : (run.register ?? []);
  return listed.slice(earlier?.kept.length ?? 0);
}

const rowKey = (f: RegisterFinding) => `${f.id}\u0000${f.row}`;

/** Register rows with findings that the final result does not list (found by earlier runs, not kept). */
export function omittedRows(run: AuditResult, earlier: VerifyProgress | null): number {
  if (!earlier) return 0;
  const listed = new Set((run.ok ? [] : (run.register ?? [])).map(rowKey));
  const total = earlier.rows + new Set(thisRunFindings(run, earlier).map(rowKey)).size;
  return Math.max(0, total - listed.size);
}

/**
 * The run's result as the administrator sees it: unchanged when it is a verdict (the log broken, or
 * the register's last rows compared), else a partial result, its progress written first.
 */
export function afterRun(
  run: AuditResult,
  earlier: VerifyProgress | null,
  anchor: LogAnchor | null,
  perRun: number,
  timeZone: string,
): AuditResult {
  const compared = run.compared;
  if (!compared || compared.last >= compared.registerLastRow) return run;
  const start: VerifyProgress = earlier ?? {
    startedAt: Date.now(),
    anchor: anchor ? { seq: anchor.seq, mac: anchor.mac } : null,
    nextRow: 2,
    values: 0,
    rows: 0,
    orders: 0,
    kept: [],
  };
  const progress = { ...addFindings(start, thisRunFindings(run, earlier)), nextRow: compared.last + 1 };
  writeVerifyProgress(progress);
  const missing = !run.ok && run.kind === 'deleted' ? `${run.message.split('\n')[0]}\n\n` : '';
  const found =
    progress.values > 0
      ? `${progress.values} value(s) in ${progress.orders} work order(s) differ from what the log says so far; they are listed, and putting them back offered, once every row is compared.`
      : 'None differs from what the log says so far.';
  const since = earlier
    ? ` This comparison started ${formatLocal(new Date(earlier.startedAt), timeZone)}${earlier.anchor ? ', with the anchor given then' : ''}.`
    : '';
  const message =
    `${missing}The change log verifies (${run.rowsVerified} rows), as the add-on recorded${anchor ? ' and as the anchor says' : ''}. ` +
    `The ${SHEET_NAMES.register} sheet is compared with it a share at a time, so that a run ends well inside Google's 6-minute limit: ` +
    `rows 2 to ${compared.last} of ${compared.registerLastRow} are compared. ${found}${since}\n\n` +
    `Run Verify audit log again to compare the next ${perRun} rows. Each run verifies the whole change log again, ` +
    'so an edit of the log between runs is caught by the next one.';
  return {
    ok: false,
    partial: true,
    compared,
    rowsVerified: run.rowsVerified,
    firstBrokenRow: 0,
    reason: `register compared through row ${compared.last} of ${compared.registerLastRow}`,
    message,
  };
}
