/**
 * An embedded chart's recorded spec (type, source ranges, options, anchor) turned into what the
 * browser draws: a domain (categories) and numeric series, read from the sheets the ranges point at,
 * the way Sheets reads them: the first column of the first range is the domain, every other column
 * a series, and a first row of text is the header that names the series.
 */
import type { SpreadsheetModel } from '../../runtime/host/spreadsheet/store';
import type { ChartModel } from '../../runtime/host/spreadsheet/chart-model';
import type { ChartView } from '../shared/views';

export type { ChartView };

/** Sheets' default size of a new embedded chart. */
const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 371;

interface Column {
  values: unknown[];
  displays: string[];
}

export function chartView(spreadsheet: SpreadsheetModel, chart: ChartModel): ChartView {
  const columns: Column[] = [];
  for (const ref of chart.ranges) {
    const sheet = spreadsheet.sheetById(ref.sheetId);
    if (!sheet) continue;
    const values = sheet.readValues(ref.rect.row, ref.rect.column, ref.rect.numRows, ref.rect.numColumns);
    const displays = sheet.readDisplayValues(ref.rect);
    for (let c = 0; c < ref.rect.numColumns; c++) {
      columns.push({ values: values.map((r) => r[c]), displays: displays.map((r) => r[c] ?? '') });
    }
  }
  const [domain, ...seriesColumns] = columns;
  const firstSeries = seriesColumns[0];
  // numHeaders -1 lets Sheets guess: a first row whose series cell is text is a header row.
  const headers =
    chart.numHeaders >= 0
      ? chart.numHeaders
      : firstSeries && typeof firstSeries.values[0] === 'string'
        ? 1
        : 0;
  const options = chart.options;
  const number = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    chartId: chart.chartId,
    type: chart.type,
    title: typeof options.title === 'string' ? options.title : '',
    anchorRow: chart.position.anchorRow,
    anchorColumn: chart.position.anchorColumn,
    offsetX: chart.position.offsetX,
    offsetY: chart.position.offsetY,
    width: typeof options.width === 'number' ? options.width : DEFAULT_WIDTH,
    height: typeof options.height === 'number' ? options.height : DEFAULT_HEIGHT,
    categories: domain ? domain.displays.slice(headers) : [],
    series: seriesColumns.map((column, i) => ({
      name: headers > 0 ? (column.displays[0] ?? '') : `Series ${i + 1}`,
      values: column.values.slice(headers).map(number),
    })),
    stacked: options.isStacked === true,
  };
}
