/**
 * The Charts service (the `Charts` global) and its enums. Kept apart from the chart classes because
 * the builders and the service both read these names and neither needs the other.
 * Reference: developers.google.com/apps-script/reference/charts
 */
import { SpreadsheetGasObject } from './base';
import { gasEnum } from '../gas-enum';

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
/**
 * Charts.Position, what setLegendPosition takes: the reference lists TOP, RIGHT, BOTTOM, NONE (in that
 * order) and names it Position; there is no Charts.LegendPosition on Google.
 */
export const LegendPosition = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
export const ChartHiddenDimensionStrategy = enumOf(
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
);
export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');

/** The enums as scripts see them (objects: ../gas-enum.ts). */
export const CHART_TYPE = gasEnum('Charts.ChartType', ChartType);
export const LEGEND_POSITION = gasEnum('Charts.Position', LegendPosition);
export const CHART_HIDDEN_DIMENSION_STRATEGY = gasEnum(
  'Charts.ChartHiddenDimensionStrategy',
  ChartHiddenDimensionStrategy,
);
export const CHART_MERGE_STRATEGY = gasEnum('Charts.ChartMergeStrategy', ChartMergeStrategy);

export class ChartsService extends SpreadsheetGasObject {
  readonly gasClass = 'Charts';
  override _staticProperties(): Record<string, unknown> {
    return {
      ChartType: CHART_TYPE,
      Position: LEGEND_POSITION,
      ChartHiddenDimensionStrategy: CHART_HIDDEN_DIMENSION_STRATEGY,
      ChartMergeStrategy: CHART_MERGE_STRATEGY,
    };
  }
}
