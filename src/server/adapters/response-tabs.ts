/**
 * The form-response tabs, as the hourly reconciliation, the forms' setup, Verify audit log and the
 * rebuild from the log read them.
 */
import { findTab } from './workbook';
import type { Sheet, Spreadsheet } from './apps-script-types';

/** A response tab's header and its rows first..last (sheet rows), every column: two reads. */
export function readResponseRows(
  sheet: Sheet,
  first: number,
  last: number,
): { header: unknown[]; rows: unknown[][] } {
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const rows = sheet.getRange(first, 1, last - first + 1, width).getValues();
  return { header, rows };
}

/** Whether the spreadsheet has a tab called `name` (one lookup). */
export function hasTab(ss: Spreadsheet, name: string): boolean {
  return findTab(ss, name) !== null;
}

/** The address of the form that writes into the tab called `name`; null without the tab or a form. */
export function linkedFormUrl(ss: Spreadsheet, name: string): string | null {
  return findTab(ss, name)?.getFormUrl() ?? null;
}

/** A response tab's whole data range as it displays, in one read; [] when there is no such tab. */
export function readResponseTabShown(ss: Spreadsheet, name: string): string[][] {
  const sheet = findTab(ss, name);
  return sheet ? sheet.getDataRange().getDisplayValues() : [];
}

/**
 * Rows within this many cells of each other are read in one call: a read round trip costs about what
 * 10,000 cells cost inside one (bench/cost-model.ts: 100 ms a read, 10 µs a cell), so a gap narrower
 * than that is cheaper read through than skipped.
 */
const GAP_CELLS = 10_000;

/** Sorted row numbers grouped into runs whose gaps are at most `maxGap` rows. */
function clusterRows(rows: readonly number[], maxGap: number): { first: number; last: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: { first: number; last: number }[] = [];
  for (const row of sorted) {
    const run = runs[runs.length - 1];
    if (run && row - run.last - 1 <= maxGap) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs;
}

/**
 * The header row (row 1) and the rows `wanted` of the tab called `name` as they display, by sheet row:
 * nearby rows in one read (never the whole tab, which at 100,000 requests is a million cells). A row
 * past the tab's last is left out; an empty map when the tab is missing or empty.
 */
export function readResponseRowsShown(
  ss: Spreadsheet,
  name: string,
  wanted: readonly number[],
): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  const sheet = findTab(ss, name);
  if (!sheet) return rows;
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (lastRow < 1 || width < 1) return rows;
  const inTab = wanted.filter((r) => r <= lastRow);
  for (const run of clusterRows([1, ...inTab], Math.floor(GAP_CELLS / width))) {
    const values = sheet.getRange(run.first, 1, run.last - run.first + 1, width).getDisplayValues();
    values.forEach((cells, i) => rows.set(run.first + i, cells));
  }
  return rows;
}

/**
 * The cells under the headers `wanted` (compared trimmed, ignoring case) in rows 2..last of a response
 * tab, by header: one read for the header and one per column found (a column not there is left out).
 */
export function readResponseColumns(sheet: Sheet, wanted: readonly string[]): Map<string, unknown[]> {
  const columns = new Map<string, unknown[]>();
  const last = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (last < 2 || width < 1) return columns;
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  for (const name of wanted) {
    const at = header.indexOf(name.trim().toLowerCase());
    if (at < 0) continue;
    columns.set(
      name,
      sheet
        .getRange(2, at + 1, last - 1, 1)
        .getValues()
        .map((r) => r[0]),
    );
  }
  return columns;
}
