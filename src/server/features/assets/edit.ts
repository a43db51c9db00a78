/**
 * The edit trigger's word on the Assets and Schedules tabs (./catalog-edit.ts judges, this logs and
 * follows up: the intake form's asset question after an accepted Assets edit, a word on a schedule left
 * active with its Next Due past after a Schedules edit).
 */
import { ASSET_COLUMNS, parseAssets } from '../../../core/assets';
import { cellText, mapHeaders } from '../../../core/headers';
import { droppedFrom } from '../../../core/names-left-behind';
import type { Grid } from '../../../core/settings-edit';
import { formatLocal } from '../../../core/time';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { currentUserEmail } from '../../adapters/session';
import { readAcceptedGrid } from '../edits/accepted-tabs';
import { checkNamesLeftBehind, noteLeftBehind } from '../edits/names-left-behind';
import { SHEET_NAMES, isTabNamed } from '../../../core/model';
import { parseSchedules } from '../../../core/schedules';
import { appendChangeLog } from '../../adapters/change-log';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import type { EditedRange } from '../edits/register-edit';
import { pastDueNotice } from '../schedules/past-due-notice';
import { scheduleContext } from '../schedules/schedules-tab';
import { syncAssetQuestion } from './asset-question';
import { assetContext, readAssets } from './assets-tab';
import { eventOldValue, judgeCatalogHandEdit, type CatalogSpec } from './catalog-edit';
import { schedulesSkippedNotice } from './schedules-skipped';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

/** How a catalog tab's hand edit is judged, and what follows an edit that changed the tab. */
interface CatalogEditing {
  spec: CatalogSpec;
  afterChange?: (values: unknown[][]) => void;
  /** What to tell of the edited rows (`first`..`last`) once the tab changed, if anything. */
  notice?: (values: unknown[][], rows: readonly [number, number]) => string | null;
}

function assetsEditing(ss: Spreadsheet, reference: ReferenceData): CatalogEditing {
  const { settings } = reference;
  const context = assetContext(settings);
  return {
    spec: {
      tab: SHEET_NAMES.assets,
      problems: (values) => parseAssets(values, context).problems,
    },
    // The intake form's asset question follows the tab.
    afterChange: (values) => syncAssetQuestion(ss, settings, parseAssets(values, context).assets),
    // An asset retired or moved under an active schedule: said now, not after maintenance is missed.
    notice: (values, rows) => schedulesSkippedNotice(ss, settings, context, reference.timeZone, values, rows),
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
    notice: (values, rows) => pastDueNotice(values, context, rows, new Date()),
  };
}

/** Assets or Schedules edited by hand: returns the toast to show, if any. */
export function handleCatalogEdit(ss: Spreadsheet, sheet: Sheet, range: EditedRange): string | null {
  const reference = loadReferenceData(ss);
  const assetsTab = isTabNamed(sheet.getName(), SHEET_NAMES.assets);
  const editing = assetsTab ? assetsEditing(ss, reference) : schedulesEditing(ss, reference);
  // The Assets tab as last accepted, read before the judgement records the edit as the new copy, and
  // given to it (a refused paste puts its cells back from it): read once, and only for a paste, since
  // a single cell's old value comes with the event (unless it was pasted into: eventOldValue).
  const accepted =
    assetsTab && eventOldValue(range) === undefined
      ? readAcceptedGrid(PROPERTY_KEYS.acceptedAssets)
      : undefined;
  const outcome = judgeCatalogHandEdit(sheet, range, reference, editing.spec, accepted);
  if (outcome.entries.length > 0) withOwnerAndDocumentLocks(() => appendChangeLog(ss, outcome.entries, {}));
  if (outcome.changed) editing.afterChange?.(outcome.values);
  const leftBehind =
    assetsTab && outcome.changed
      ? warnAssetsLeftBehind(ss, sheet, range, accepted, outcome.values, reference)
      : null;
  const rows = [range.row, range.row + range.numRows - 1] as const;
  const notice = outcome.changed ? (editing.notice?.(outcome.values, rows) ?? null) : null;
  return [outcome.toast, leftBehind, notice].filter(Boolean).join(' ') || null;
}

/**
 * An Asset ID the edit took off the Assets tab (renamed or cleared) that open orders or schedules
 * still name: the administrator is told which, and what to do, in the toast and a note on the cell.
 * The tab before the edit is the accepted copy, or for a single cell the sheet with its old value.
 */
function warnAssetsLeftBehind(
  ss: Spreadsheet,
  sheet: Sheet,
  range: EditedRange,
  accepted: Grid | null | undefined,
  after: unknown[][],
  reference: ReferenceData,
): string | null {
  let before: Grid | null = accepted ?? null;
  if (!before && range.oldValue !== undefined) {
    const copy = after.map((row) => [...row]);
    const row = copy[range.row - 1];
    if (row) row[range.column - 1] = range.oldValue;
    before = copy;
  }
  if (!before) return null;
  const idColumn = mapHeaders(after[0] ?? [], ASSET_COLUMNS).indexOf.id;
  if (idColumn < 0) return null;
  const ids = parseAssets(before, assetContext(reference.settings)).assets.map((a) => a.id);
  const still = after.slice(1).map((row) => cellText(row[idColumn]));
  const check = checkNamesLeftBehind(ss, 'asset', droppedFrom(ids, still));
  const stamp = `${currentUserEmail() || 'unknown user'}, ${formatLocal(new Date(), reference.timeZone)}`;
  // The judgement took this range's old notes off; a note goes on only where a warning belongs.
  if (check.uses.length > 0) noteLeftBehind(sheet, range, before, idColumn + 1, check.uses, stamp);
  return check.toast;
}
