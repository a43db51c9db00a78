import { requireAdministrator } from '../../adapters/administrators';
import { openSpreadsheet } from '../../adapters/sheet-services';
import { ownsHourlyJob, spreadsheetIdOfTrigger, triggerUidOf } from '../../adapters/trigger-target';
import { activeSpreadsheet, UserFacingError } from '../../adapters/workbook';
import { runHourlyJob, summarizeHourly, type HourlyReport } from './job';
import { alertUser } from '../../adapters/ui';
import { isOwnTrigger, retiredAsFormerOwner } from '../setup/installation';

/**
 * The add-on's one time-driven trigger. It runs as its owner with no document: the spreadsheet is the
 * one setup mapped this trigger's uid to (owner's HOURLY_TRIGGER_MAP).
 */
export function onHourlyTrigger(e?: unknown): HourlyReport | null {
  const uid = triggerUidOf(e);
  if (uid === null) return null;
  const spreadsheetId = spreadsheetIdOfTrigger(uid);
  if (spreadsheetId === null) {
    // A made-up event (a console call) names no trigger of this account: nothing to do, nobody to email.
    if (!isOwnTrigger(uid)) return null;
    throw new Error(
      `Hourly trigger ${uid} is not linked to any spreadsheet in its owner's settings. Open the spreadsheet and run ` +
        'Extensions › Work Orders › Set up work orders to link it again.',
    );
  }
  const ss = openSpreadsheet(spreadsheetId);
  if (retiredAsFormerOwner(ss)) return null;
  return runHourlyJob(ss, 'onHourlyTrigger');
}

/**
 * Menu: Run hourly checks now (administrators). Only the owner of this spreadsheet's triggers may run
 * it: the job's state (reminders sent, the intake ledger and request counter) lives in that person's
 * properties, and run by anyone else it would start from nothing and repeat reminders or ids.
 */
export function runHourlyChecksNow(): HourlyReport {
  const ss = activeSpreadsheet();
  requireAdministrator(ss, 'run the hourly checks');
  if (!ownsHourlyJob(ss.getId())) {
    throw new UserFacingError(
      'The hourly checks of this spreadsheet run as the administrator who set up its triggers (their reminder history, ' +
        'request counter and mail quota are used). Ask them to run this item.',
    );
  }
  const report = runHourlyJob(ss, 'runHourlyChecksNow');
  alertUser('Work Orders hourly checks', summarizeHourly(report));
  return report;
}
