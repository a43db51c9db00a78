import { ANCHOR_WORD, parseAnchor } from '../../../core/log-anchor';
import { requireAdministrator } from '../../adapters/administrators';
import { activeSpreadsheet } from '../../adapters/workbook';
import { verifyChangeLog, type AuditResult } from './verify';
import { alertUser, promptUser } from '../../adapters/ui';

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
 * and returns it.
 */
export function verifyAuditLog(): AuditResult | VerifyNotRun {
  const ss = activeSpreadsheet();
  requireAdministrator(ss, 'verify the audit log');
  const typed = promptUser('Verify audit log', ASK);
  if (typed === null) return { notRun: true, message: 'Cancelled: nothing was verified.' };
  const anchor = parseAnchor(typed);
  if (anchor && 'problem' in anchor) {
    alertUser('Anchor not understood', `Nothing was verified. ${anchor.problem}`);
    return { notRun: true, message: anchor.problem };
  }
  const result = verifyChangeLog(ss, anchor);
  alertUser(result.ok ? 'Audit log verified' : 'Audit log broken', result.message);
  return result;
}
