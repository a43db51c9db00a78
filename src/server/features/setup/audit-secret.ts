import { ensureAddonSecret } from '../../adapters/addon-secret';
import { ownsHourlyJob } from '../../adapters/trigger-target';
import type { SetupReport } from './report';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/**
 * Setup's audit step: the add-on secret that keys the change log and the Outbox (created once, never
 * replaced), and its copy for the hourly job when the person running setup owns the triggers. A
 * re-run changes nothing.
 */
export function ensureAuditSecret(ss: Spreadsheet, report: SetupReport): void {
  const id = ss.getId();
  if (ensureAddonSecret(id, ownsHourlyJob(id)))
    report.created.push('the audit key (kept in the add-on’s document properties)');
}
