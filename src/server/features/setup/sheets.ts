import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';
import { ensureTab } from '../../adapters/tab-setup';
import { readSheetValues, writeColumnSpans } from '../../adapters/workbook';
import { restoreMissingSettings } from '../../../core/settings-restore';
import type { SetupReport } from './report';

export interface EnsuredSheet {
  sheet: Sheet;
  created: boolean;
  /** Headers that were missing and were added at the end (their cells empty). */
  restored: string[];
}

/**
 * Makes sure `name` exists with `headers` in row 1 (frozen), saying in the report what it made or
 * repaired. A new sheet gets exactly `initialRows` and is trimmed to its width; an existing sheet keeps
 * every value, a missing header added after the last used column (adapters/tab-setup.ts).
 */
export function ensureSheet(
  ss: Spreadsheet,
  name: string,
  /** Row-1 headers to keep present; null for a free-form sheet that is only created when missing. */
  headers: readonly string[] | null,
  report: SetupReport,
  initialRows?: readonly (readonly unknown[])[],
): EnsuredSheet {
  const { sheet, created, restored, refrozen } = ensureTab(ss, name, headers, initialRows);
  if (created) report.created.push(`the ${name} sheet`);
  if (restored.length > 0)
    report.repaired.push(
      `${name}: restored the ${restored.map((m) => `"${m}"`).join(', ')} column header(s) at the end`,
    );
  if (refrozen) report.repaired.push(`${name}: froze the header row`);
  return { sheet, created, restored };
}

/**
 * Puts back, with its default and description, each setting whose row is missing from the Settings
 * tab (core/settings-restore.ts): one read, and one write per column only when one is missing.
 */
export function restoreSettingRows(sheet: Sheet, report: SetupReport): void {
  const restored = restoreMissingSettings(readSheetValues(sheet));
  if (!restored) return;
  writeColumnSpans(sheet, restored.writes);
  report.repaired.push(
    `Settings: added the missing setting(s) ${restored.keys.join(', ')}, each with its default (change it on the Settings tab)`,
  );
}
