/**
 * Writes one report tab (its cells decided by features/reports): found by its stable name (created the first time), emptied, sized to its
 * block, filled with one setValues, formatted with one call per kind of format, its charts removed and
 * recreated from the specs. The number of calls depends on the number of charts, never on the
 * register's length.
 *
 * Charts point at ranges of the tab, so new values redraw them: when the tab already has the charts
 * the specs describe (same count, and the same specs as the last build wrote, remembered in the
 * document cache), they are kept, saving two writes per chart. A chart deleted by hand changes the
 * count; a forgotten cache entry means they are made anew. The cache remembers what the build wrote,
 * not what the tab holds: whoever may write a report tab (a supervisor's own script) can point a chart
 * at a tab of figures of their own, or retitle it, and the cache would still say "as built". So each
 * chart is also read back (two reads: its title, and every source range: this tab, these cells) and
 * kept only when each matches a spec; a chart that draws from anything else is made anew.
 */
import type { ChartSpec } from '../../core/reports';
import { CHART_HEIGHT_PX, CHART_WIDTH_PX } from '../../core/reports/tables/tab-builder';
import type { EmbeddedChart, Sheet, Spreadsheet } from './apps-script-types';
import { chartType } from './sheet-services';
import { documentCache } from './service-handles';

/** A report tab's block as written: its values, bold cells and number formats, and its charts. */
export interface ReportBlock {
  name: string;
  values: (string | number | Date)[][];
  fontWeights: ('bold' | null)[][];
  /** Null: no cell has a number format. */
  numberFormats: string[][] | null;
  charts: readonly ChartSpec[];
}

/** Room for a chart placed at the bottom right (Sheets' default chart is ~20 rows × 6 columns). */
const CHART_ROWS = 20;
const CHART_COLUMNS = 6;
const CHARTS_KEY = 'wo.report.charts.v1:';
const CHARTS_SECONDS = 21_600;

/** Grows or shrinks the grid to exactly rows × columns: every spare cell counts against the 10M limit. */
function resize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

/** What a chart of `spec` on this tab reads back as (its title and where it draws from), as one string. */
function specPrint(spec: ChartSpec, sheetId: number): string {
  return JSON.stringify([spec.title, spec.ranges.map((r) => [sheetId, r.row, r.col, r.numRows, r.numCols])]);
}

/** The same print read from a chart on the tab: its title and its source ranges. */
function chartPrint(chart: EmbeddedChart): string {
  return JSON.stringify([
    chart.getOptions().get('title'),
    chart
      .getRanges()
      .map((r) => [r.getSheet().getSheetId(), r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]),
  ]);
}

/** Whether the tab's charts are exactly the specs' (in any order), each as the build would make it. */
function chartsAsSpecified(
  sheet: Sheet,
  existing: readonly EmbeddedChart[],
  specs: readonly ChartSpec[],
): boolean {
  const wanted = specs.map((spec) => specPrint(spec, sheet.getSheetId()));
  for (const chart of existing) {
    const i = wanted.indexOf(chartPrint(chart));
    if (i < 0) return false;
    wanted.splice(i, 1);
  }
  return wanted.length === 0;
}

function insertChart(sheet: Sheet, spec: ChartSpec): void {
  let builder = sheet.newChart().setChartType(chartType(spec.type));
  for (const r of spec.ranges) builder = builder.addRange(sheet.getRange(r.row, r.col, r.numRows, r.numCols));
  const chart = builder
    .setNumHeaders(1)
    .setOption('title', spec.title)
    .setOption('legend', { position: 'bottom' })
    // The size the layout kept room for (core/reports/tables/tab-builder.ts), not left to Sheets.
    .setOption('width', CHART_WIDTH_PX)
    .setOption('height', CHART_HEIGHT_PX)
    .setPosition(spec.anchor.row, spec.anchor.col, 0, 0)
    .build();
  sheet.insertChart(chart);
}

/**
 * What Sheet.clear() leaves on a tab someone else made under a report's name before the first build
 * (any editor may add tabs): its notes, conditional format rules and hidden columns. A note saying
 * "all SLAs met" on a figure, a rule whitening the bad ones or a hidden Overdue column would stay under
 * every build's figures, shown to the managers as the report. Three writes, once per such tab: a tab
 * the add-on protected is written by builders only.
 */
function clearLeftovers(sheet: Sheet, columns: number): void {
  sheet.clearNotes();
  sheet.setConditionalFormatRules([]);
  sheet.showColumns(1, columns);
}

export function writeReportBlock(
  ss: Spreadsheet,
  tab: ReportBlock,
  /**
   * Called with the tab before anything is written to it (to protect it), and whether this build made
   * it; true when the tab was someone else's until now (made under the report's name by another).
   */
  guard: (sheet: Sheet, made: boolean) => boolean = () => false,
): Sheet {
  const found = ss.getSheetByName(tab.name);
  const sheet = found ?? ss.insertSheet(tab.name, ss.getNumSheets());
  const foreign = guard(sheet, !found);
  const signature = JSON.stringify(tab.charts);
  const existing = sheet.getCharts();
  const keep =
    !foreign &&
    existing.length === tab.charts.length &&
    (existing.length === 0 ||
      (documentCache()?.get(CHARTS_KEY + tab.name) === signature &&
        chartsAsSpecified(sheet, existing, tab.charts)));
  // Charts first: they point into the cells about to be rewritten, and a rebuild must not add copies.
  if (!keep) for (const chart of existing) sheet.removeChart(chart);
  const height = tab.values.length;
  const width = tab.values[0]?.length ?? 1;
  let rows = height;
  let columns = width;
  for (const c of tab.charts) {
    rows = Math.max(rows, c.anchor.row + CHART_ROWS - 1);
    columns = Math.max(columns, c.anchor.col + CHART_COLUMNS - 1);
  }
  resize(sheet, rows, columns);
  sheet.clear();
  if (foreign) clearLeftovers(sheet, columns);
  if (height > 0) {
    const block = sheet.getRange(1, 1, height, width);
    block.setValues(tab.values);
    block.setFontWeights(tab.fontWeights);
    if (tab.numberFormats) block.setNumberFormats(tab.numberFormats);
  }
  if (!keep) {
    for (const spec of tab.charts) insertChart(sheet, spec);
    if (tab.charts.length > 0) documentCache()?.put(CHARTS_KEY + tab.name, signature, CHARTS_SECONDS);
  }
  return sheet;
}
