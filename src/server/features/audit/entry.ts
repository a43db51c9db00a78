import { ANCHOR_WORD, parseAnchor } from '../../../core/log-anchor';
import { requireAdministrator } from '../../adapters/administrators';
import { activeSpreadsheet } from '../../adapters/workbook';
import { verifyChangeLog, type AuditResult } from './verify';
import { alertUser, promptUser } from '../../adapters/ui';
import { confirmWithUser } from '../../adapters/installation-services';
import { describePutBack, putBackFromLog, type PutBackOutcome } from '../integrity/register-putback';

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
 */
export function verifyAuditLog(): (AuditResult & { putBack?: PutBackOutcome }) | VerifyNotRun {
  const ss = activeSpreadsheet();
  const { email, reference } = requireAdministrator(ss, 'verify the audit log');
  const typed = promptUser('Verify audit log', ASK);
  if (typed === null) return { notRun: true, message: 'Cancelled: nothing was verified.' };
  const anchor = parseAnchor(typed);
  if (anchor && 'problem' in anchor) {
    alertUser('Anchor not understood', `Nothing was verified. ${anchor.problem}`);
    return { notRun: true, message: anchor.problem };
  }
  const result = verifyChangeLog(ss, anchor);
  const findings = result.ok ? [] : (result.register ?? []);
  if (findings.length === 0) {
    alertUser(result.ok ? 'Audit log verified' : 'Audit log broken', result.message);
    return result;
  }
  // Register values the log does not vouch for: the one place Verify writes, and only when asked.
  const ask = `${result.message}\n\nPut these values back as the change log says now?`;
  if (!confirmWithUser('Audit log broken', ask)) return result;
  const putBack = putBackFromLog(ss, findings, email, reference.timeZone, new Date());
  alertUser('Register values put back', describePutBack(putBack));
  return { ...result, putBack };
}
