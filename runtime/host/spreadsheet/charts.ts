/**
 * The embedded-chart classes of SpreadsheetApp (EmbeddedChart, ChartOptions, ContainerInfo) and the
 * sheet-side operations behind Sheet.insertChart etc. Charts are recorded as specs (type, source
 * ranges, options, position); nothing is drawn. The Charts service and its enums are in ./chart-enums,
 * the builders in ./chart-builders; both are re-exported here for the modules that import them.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 */
import type { ExecutionContext } from '../execution';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject, overload } from './base';
import type { SheetModel } from './sheet-model';
import type { ChartModel, ChartSpec } from './chart-model';
import { cloneSpec } from './chart-model';
import { Range } from './range';
import { EmbeddedChartBuilder } from './chart-builders';

export { EmbeddedChartBuilder, TypedChartBuilder } from './chart-builders';
export {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  ChartsService,
  LegendPosition,
} from './chart-enums';

export class EmbeddedChart extends SpreadsheetGasObject {
  readonly gasClass = 'EmbeddedChart';

  constructor(
    ctx: ExecutionContext,
    readonly _sheet: SheetModel,
    readonly _spec: ChartSpec,
    /** Null until the chart is inserted into a sheet. */
    readonly _chartId: number | null,
  ) {
    super(ctx);
  }

  getChartId(): number | null {
    return this._chartId;
  }

  getId(): string | null {
    return this._chartId === null ? null : `u${this._chartId}`;
  }

  getRanges(): Range[] {
    return rangesOf(this.ctx, this._sheet, this._spec);
  }

  getOptions(): ChartOptions {
    return new ChartOptions(this.ctx, { ...this._spec.options });
  }

  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.ctx, this._spec);
  }

  getNumHeaders(): number {
    return this._spec.numHeaders;
  }

  getHiddenDimensionStrategy(): string {
    return this._spec.hiddenDimensionStrategy;
  }

  getMergeStrategy(): string {
    return this._spec.mergeStrategy;
  }

  getTransposeRowsAndColumns(): boolean {
    return this._spec.transposeRowsAndColumns;
  }

  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, this._sheet, cloneSpec(this._spec), this._chartId);
  }
}

export class ChartOptions extends SpreadsheetGasObject {
  readonly gasClass = 'ChartOptions';
  constructor(
    ctx: ExecutionContext,
    readonly _options: Record<string, unknown>,
  ) {
    super(ctx);
  }
  get(option: string): unknown {
    overload(this.gasClass, 'get', arguments, ['string']);
    return Object.prototype.hasOwnProperty.call(this._options, option) ? this._options[option] : null;
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

export class ContainerInfo extends SpreadsheetGasObject {
  readonly gasClass = 'ContainerInfo';
  constructor(
    ctx: ExecutionContext,
    readonly _spec: ChartSpec,
  ) {
    super(ctx);
  }
  getAnchorRow(): number {
    return this._spec.position.anchorRow;
  }
  getAnchorColumn(): number {
    return this._spec.position.anchorColumn;
  }
  getOffsetX(): number {
    return this._spec.position.offsetX;
  }
  getOffsetY(): number {
    return this._spec.position.offsetY;
  }
}

/** The live Ranges a chart spec draws from (a source tab no longer found is skipped). */
export function rangesOf(ctx: ExecutionContext, sheet: SheetModel, spec: ChartSpec): Range[] {
  return spec.ranges.flatMap((ref) => {
    const source = sheet.spreadsheet.sheetById(ref.sheetId);
    return source ? [new Range(ctx, source, { ...ref.rect })] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Sheet-side operations (Sheet.insertChart / updateChart / removeChart / getCharts)

export function insertChart(sheet: SheetModel, chart: EmbeddedChart): ChartModel {
  const model: ChartModel = { ...cloneSpec(chart._spec), chartId: sheet.spreadsheet.newChartId() };
  sheet.charts.push(model);
  return model;
}

export function updateChart(sheet: SheetModel, chart: EmbeddedChart): void {
  const i = sheet.charts.findIndex((c) => c.chartId === chart._chartId);
  if (chart._chartId === null || i < 0)
    throw new GasError('The chart to update was not found on this sheet.');
  sheet.charts[i] = { ...cloneSpec(chart._spec), chartId: chart._chartId };
}

export function removeChart(sheet: SheetModel, chart: EmbeddedChart): void {
  const i = sheet.charts.findIndex((c) => c.chartId === chart._chartId);
  if (chart._chartId === null || i < 0)
    throw new GasError('The chart to remove was not found on this sheet.');
  sheet.charts.splice(i, 1);
}

export function chartObjects(ctx: ExecutionContext, sheet: SheetModel): EmbeddedChart[] {
  return sheet.charts.map((c) => new EmbeddedChart(ctx, sheet, cloneSpec(c), c.chartId));
}
