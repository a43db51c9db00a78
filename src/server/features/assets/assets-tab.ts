/**
 * The Assets tab: read in one call and parsed against Settings (core/assets.ts); created by setup
 * with its header and drop-downs (Location, Category, Criticality, Active), which setup rebuilds on
 * every run from Settings, one rule per column.
 */
import { SHEET_NAMES } from '../../../core/model';
import {
  ASSET_COLUMNS,
  ASSET_HEADER_ROW,
  CRITICALITIES,
  parseAssets,
  type Asset,
  type AssetContext,
  type ParsedAssets,
} from '../../../core/assets';
import { mapHeaders } from '../../../core/headers';
import type { Settings } from '../../../core/settings';
import { readHeaderRow, readTabValues } from '../../adapters/workbook';
import { ensureSheet } from '../setup/sheets';
import { applyColumnLists, rowsBelowHeader, type ColumnList } from '../../adapters/column-rules';
import type { SetupReport } from '../setup/report';

import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';

export function assetContext(settings: Settings): AssetContext {
  return { locations: settings.locations, categories: settings.categories };
}

export function readAssets(ss: Spreadsheet, settings: Settings): ParsedAssets {
  return parseAssets(readTabValues(ss, SHEET_NAMES.assets) ?? [], assetContext(settings));
}

/**
 * The Assets tab's assets, read once and only when first asked (an edit that types an Asset cell):
 * an edit that does not touch Asset costs no read.
 */
export function assetsLoader(ss: Spreadsheet, reference: { settings: Settings }): () => readonly Asset[] {
  let assets: readonly Asset[] | null = null;
  return () => (assets ??= readAssets(ss, reference.settings).assets);
}

/** Drop-downs that warn (the edit trigger is what refuses a bad row, with a note saying why). */
export function applyAssetValidation(sheet: Sheet, settings: Settings): void {
  const layout = mapHeaders(readHeaderRow(sheet), ASSET_COLUMNS);
  const rows = rowsBelowHeader(sheet);
  const lists: ColumnList[] = [
    [layout.indexOf.location, settings.locations, 'Locations are listed on the Settings tab.'],
    [layout.indexOf.category, settings.categories, 'Categories are listed on the Settings tab.'],
    [layout.indexOf.criticality, CRITICALITIES, 'How much a failure of this asset matters.'],
    [layout.indexOf.active, ['TRUE', 'FALSE'], 'FALSE retires the asset (it leaves the form).'],
  ];
  applyColumnLists(sheet, rows, lists);
}

/** Setup: the Assets tab exists with its headers and drop-downs. */
export function ensureAssetsSheet(ss: Spreadsheet, settings: Settings, report: SetupReport): void {
  const { sheet } = ensureSheet(ss, SHEET_NAMES.assets, ASSET_HEADER_ROW, report);
  applyAssetValidation(sheet, settings);
}
