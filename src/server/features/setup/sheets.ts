/**
 * The tabs setup makes or repairs: a tab with its header row, the Settings rows that went missing,
 * the Change Log (checked, never rearranged), and the blank starter sheet a new spreadsheet comes with.
 */
import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';
import { ensureTab } from '../../adapters/tab-setup';
import { findTab, readHeaderRow, readSheetValues, writeColumnSpans } from '../../adapters/workbook';
import { lastUsedColumn, lastUsedRow, removeTab } from '../../adapters/tabs';
import { normalizeHeader } from '../../../core/headers';
import { CHANGE_LOG_HEADERS, SHEET_NAMES } from '../../../core/model';
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

/**
 * A new spreadsheet comes with an empty "Sheet1"; the first setup removes it when it is still blank,
 * so the workbook opens on its own tabs. Never on later runs: by then a blank tab may be someone's.
 */
export function removeBlankStarterSheet(ss: Spreadsheet, report: SetupReport): void {
  const starter = findTab(ss, 'Sheet1');
  if (!starter || lastUsedRow(starter) > 0 || lastUsedColumn(starter) > 0) return;
  removeTab(ss, starter);
  report.repaired.push('removed the empty Sheet1');
}

/**
 * The change log is written by position (six columns, change-log-row.ts), not found by header like the
 * register: restoring a missing header at the end, as ensureSheet does elsewhere, would put the add-on's
 * rows under the wrong names. A log whose row 1 is not exactly its headers (an older layout, or columns
 * moved by hand) is left untouched, with a warning saying how to start a new one.
 */
export function ensureChangeLog(ss: Spreadsheet, report: SetupReport): EnsuredSheet | null {
  const existing = findTab(ss, SHEET_NAMES.changeLog);
  if (existing) {
    const header = readHeaderRow(existing).map(normalizeHeader);
    const expected = CHANGE_LOG_HEADERS.map(normalizeHeader);
    const exact =
      expected.every((h, i) => header[i] === h) && header.slice(expected.length).every((h) => h === '');
    if (!exact) {
      report.warnings.push(
        `the ${SHEET_NAMES.changeLog} sheet's row 1 is not ${CHANGE_LOG_HEADERS.join(' | ')}, the columns the add-on ` +
          `writes by position: it was left as it is. Rename that sheet (e.g. "${SHEET_NAMES.changeLog} (old)") ` +
          `and run Set up work orders again to start a new log`,
      );
      return null;
    }
  }
  return ensureSheet(ss, SHEET_NAMES.changeLog, CHANGE_LOG_HEADERS, report);
}
