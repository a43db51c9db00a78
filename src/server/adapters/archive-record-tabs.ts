/**
 * The work-record tabs on both sides of an archive move (features/archive/records.ts): the live
 * spreadsheet's Checklist Items, Time and Parts Used tabs (their Record ID column or the whole tab read
 * once, a span read again under the lock), and the same-named tabs of an archive file (made on first
 * use after its Archive tab, header completed, rows appended in one write, a range read back).
 */
import { normalizeHeader } from '../../core/headers';
import { appendArchiveHeaders } from './archive-tab';
import { readHeaderRow } from './workbook';
import { lastUsedRow } from './tabs';
import { trimNewTabColumns } from './tab-sizing';
import type { Sheet, Spreadsheet } from './apps-script-types';

/** A work-record tab of an archive file, as one execution writes it (where it ends is read under the lock). */
export interface ArchiveRecordTab {
  sheet: Sheet;
  header: string[];
}

/**
 * The tab `name` of an archive file, made (after its other tabs, header frozen) when missing, its
 * header completed with `complete(existing)`: a few calls, once per execution and tab.
 */
export function openArchiveRecordTab(
  file: Spreadsheet,
  name: string,
  complete: (existing: readonly string[]) => { header: string[]; added: string[] },
): ArchiveRecordTab {
  const found = file.getSheetByName(name);
  const sheet = found ?? file.insertSheet(name, file.getSheets().length);
  const existing = readHeaderRow(sheet);
  const { header, added } = complete(existing);
  appendArchiveHeaders(sheet, existing, added, header.length);
  // Google's 26 columns cut to the header: each append grows the tab, and growing covers every column.
  if (!found) trimNewTabColumns(sheet, header.length);
  return { sheet, header };
}

/** `count` rows from `start`, `width` columns (one read); none when the tab ends before `start`. */
export function readRowsOf(sheet: Sheet, start: number, count: number, width: number): unknown[][] {
  if (count <= 0 || width <= 0 || start > sheet.getMaxRows()) return [];
  const rows = Math.min(count, sheet.getMaxRows() - start + 1);
  return sheet.getRange(start, 1, rows, width).getValues();
}

/**
 * A live work-record tab whole (one read), as planning a move of its sealed rows needs it: the header
 * as readHeaderRow gives it, each data row's id, and the values (header first) to check seals on.
 */
export function readRecordRows(
  sheet: Sheet,
  idHeader: string,
): { header: string[]; ids: string[]; values: unknown[][] } {
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((v) => String(v).trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const at = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(idHeader));
  const ids: string[] = [];
  if (at >= 0) for (let r = 1; r < values.length; r++) ids.push(String(values[r]?.[at] ?? '').trim());
  return { header, ids, values };
}

/**
 * A live work-record tab's header and its Record ID column (`ids[i]` is sheet row i + 2): three
 * calls, whatever the tab's width. No ids when the tab has no Record ID header.
 */
export function readRecordIds(sheet: Sheet, idHeader: string): { header: string[]; ids: string[] } {
  const header = readHeaderRow(sheet);
  const at = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(idHeader));
  const last = lastUsedRow(sheet);
  if (at < 0 || last < 2) return { header, ids: [] };
  const ids: string[] = [];
  // One by one: spreading a column of half a million cells into push() would overflow the stack.
  for (const [v] of sheet.getRange(2, at + 1, last - 1, 1).getValues()) ids.push(String(v ?? '').trim());
  return { header, ids };
}

/**
 * Planned rows as they are now (the header, then one read of their span), or null when the header is
 * no longer `plannedHeader` or a row no longer holds its planned id: a column or a row was typed,
 * moved or deleted by hand since the plan.
 */
export function readPlannedRows(
  sheet: Sheet,
  plannedHeader: readonly string[],
  idHeader: string,
  planned: readonly { row: number; id: string }[],
): unknown[][] | null {
  const header = readHeaderRow(sheet);
  if (header.join('\t') !== plannedHeader.join('\t')) return null;
  const idAt = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(idHeader));
  const rows = planned.map((m) => m.row);
  const top = Math.min(...rows);
  const span = readRowsOf(sheet, top, Math.max(...rows) - top + 1, header.length);
  const cells = planned.map((m) => span[m.row - top]);
  return cells.every((c, k) => c !== undefined && String(c[idAt] ?? '').trim() === planned[k]?.id)
    ? (cells as unknown[][])
    : null;
}
