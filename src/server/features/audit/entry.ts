import { requireAdministrator } from '../../adapters/administrators';
import { activeSpreadsheet } from '../../adapters/workbook';
import { verifyChangeLog, type AuditResult } from './verify';

/** Menu: Verify audit log (administrators). Shows the outcome and returns it. */
export function verifyAuditLog(): AuditResult {
  const ss = activeSpreadsheet();
  requireAdministrator(ss, 'verify the audit log');
  const result = verifyChangeLog(ss);
  const ui = SpreadsheetApp.getUi();
  ui.alert(result.ok ? 'Audit log verified' : 'Audit log broken', result.message, ui.ButtonSet.OK);
  return result;
}
