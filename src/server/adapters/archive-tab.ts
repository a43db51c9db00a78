/**
 * The Archive tab of an archive spreadsheet (features/archive/files.ts says which files there are and
 * what goes in them): its ids read once, rows appended in one write, a row read back or rewritten, the
 * header completed; and the Settings note that lists the files.
 */
import { normalizeHeader } from '../../core/headers';
import { SHEET_NAMES } from '../../core/model';
import { SETTINGS_COLUMNS } from '../../core/settings';
import type { Sheet, Spreadsheet } from './apps-script-types';

/**
 * An archive file's tab: the one named Archive, else the file's only tab when it is empty (a run
 * stopped right after creating the file left it as Google made it). Any other tab holds something
 * else (the file's Change Log part, an editor's own notes): taking the first tab wrote orders into it,
 * renamed it Archive, and hid the real archived rows from Verify and Find.
 */
export function archiveTab(file: Spreadsheet): Sheet | null {
  const named = file.getSheetByName(SHEET_NAMES.archive);
  if (named) return named;
  const tabs = file.getSheets();
  const only = tabs.length === 1 ? tabs[0] : undefined;
  return only && only.getLastRow() === 0 ? only : null;
}

/**
 * What to say of archive file `name` when it has no tab archiveTab can use, after its naming ("The
 * archive spreadsheet … (link)"), ending with what to run then (`after`).
 */
export function noArchiveTab(after: string): string {
  return (
    `has no tab named "${SHEET_NAMES.archive}", which holds its archived work orders: it was renamed or deleted. ` +
    `Open it and rename that tab back to "${SHEET_NAMES.archive}" (if it was deleted, File › Version history › ` +
    `See version history there brings it back), then ${after}`
  );
}

/** Request id → its sheet row, from the ids column (`idAt`, 0-based) of rows 2..lastRow: one read. */
export function readArchiveIds(sheet: Sheet, idAt: number, lastRow: number): Map<string, number> {
  const rows = new Map<string, number>();
  if (idAt >= 0 && lastRow >= 2)
    sheet
      .getRange(2, idAt + 1, lastRow - 1, 1)
      .getValues()
      .forEach(([v], i) => {
        const id = String(v).trim();
        if (id !== '') rows.set(id, i + 2);
      });
  return rows;
}

/**
 * Writes `added` headers after the `existing` ones (bold; the grid widened to `width` when narrower;
 * the header row frozen on a tab that had none): one write.
 */
export function appendArchiveHeaders(
  sheet: Sheet,
  existing: readonly string[],
  added: string[],
  width: number,
): void {
  if (added.length === 0) return;
  if (existing.length === 0) sheet.setFrozenRows(1);
  const missing = width - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  sheet
    .getRange(1, existing.length + 1, 1, added.length)
    .setValues([added])
    .setFontWeight('bold');
}

/**
 * Writes `rows` from sheet row `start` in one write, growing the tab first when it has fewer than the
 * rows needed (`maxRows`: how many it has). Returns how many rows it has after.
 */
export function appendArchiveRows(sheet: Sheet, start: number, rows: unknown[][], maxRows: number): number {
  if (rows.length === 0) return maxRows;
  const end = start + rows.length - 1;
  if (end > maxRows) sheet.insertRowsAfter(maxRows, end - maxRows);
  sheet.getRange(start, 1, rows.length, (rows[0] ?? []).length).setValues(rows);
  return Math.max(end, maxRows);
}

/** The cells of one archive row, `width` columns: one read. */
export function readArchiveRow(sheet: Sheet, row: number, width: number): unknown[] {
  return sheet.getRange(row, 1, 1, width).getValues()[0] ?? [];
}

/** Writes one archive row over sheet row `row`: one write. */
export function rewriteArchiveRow(sheet: Sheet, row: number, cells: unknown[]): void {
  sheet.getRange(row, 1, 1, cells.length).setValues([cells]);
}

/** The archive file's tab, every cell (one read), or null when it has none (archiveTab). */
export function readArchiveFileValues(file: Spreadsheet): unknown[][] | null {
  const sheet = archiveTab(file);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/** The archive file's tab, its header and first `rows` rows (one read), or null when it has none. */
export function readArchiveFileHead(file: Spreadsheet, rows: number): unknown[][] | null {
  const sheet = archiveTab(file);
  if (!sheet) return null;
  const last = Math.min(sheet.getLastRow(), rows + 1);
  const width = sheet.getLastColumn();
  return last < 1 || width < 1 ? [] : sheet.getRange(1, 1, last, width).getValues();
}

/** The cells under the header `column` of the file's tab (rows 2 down), or null when it has none. */
export function readArchiveColumn(file: Spreadsheet, column: string): unknown[] | null {
  const sheet = archiveTab(file);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return null;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const at = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(column));
  if (at < 0) return null;
  return sheet
    .getRange(2, at + 1, last - 1, 1)
    .getValues()
    .map(([v]) => v);
}

/**
 * A note on the Value cell of the setting `key` on the Settings tab (a note is not a value: the
 * Settings parser and the edit checks never see it). Nothing when the tab or the setting is missing.
 */
export function noteOnSetting(ss: Spreadsheet, key: string, note: string): void {
  settingValueCell(ss, key)?.setNote(note);
}

/** The note on the Value cell of the setting `key` ('' when there is none, or no such setting). */
export function readNoteOnSetting(ss: Spreadsheet, key: string): string {
  return settingValueCell(ss, key)?.getNote() ?? '';
}

function settingValueCell(ss: Spreadsheet, key: string) {
  const sheet = ss.getSheetByName(SHEET_NAMES.settings);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => String(h).trim());
  const keyAt = header.indexOf(SETTINGS_COLUMNS.setting);
  const valueAt = header.indexOf(SETTINGS_COLUMNS.value);
  const row = values.findIndex((r) => String(r[keyAt] ?? '').trim() === key);
  if (keyAt < 0 || valueAt < 0 || row < 1) return null;
  return sheet.getRange(row + 1, valueAt + 1);
}
