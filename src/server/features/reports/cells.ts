/**
 * What a report tab writes, cell by cell: values only (never a formula), text that stays text.
 *
 * `reportTables` already puts an apostrophe before text that starts like a formula. Sheets parses any
 * string written with setValues like typed input, though, so "2026-03-02" would become a date, "007" a
 * number and "TRUE" a boolean. Every string therefore goes through the add-on's one text sanitizer,
 * `asCellText`, which adds the apostrophe wherever Sheets would not keep the text verbatim (and strips
 * control characters, and cuts to the cell limit). The apostrophe reportTables added is taken off first
 * so that it is not doubled: the cell then reads back exactly the text the tables meant.
 */
import type { Cell, ReportTab } from '../../../core/reports';
import { asCellText } from '../../../core/sanitize';
import { isDate } from '../../../core/time';

/** How dates show on the report tabs (the spreadsheet's time zone applies). */
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

export function cellValue(cell: Cell): string | number | Date {
  if (typeof cell !== 'string') return cell;
  const text = cell.startsWith("'") ? cell.slice(1) : cell;
  return asCellText(text).cell;
}

export function tabValues(tab: ReportTab): (string | number | Date)[][] {
  return tab.values.map((row) => row.map(cellValue));
}

/** 'bold' on title and header rows, null elsewhere: one setFontWeights call for the whole tab. */
export function fontWeights(tab: ReportTab): ('bold' | null)[][] {
  const headers = new Set(tab.headerRows);
  return tab.values.map((row, i) => row.map(() => (headers.has(i + 1) ? 'bold' : null)));
}

/** DATE_FORMAT on Date cells, '' (automatic) elsewhere; null when the tab has no dates. */
export function numberFormats(tab: ReportTab): string[][] | null {
  let any = false;
  const grid = tab.values.map((row) =>
    row.map((cell) => {
      if (!isDate(cell)) return '';
      any = true;
      return DATE_FORMAT;
    }),
  );
  return any ? grid : null;
}
