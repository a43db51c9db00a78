import { ANCHOR_WORD, parseAnchor, type LogAnchor } from '../../../core/log-anchor';
import { actsAsSupervisor } from '../../../core/field-rights';
import { roleOf } from '../../../core/staff';
import { requireAdministrator } from '../../adapters/administrators';
import { activeSpreadsheet } from '../../adapters/workbook';
import { registerTab } from '../../adapters/register-tab';
import { checkPendingEdits } from '../edits/pending';
import { verifyChangeLog, type AuditResult } from './verify';
import { alertUser, promptUser } from '../../adapters/ui';
import { confirmWithUser } from '../../adapters/installation-services';
import { describePutBack, putBackFromLog, type PutBackOutcome } from '../integrity/register-putback';
import { clearVerifyProgress, readVerifyProgress, registerRowsPerRun } from './progress';
import { afterRun, omittedRows } from './runs';
import type { WorkRecordRepairs } from './work-records';
import {
  describeWorkRecordsPutBack,
  putBackWorkRecords,
  type WorkRecordsPutBack,
} from './work-records-putback';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Verify was not run: the person cancelled, or what they pasted is not an anchor (said why). */
export interface VerifyNotRun {
  notRun: true;
  message: string;
}

const ASK =
  `Optional: to check the log against a daily anchor email, paste its ${ANCHOR_WORD} line ` +
  `(for example "${ANCHOR_WORD} 1234 9f86d081…"). An anchor proves the log was not cut short or rewritten ` +
  "even if the add-on's own record of it was reset. Leave empty to verify against the add-on's record only.";

/**
 * Menu: Verify audit log (administrators). Asks for an optional daily anchor, then shows the outcome
 * and returns it. When register values differ from the change log, it asks whether to put them back.
 *
 * A register larger than one run compares (progress.ts) is compared over several runs, each verifying
 * the whole log again: a run that leaves rows says how far it got, and the next one (no anchor asked:
 * the first run's is kept) continues. Only the run that compares the last rows gives a verdict, and
 * only then is putting values back offered.
 */
export function verifyAuditLog():
  (AuditResult & { putBack?: PutBackOutcome; workRecordsPutBack?: WorkRecordsPutBack }) | VerifyNotRun {
  const ss = activeSpreadsheet();
  const { email, reference } = requireAdministrator(ss, 'verify the audit log');
  const progress = readVerifyProgress();
  let anchor: LogAnchor | null = progress?.anchor ?? null;
  if (!progress) {
    const typed = promptUser('Verify audit log', ASK);
    if (typed === null) return { notRun: true, message: 'Cancelled: nothing was verified.' };
    const parsed = parseAnchor(typed);
    if (parsed && 'problem' in parsed) {
      alertUser('Anchor not understood', `Nothing was verified. ${parsed.problem}`);
      return { notRun: true, message: parsed.problem };
    }
    anchor = parsed;
  }
  // Register edits the trigger could not check yet (the lock was busy) are checked first, as their
  // authors: left unchecked, an honest one reads as a write outside the add-on and is offered back.
  if (!progress) checkPendingEdits(ss, registerTab(ss), email);
  const perRun = registerRowsPerRun();
  const slice = { from: progress?.nextRow ?? 2, count: perRun };
  const supervises = (who: string) => actsAsSupervisor(roleOf(reference.staff, who));
  const run = verifyChangeLog(ss, anchor, { slice, earlier: progress, supervises });
  const result = afterRun(run, progress, anchor, perRun, reference.timeZone);
  if ('partial' in result && result.partial) {
    alertUser('Audit log: verification continues', result.message);
    return result;
  }
  if (progress) clearVerifyProgress();
  const work = result.ok ? undefined : result.workRecords;
  if (work && work.repairs.length > 0) return offerWorkRecords(ss, result, work, email);
  // Findings in words (a break in an order's history, a row the log never made) have no value to put back.
  const findings = (result.ok ? [] : (result.register ?? [])).filter((f) => !f.note);
  if (findings.length === 0) {
    alertUser(result.ok ? 'Audit log verified' : 'Audit log broken', result.message);
    return result;
  }
  // Register values the log does not vouch for: the one place Verify writes, and only when asked.
  const ask = `${result.message}\n\nPut these values back as the change log says now?`;
  if (!confirmWithUser('Audit log broken', ask)) return result;
  const putBack = putBackFromLog(ss, findings, email, reference.timeZone, new Date());
  // Rows found by earlier runs beyond those kept are left for the next Verify, like those past a run's share.
  putBack.remaining += omittedRows(run, progress);
  alertUser('Register values put back', describePutBack(putBack));
  return { ...result, putBack };
}

/** Time and Parts Used rows deleted or changed by hand: shown, and put back from the log when asked. */
function offerWorkRecords(
  ss: Spreadsheet,
  result: AuditResult,
  work: WorkRecordRepairs,
  email: string,
): AuditResult & { workRecordsPutBack?: WorkRecordsPutBack } {
  const cannot =
    work.unrepairable > 0
      ? ` ${work.unrepairable} other row(s) cannot be rebuilt from their log lines (recorded in an older format) and stay as they are.`
      : '';
  const ask = `${result.message}${cannot}\n\nPut ${work.repairs.length} row(s) back as the change log records them?`;
  if (!confirmWithUser('Audit log broken', ask)) return result;
  const outcome = putBackWorkRecords(ss, work.repairs, email, new Date());
  alertUser('Work records put back', describeWorkRecordsPutBack(outcome));
  return { ...result, workRecordsPutBack: outcome };
}
