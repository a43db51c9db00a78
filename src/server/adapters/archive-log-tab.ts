/**
 * The change log's side of an archive move (features/archive/log.ts): the live tab's top rows deleted
 * in one call, and an archive file's Change Log tab, where each year's part of the log is written.
 */
import { SHEET_NAMES } from '../../core/model';
import { appendArchiveRows } from './archive-tab';
import type { Sheet, Spreadsheet } from './apps-script-types';

/** Deletes `count` rows under the log's header (one call). */
export function deleteLogTopRows(sheet: Sheet, count: number): void {
  if (count > 0) sheet.deleteRows(2, count);
}

/**
 * Writes a part's rows at `start` (one write; the tab grown first when short) and removes whatever an
 * interrupted move left below them, so the file's part ends where the checkpoint says it does.
 */
export function writeLogPart(sheet: Sheet, start: number, rows: unknown[][]): void {
  appendArchiveRows(sheet, start, rows, sheet.getMaxRows());
  const end = start + rows.length - 1;
  const last = sheet.getLastRow();
  if (last > end) sheet.deleteRows(end + 1, last - end);
}

/** An archive file's Change Log tab, or null when it has none. */
export function archivedLogTab(file: Spreadsheet): Sheet | null {
  return file.getSheetByName(SHEET_NAMES.changeLog);
}
