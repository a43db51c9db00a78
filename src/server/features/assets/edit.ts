/**
 * The edit trigger's word on the Assets and Schedules tabs (./catalog-edit.ts judges, this logs and
 * follows up: the intake form's asset question after an accepted Assets edit).
 */
import { parseAssets } from '../../../core/assets';
import { SHEET_NAMES, isTabNamed } from '../../../core/model';
import { parseSchedules } from '../../../core/schedules';
import type { Settings } from '../../../core/settings';
import { appendChangeLog } from '../../adapters/change-log';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import type { EditedRange } from '../edits/register-edit';
import { scheduleContext } from '../schedules/schedules-tab';
import { syncAssetQuestion } from './asset-question';
import { assetContext, readAssets } from './assets-tab';
import { judgeCatalogHandEdit, type CatalogSpec } from './catalog-edit';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

/** How a catalog tab's hand edit is judged, and what follows an edit that changed the tab. */
interface CatalogEditing {
  spec: CatalogSpec;
  afterChange?: (values: unknown[][]) => void;
}

function assetsEditing(ss: Spreadsheet, settings: Settings): CatalogEditing {
  const context = assetContext(settings);
  return {
    spec: {
      tab: SHEET_NAMES.assets,
      problems: (values) => parseAssets(values, context).problems,
    },
    // The intake form's asset question follows the tab.
    afterChange: (values) => syncAssetQuestion(ss, settings, parseAssets(values, context).assets),
  };
}

function schedulesEditing(ss: Spreadsheet, reference: ReferenceData): CatalogEditing {
  const { settings } = reference;
  const assets = readAssets(ss, settings);
  const context = scheduleContext(settings, assets.assets, reference.timeZone, assets.refused);
  return {
    spec: {
      tab: SHEET_NAMES.schedules,
      problems: (values) => parseSchedules(values, context).problems,
    },
  };
}

/** Assets or Schedules edited by hand: returns the toast to show, if any. */
export function handleCatalogEdit(ss: Spreadsheet, sheet: Sheet, range: EditedRange): string | null {
  const reference = loadReferenceData(ss);
  const editing = isTabNamed(sheet.getName(), SHEET_NAMES.assets)
    ? assetsEditing(ss, reference.settings)
    : schedulesEditing(ss, reference);
  const outcome = judgeCatalogHandEdit(sheet, range, reference, editing.spec);
  if (outcome.entries.length > 0) withOwnerAndDocumentLocks(() => appendChangeLog(ss, outcome.entries, {}));
  if (outcome.changed) editing.afterChange?.(outcome.values);
  return outcome.toast;
}
