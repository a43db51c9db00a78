import { CHANGE_LOG_HEADERS, SHEET_NAMES } from '../../core/model';
import { changeLogRows, GENESIS_HASH, type UnhashedEntry } from '../../core/audit';
import { requireSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HASH_COLUMN = CHANGE_LOG_HEADERS.indexOf('Hash') + 1;

/**
 * Appends entries to the change log, chained to the last row's hash: three reads at most (sheet, last
 * row, its hash) and one write, however many entries. Callers hold the document lock, so no other
 * append can slip between reading the last hash and writing.
 */
export function appendChangeLog(ss: Spreadsheet, entries: readonly UnhashedEntry[]): void {
  if (entries.length === 0) return;
  const sheet = requireSheet(ss, SHEET_NAMES.changeLog);
  const last = sheet.getLastRow();
  const prevHash =
    last >= 2 ? String(sheet.getRange(last, HASH_COLUMN).getValue()) || GENESIS_HASH : GENESIS_HASH;
  const { rows } = changeLogRows(prevHash, entries);
  sheet.getRange(last + 1, 1, rows.length, CHANGE_LOG_HEADERS.length).setValues(rows);
}
