/**
 * The edit trigger's word on the Assets and Schedules tabs (./catalog-edit.ts judges, this logs and
 * follows up: the intake form's asset question after an accepted Assets edit).
 */
import type { UnhashedEntry } from '../../../core/audit';
import { ASSET_HEADER_ROW, ASSETS_ACCEPTED, parseAssets } from '../../../core/assets';
import { SHEET_NAMES } from '../../../core/model';
import { parseSchedules, SCHEDULE_HEADER_ROW, SCHEDULES_ACCEPTED } from '../../../core/schedules';
import { appendChangeLog } from '../../adapters/change-log';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { loadReferenceData } from '../../adapters/reference-data';
import type { EditedRange } from '../edits/register-edit';
import { scheduleContext } from '../schedules/schedules-tab';
import { syncAssetQuestion } from './asset-question';
import { assetContext, readAssets } from './assets-tab';
import { judgeCatalogHandEdit, type CatalogSpec } from './catalog-edit';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function log(ss: Spreadsheet, entries: UnhashedEntry[]): void {
  if (entries.length > 0) withOwnerAndDocumentLocks(() => appendChangeLog(ss, entries, {}));
}

/** Assets or Schedules edited by hand: returns the toast to show, if any. */
export function handleCatalogEdit(ss: Spreadsheet, sheet: Sheet, range: EditedRange): string | null {
  const reference = loadReferenceData(ss);
  const { settings } = reference;
  if (sheet.getName() === SHEET_NAMES.assets) {
    const context = assetContext(settings);
    const spec: CatalogSpec = {
      tab: SHEET_NAMES.assets,
      headerRow: ASSET_HEADER_ROW,
      accepted: ASSETS_ACCEPTED,
      problems: (values) => parseAssets(values, context).problems,
    };
    const outcome = judgeCatalogHandEdit(sheet, range, reference, spec);
    log(ss, outcome.entries);
    if (outcome.changed) syncAssetQuestion(ss, settings, parseAssets(outcome.values, context).assets);
    return outcome.toast;
  }
  const context = scheduleContext(settings, readAssets(ss, settings).assets, reference.timeZone);
  const spec: CatalogSpec = {
    tab: SHEET_NAMES.schedules,
    headerRow: SCHEDULE_HEADER_ROW,
    accepted: SCHEDULES_ACCEPTED,
    problems: (values) => parseSchedules(values, context).problems,
  };
  const outcome = judgeCatalogHandEdit(sheet, range, reference, spec);
  log(ss, outcome.entries);
  return outcome.toast;
}
