import { requireAdministrator } from '../../adapters/administrators';
import { activeSpreadsheet } from '../../adapters/workbook';
import { verifyChangeLog, type AuditResult } from './verify';
import { alertUser } from '../../adapters/ui';

/** Menu: Verify audit log (administrators). Shows the outcome and returns it. */
export function verifyAuditLog(): AuditResult {
  const ss = activeSpreadsheet();
  requireAdministrator(ss, 'verify the audit log');
  const result = verifyChangeLog(ss);
  alertUser(result.ok ? 'Audit log verified' : 'Audit log broken', result.message);
  return result;
}
