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
import { findTab, readTabValues } from '../../adapters/workbook';
import { sheetProtection } from '../../adapters/installation-services';
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
  // Before setup protects them (applyProtections runs later): a tab setup makes is protected at once,
  // so one found with no protection may hold rows anyone typed, which the hourly job would make orders
  // from once it is protected (until then the job refuses it: schedules/tab-trust.ts).
  const unprotected = [SHEET_NAMES.assets, SHEET_NAMES.schedules].filter((name) => {
    const found = findTab(ss, name);
    return found !== null && !sheetProtection(found);
  });
  locked(() => ensureAssetsSheet(ss, settings, report));
  locked(() => ensureSchedulesSheet(ss, settings, staff, report));
  return locked(() => acceptCatalog(ss, settings, timeZone, report, unprotected));
}

/** The tabs as they stand become the accepted copies; their bad rows go into the summary. */
function acceptCatalog(
  ss: Spreadsheet,
  settings: Settings,
  timeZone: string,
  report: SetupReport,
  /** The tabs that were there before this run without a protection. */
  unprotected: readonly string[],
): { assetChoices: string[] } {
  const assetValues = readTabValues(ss, SHEET_NAMES.assets) ?? [];
  const assets = parseAssets(assetValues, assetContext(settings));
  const scheduleValues = readTabValues(ss, SHEET_NAMES.schedules) ?? [];
  const schedules = parseSchedules(scheduleValues, scheduleContext(settings, assets.assets, timeZone));
  report.warnings.push(...[...assets.problems, ...schedules.problems].map((p) => p.message));
  for (const [name, values] of [
    [SHEET_NAMES.assets, assetValues],
    [SHEET_NAMES.schedules, scheduleValues],
  ] as const)
    if (unprotected.includes(name) && values.length > 1)
      report.warnings.push(
        `the ${name} tab had rows and no protection, so anyone who can edit the spreadsheet could have typed them: check each row before the next hourly run makes preventive orders from them (from now on only administrators can change the tab)`,
      );
  recordAcceptedCatalog(SHEET_NAMES.assets, assetValues);
  recordAcceptedCatalog(SHEET_NAMES.schedules, scheduleValues);
  return { assetChoices: assetChoices(assets.assets) };
}
