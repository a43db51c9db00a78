/**
 * EmbeddedChartBuilder and its typed variants from asColumnChart() etc.: how a script describes a chart
 * before build() turns it into an EmbeddedChart (./charts). The builder edits a ChartSpec in place.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 */
import type { ExecutionContext } from '../execution';
import { GasError, notImplemented } from '../gas-object';
import { SpreadsheetGasObject, enumArg, overload, text } from './base';
import type { GasEnum, GasEnumValue } from '../gas-enum';
import type { SheetModel } from './sheet-model';
import type { ChartSpec } from './chart-model';
import { cloneSpec, defaultChartSpec } from './chart-model';
import { Range } from './range';
import type { ChartType } from './chart-enums';
import {
  CHART_HIDDEN_DIMENSION_STRATEGY,
  CHART_MERGE_STRATEGY,
  CHART_TYPE,
  LEGEND_POSITION,
} from './chart-enums';
import { ContainerInfo, EmbeddedChart, rangesOf } from './charts';

export class EmbeddedChartBuilder extends SpreadsheetGasObject {
  readonly gasClass: string = 'EmbeddedChartBuilder';

  constructor(
    ctx: ExecutionContext,
    readonly _sheet: SheetModel,
    readonly _spec: ChartSpec = defaultChartSpec(),
    /** Set when the builder came from EmbeddedChart.modify(): build() keeps the chart's id. */
    readonly _chartId: number | null = null,
  ) {
    super(ctx);
  }

  _as(type: keyof typeof ChartType, gasClass: string): TypedChartBuilder {
    this._spec.type = type;
    return new TypedChartBuilder(this.ctx, this._sheet, this._spec, this._chartId, gasClass);
  }

  /**
   * An enum parameter: Apps Script matches it against the enum's values before the call, so a name
   * that is none of them (a typo, 'FOO') fails as a signature mismatch, not as a bad argument.
   */
  _enumArg<N extends string>(method: string, args: IArguments, value: unknown, values: GasEnum<N>): N {
    overload(this.gasClass, method, args, ['enum']);
    return enumArg(this.gasClass, method, args, values, value);
  }

  addRange(range: Range): this {
    overload(this.gasClass, 'addRange', arguments, ['gas']);
    if (!(range instanceof Range)) throw new GasError('Invalid argument: range');
    this._spec.ranges.push({ kind: 'range', sheetId: range._model.sheetId, rect: { ...range._rect } });
    return this;
  }

  removeRange(range: Range): this {
    overload(this.gasClass, 'removeRange', arguments, ['gas']);
    if (!(range instanceof Range)) throw new GasError('Invalid argument: range');
    const i = this._spec.ranges.findIndex(
      (r) =>
        r.sheetId === range._model.sheetId &&
        r.rect.row === range._rect.row &&
        r.rect.column === range._rect.column &&
        r.rect.numRows === range._rect.numRows &&
        r.rect.numColumns === range._rect.numColumns,
    );
    if (i >= 0) this._spec.ranges.splice(i, 1);
    return this;
  }

  clearRanges(): this {
    this._spec.ranges = [];
    return this;
  }

  getRanges(): Range[] {
    return rangesOf(this.ctx, this._sheet, this._spec);
  }

  setChartType(type: unknown): this {
    this._spec.type = this._enumArg('setChartType', arguments, type, CHART_TYPE);
    return this;
  }

  getChartType(): GasEnumValue {
    return CHART_TYPE.value(this._spec.type as keyof typeof ChartType);
  }

  /** Options use Google's dotted names (`title`, `hAxis.title`, `legend.position`…). */
  setOption(option: string, value: unknown): this {
    overload(this.gasClass, 'setOption', arguments, ['string', 'any']);
    this._spec.options[option] = value instanceof Date ? new Date(value.getTime()) : value;
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    overload(this.gasClass, 'setPosition', arguments, ['number', 'number', 'number', 'number']);
    this._spec.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  getContainer(): ContainerInfo {
    return new ContainerInfo(this.ctx, this._spec);
  }

  setNumHeaders(headers: number): this {
    overload(this.gasClass, 'setNumHeaders', arguments, ['number']);
    this._spec.numHeaders = headers;
    return this;
  }

  setHiddenDimensionStrategy(strategy: unknown): this {
    this._spec.hiddenDimensionStrategy = this._enumArg(
      'setHiddenDimensionStrategy',
      arguments,
      strategy,
      CHART_HIDDEN_DIMENSION_STRATEGY,
    );
    return this;
  }

  setMergeStrategy(mergeStrategy: unknown): this {
    this._spec.mergeStrategy = this._enumArg(
      'setMergeStrategy',
      arguments,
      mergeStrategy,
      CHART_MERGE_STRATEGY,
    );
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    overload(this.gasClass, 'setTransposeRowsAndColumns', arguments, ['boolean']);
    this._spec.transposeRowsAndColumns = transpose;
    return this;
  }

  build(): EmbeddedChart {
    return new EmbeddedChart(this.ctx, this._sheet, cloneSpec(this._spec), this._chartId);
  }

  asAreaChart(): TypedChartBuilder {
    return this._as('AREA', 'EmbeddedAreaChartBuilder');
  }
  asBarChart(): TypedChartBuilder {
    return this._as('BAR', 'EmbeddedBarChartBuilder');
  }
  asColumnChart(): TypedChartBuilder {
    return this._as('COLUMN', 'EmbeddedColumnChartBuilder');
  }
  asComboChart(): TypedChartBuilder {
    return this._as('COMBO', 'EmbeddedComboChartBuilder');
  }
  asHistogramChart(): TypedChartBuilder {
    return this._as('HISTOGRAM', 'EmbeddedHistogramChartBuilder');
  }
  asLineChart(): TypedChartBuilder {
    return this._as('LINE', 'EmbeddedLineChartBuilder');
  }
  asPieChart(): TypedChartBuilder {
    return this._as('PIE', 'EmbeddedPieChartBuilder');
  }
  asScatterChart(): TypedChartBuilder {
    return this._as('SCATTER', 'EmbeddedScatterChartBuilder');
  }
  asSteppedAreaChart(): TypedChartBuilder {
    return this._as('STEPPED_AREA', 'EmbeddedSteppedAreaChartBuilder');
  }
  asTableChart(): TypedChartBuilder {
    return this._as('TABLE', 'EmbeddedTableChartBuilder');
  }
}

const AXIS_TYPES = new Set([
  'AREA',
  'BAR',
  'COLUMN',
  'COMBO',
  'HISTOGRAM',
  'LINE',
  'SCATTER',
  'STEPPED_AREA',
]);
const STACKABLE_TYPES = new Set(['AREA', 'BAR', 'COLUMN', 'COMBO', 'STEPPED_AREA']);

/**
 * EmbeddedColumnChartBuilder, EmbeddedPieChartBuilder…: the base builder plus title, legend, axes.
 * A method the typed builder does not have in Google (setStacked on a line chart) is reported as not
 * implemented rather than quietly accepted.
 */
export class TypedChartBuilder extends EmbeddedChartBuilder {
  override readonly gasClass: string;

  constructor(
    ctx: ExecutionContext,
    sheet: SheetModel,
    spec: ChartSpec,
    chartId: number | null,
    gasClass: string,
  ) {
    super(ctx, sheet, spec, chartId);
    this.gasClass = gasClass;
  }

  _need(types: Set<string>, method: string): void {
    if (!types.has(this._spec.type)) notImplemented(this.gasClass, method);
  }

  setTitle(chartTitle: string): this {
    return this.setOption('title', text(chartTitle));
  }
  setLegendPosition(position: unknown): this {
    return this.setOption(
      'legend.position',
      this._enumArg('setLegendPosition', arguments, position, LEGEND_POSITION).toLowerCase(),
    );
  }
  setColors(cssValues: string[]): this {
    return this.setOption('colors', cssValues.slice());
  }
  setBackgroundColor(cssValue: string): this {
    return this.setOption('backgroundColor', text(cssValue));
  }
  setDimensions(width: number, height: number): this {
    this.setOption('width', width);
    return this.setOption('height', height);
  }
  setXAxisTitle(title: string): this {
    this._need(AXIS_TYPES, 'setXAxisTitle');
    return this.setOption('hAxis.title', text(title));
  }
  setYAxisTitle(title: string): this {
    this._need(AXIS_TYPES, 'setYAxisTitle');
    return this.setOption('vAxis.title', text(title));
  }
  setRange(start: number, end: number): this {
    this._need(AXIS_TYPES, 'setRange');
    this.setOption('vAxis.viewWindow.min', start);
    return this.setOption('vAxis.viewWindow.max', end);
  }
  setStacked(): this {
    this._need(STACKABLE_TYPES, 'setStacked');
    return this.setOption('isStacked', true);
  }
  reverseCategories(): this {
    this._need(AXIS_TYPES, 'reverseCategories');
    return this.setOption('hAxis.direction', -1);
  }
  set3D(): this {
    this._need(new Set(['PIE']), 'set3D');
    return this.setOption('is3D', true);
  }
}
