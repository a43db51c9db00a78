/**
 * After an accepted Assets edit: the active schedules that name an asset of the edited rows and that
 * the hourly job will now skip (the asset retired, or moved away from the Location the schedule
 * names). Without this the administrator learns it from the Errors tab after the next run, with
 * maintenance already missed; the toast gives each schedule's own refusal, which says what to do.
 */
import { ASSET_COLUMNS, parseAssets, type AssetContext } from '../../../core/assets';
import { cellText, mapHeaders } from '../../../core/headers';
import { SHEET_NAMES } from '../../../core/model';
import { SCHEDULE_COLUMNS, parseSchedules } from '../../../core/schedules';
import type { Settings } from '../../../core/settings';
import { readTabValues } from '../../adapters/workbook';
import { scheduleContext } from '../schedules/schedules-tab';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Schedules quoted in the toast at most (the rest are on the Errors tab after the next run). */
const QUOTED = 3;

export function schedulesSkippedNotice(
  ss: Spreadsheet,
  settings: Settings,
  context: AssetContext,
  timeZone: string,
  assetValues: readonly (readonly unknown[])[],
  rows: readonly [number, number],
): string | null {
  const idColumn = mapHeaders(assetValues[0] ?? [], ASSET_COLUMNS).indexOf.id;
  if (idColumn < 0) return null;
  const edited = new Set(
    assetValues
      .slice(rows[0] - 1, rows[1])
      .map((row) => cellText(row[idColumn]).trim().toLowerCase())
      .filter((id) => id !== ''),
  );
  if (edited.size === 0) return null;
  // Read only once an edited row names an asset: one read of the Schedules tab.
  const values = readTabValues(ss, SHEET_NAMES.schedules);
  const assetColumn = mapHeaders(values?.[0] ?? [], SCHEDULE_COLUMNS).indexOf.asset;
  if (!values || assetColumn < 0) return null;
  const assets = parseAssets(assetValues, context);
  const problems = parseSchedules(
    values,
    scheduleContext(settings, assets.assets, timeZone, assets.refused),
  ).problems.filter((p) =>
    edited.has(
      cellText(values[p.row - 1]?.[assetColumn])
        .trim()
        .toLowerCase(),
    ),
  );
  if (problems.length === 0) return null;
  const more = problems.length > QUOTED ? ` And ${problems.length - QUOTED} more.` : '';
  return `Schedules the hourly job now skips: ${problems
    .slice(0, QUOTED)
    .map((p) => p.message)
    .join(' ')}${more}`;
}
