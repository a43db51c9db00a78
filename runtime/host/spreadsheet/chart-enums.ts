/**
 * The Charts service (the `Charts` global) and its enums. Kept apart from the chart classes because
 * the builders and the service both read these names and neither needs the other.
 * Reference: developers.google.com/apps-script/reference/charts
 */
import { SpreadsheetGasObject } from './base';

const enumOf = <T extends string>(...names: T[]): Record<T, T> =>
  Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;

export const ChartType = enumOf(
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SCORECARD',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
);
export const LegendPosition = enumOf('BOTTOM', 'LEFT', 'NONE', 'RIGHT', 'TOP');
export const ChartHiddenDimensionStrategy = enumOf(
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
);
export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');

export class ChartsService extends SpreadsheetGasObject {
  readonly gasClass = 'Charts';
  override _staticProperties(): Record<string, unknown> {
    return { ChartType, LegendPosition, ChartHiddenDimensionStrategy, ChartMergeStrategy };
  }
}
