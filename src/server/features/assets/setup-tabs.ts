/**
 * Setup's part for the Assets and Schedules tabs: both exist with their headers and drop-downs, their
 * bad rows are named in the setup summary, and the tabs as they stand become the accepted copies the
 * edit trigger puts a refused paste back from. Returns the intake form's asset choices.
 */
import { parseAssets } from '../../../core/assets';
import { SHEET_NAMES, type StaffMember } from '../../../core/model';
import { parseSchedules } from '../../../core/schedules';
import type { Settings } from '../../../core/settings';
import type { SetupReport } from '../setup/report';
import { readTabValues } from '../../adapters/workbook';
import { ensureSchedulesSheet, scheduleContext } from '../schedules/schedules-tab';
import { assetChoices } from './asset-question';
import { assetContext, ensureAssetsSheet } from './assets-tab';
import { recordAcceptedCatalog } from './catalog-edit';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export function ensureCatalogTabs(
  ss: Spreadsheet,
  settings: Settings,
  staff: readonly StaffMember[],
  timeZone: string,
  report: SetupReport,
  /** Setup makes each tab under a hold of the document lock of its own. */
  locked: <T>(step: () => T) => T = (step) => step(),
): { assetChoices: string[] } {
  locked(() => ensureAssetsSheet(ss, settings, report));
  locked(() => ensureSchedulesSheet(ss, settings, staff, report));
  return locked(() => acceptCatalog(ss, settings, timeZone, report));
}

/** The tabs as they stand become the accepted copies; their bad rows go into the summary. */
function acceptCatalog(
  ss: Spreadsheet,
  settings: Settings,
  timeZone: string,
  report: SetupReport,
): { assetChoices: string[] } {
  const assetValues = readTabValues(ss, SHEET_NAMES.assets) ?? [];
  const assets = parseAssets(assetValues, assetContext(settings));
  const scheduleValues = readTabValues(ss, SHEET_NAMES.schedules) ?? [];
  const schedules = parseSchedules(scheduleValues, scheduleContext(settings, assets.assets, timeZone));
  report.warnings.push(...[...assets.problems, ...schedules.problems].map((p) => p.message));
  recordAcceptedCatalog(SHEET_NAMES.assets, assetValues);
  recordAcceptedCatalog(SHEET_NAMES.schedules, scheduleValues);
  return { assetChoices: assetChoices(assets.assets) };
}
