/**
 * Where an order that left the register went: the archive spreadsheets are searched, newest year
 * first, by request id or work-order number (one open and one column read per file, only when the
 * register has no such order).
 */
import { parseWoNumber } from '../../../core/ids';
import { REGISTER_COLUMNS } from '../../../core/model';
import { openSpreadsheetOrNull } from '../../adapters/spreadsheet-files';
import { readArchiveColumn } from '../../adapters/archive-tab';
import { UserFacingError } from '../../adapters/workbook';
import { listArchiveFiles, type ArchiveFile } from './files';

/** The archive file holding the order `query` names, or null. Files this user cannot open are skipped. */
export function findArchived(query: string): ArchiveFile | null {
  const wanted = query.trim().toUpperCase();
  const column = parseWoNumber(wanted) !== null ? REGISTER_COLUMNS.woNumber : REGISTER_COLUMNS.id;
  for (const file of listArchiveFiles().reverse()) {
    const ss = openSpreadsheetOrNull(file.id);
    const values = ss ? readArchiveColumn(ss, column) : null;
    if (!values) continue;
    if (values.some((v) => String(v).trim().toUpperCase() === wanted)) return file;
  }
  return null;
}

/** The sidebar's answer when Find finds no register row. */
export function notInRegisterMessage(query: string): string {
  let file: ArchiveFile | null;
  try {
    file = findArchived(query);
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    return `No work order ${query} is in the register, and the archive spreadsheets cannot be searched: ${error.message}`;
  }
  return file
    ? `${query} is no longer in the register: it was archived in "${file.name}" (${file.url}).`
    : `No work order ${query} is in the register.`;
}
