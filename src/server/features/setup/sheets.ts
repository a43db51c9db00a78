import { normalizeHeader } from '../../../core/columns';
import { readHeaderRow } from '../../adapters/workbook';
import type { SetupReport } from './report';
import { trimNewTabRows } from './tab-sizing';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

export interface EnsuredSheet {
  sheet: Sheet;
  created: boolean;
  /** Headers that were missing and were added at the end (their cells empty). */
  restored: string[];
}

/**
 * Makes sure `name` exists with `headers` in row 1 (frozen). A new sheet gets exactly `initialRows`
 * and is trimmed to its width: every empty cell counts against the 10-million-cell limit. An existing
 * sheet keeps every value; a missing header is added after the last used column, never over data.
 */
export function ensureSheet(
  ss: Spreadsheet,
  name: string,
  /** Row-1 headers to keep present; null for a free-form sheet that is only created when missing. */
  headers: readonly string[] | null,
  report: SetupReport,
  initialRows?: readonly (readonly unknown[])[],
): EnsuredSheet {
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    const rows = initialRows ?? [headers ?? ['']];
    const width = Math.max(...rows.map((r) => r.length));
    const padded = rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]);
    const columns = sheet.getMaxColumns();
    if (columns < width) sheet.insertColumnsAfter(columns, width - columns);
    else if (columns > width) sheet.deleteColumns(width + 1, columns - width);
    if (sheet.getMaxRows() < padded.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), padded.length - sheet.getMaxRows());
    trimNewTabRows(sheet, padded.length);
    sheet.getRange(1, 1, padded.length, width).setValues(padded);
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    report.created.push(`the ${name} sheet`);
    return { sheet, created: true, restored: [] };
  }
  if (!headers) return { sheet, created: false, restored: [] };
  const present = readHeaderRow(sheet);
  const have = new Set(present.map(normalizeHeader));
  const missing = headers.filter((h) => !have.has(normalizeHeader(h)));
  if (missing.length > 0) {
    const first = present.length + 1;
    const needed = first + missing.length - 1 - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, first, 1, missing.length).setValues([missing.slice()]).setFontWeight('bold');
    report.repaired.push(
      `${name}: restored the ${missing.map((m) => `"${m}"`).join(', ')} column header(s) at the end`,
    );
  }
  if (sheet.getFrozenRows() < 1) {
    sheet.setFrozenRows(1);
    report.repaired.push(`${name}: froze the header row`);
  }
  return { sheet, created: false, restored: missing };
}
