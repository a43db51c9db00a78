import { requireAdministrator } from '../../adapters/administrators';
import { ownsHourlyJob, spreadsheetIdOfTrigger, triggerUidOf } from '../../adapters/trigger-target';
import { activeSpreadsheet, UserFacingError } from '../../adapters/workbook';
import { runHourlyJob, summarizeHourly, type HourlyReport } from './job';
import { openSpreadsheet } from '../../adapters/sheet-services';
import { alertUser } from '../../adapters/ui';

/**
 * The add-on's one time-driven trigger. It runs as its owner with no document: the spreadsheet is the
 * one setup mapped this trigger's uid to (owner's HOURLY_TRIGGER_MAP).
 */
export function onHourlyTrigger(e?: unknown): HourlyReport {
  const uid = triggerUidOf(e);
  if (uid === null)
    throw new Error(
      'onHourlyTrigger was started without a trigger event; it runs from its hourly trigger only.',
    );
  const spreadsheetId = spreadsheetIdOfTrigger(uid);
  if (spreadsheetId === null) {
    throw new Error(
      `Hourly trigger ${uid} is not linked to any spreadsheet in its owner's settings. Open the spreadsheet and run ` +
        'Extensions › Work Orders › Set up work orders to link it again.',
    );
  }
  return runHourlyJob(openSpreadsheet(spreadsheetId), 'onHourlyTrigger');
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
