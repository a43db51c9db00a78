/**
 * Apps Script's Sheet (one tab).
 * Reference: developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import type { ExecutionContext } from '../execution';
import { GasError } from '../gas-object';
import { enumArg, overload, text } from './base';
import type { GasEnumValue } from '../gas-enum';
import { GROUP_CONTROL_TOGGLE_POSITION, PROTECTION_TYPE } from './spreadsheet-enums';
import type { SheetModel } from './sheet-model';
import { ProtectionObject } from './protection-object';
import {
  EmbeddedChart,
  EmbeddedChartBuilder,
  chartObjects,
  insertChart,
  removeChart,
  updateChart,
} from './charts';
import { Group, applyCollapsed, checkColumn, findColumnGroup } from './column-groups';
import {
  type ConditionalFormatRule,
  conditionalFormatRules,
  replaceConditionalFormatRules,
} from './conditional-formats';
import { SheetLayout } from './sheet-layout';
import { RangeList } from './range-list';
import { rangeFromA1 } from './sheet-base';

export { rangeFromA1 } from './sheet-base';

/**
 * The script-visible class: identity and ranges (./sheet-base), structure (./sheet-structure) and
 * layout (./sheet-layout) come from the classes it extends; protection, charts, conditional formats
 * and column groups, whose modules import this one back, live here.
 */
export class Sheet extends SheetLayout {
  // ------------------------------------------------------------------------------------------
  // Range lists

  /**
   * Reference: "the ranges in the same sheet specified by a non-empty list of A1 notations or range
   * names". Each notation is read as getRange(a1) reads it (a bad one is "Range not found"); this
   * runtime has no named ranges, so a name is not found either. An empty list is refused: Google does
   * not publish that refusal's wording, this is the runtime's.
   */
  getRangeList(a1Notations: string[]): RangeList {
    overload(this.gasClass, 'getRangeList', arguments, ['array']);
    if (a1Notations.length === 0)
      throw new GasError('Invalid argument: a1Notations. The list of ranges must not be empty.');
    const sheet = this._live();
    return new RangeList(a1Notations.map((a1) => rangeFromA1(this.ctx, sheet, text(a1))));
  }

  // ------------------------------------------------------------------------------------------
  // Protection

  /** Sheet.protect(): the sheet's protection, created on first call. */
  protect(): ProtectionObject {
    const sheet = this._live();
    const existing = sheet.protections.find((p) => p.type === 'SHEET' && !p.removed);
    const model = existing ?? sheet.spreadsheet.createProtection('SHEET', sheet, null, this._user());
    return new ProtectionObject(this.ctx, sheet.spreadsheet, model);
  }

  getProtections(type: unknown): ProtectionObject[] {
    overload(this.gasClass, 'getProtections', arguments, ['enum']);
    const kind = enumArg(this.gasClass, 'getProtections', arguments, PROTECTION_TYPE, type);
    const sheet = this._live();
    return sheet.protections
      .filter((p) => !p.removed && p.type === kind)
      .map((p) => new ProtectionObject(this.ctx, sheet.spreadsheet, p));
  }

  // ------------------------------------------------------------------------------------------
  // Charts

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, this._live());
  }
  insertChart(chart: EmbeddedChart): void {
    overload(this.gasClass, 'insertChart', arguments, ['gas']);
    if (!(chart instanceof EmbeddedChart)) throw new GasError('Invalid argument: chart');
    insertChart(this._live(), chart);
  }
  updateChart(chart: EmbeddedChart): void {
    overload(this.gasClass, 'updateChart', arguments, ['gas']);
    if (!(chart instanceof EmbeddedChart)) throw new GasError('Invalid argument: chart');
    updateChart(this._live(), chart);
  }
  removeChart(chart: EmbeddedChart): void {
    overload(this.gasClass, 'removeChart', arguments, ['gas']);
    if (!(chart instanceof EmbeddedChart)) throw new GasError('Invalid argument: chart');
    removeChart(this._live(), chart);
  }
  getCharts(): EmbeddedChart[] {
    return chartObjects(this.ctx, this._live());
  }

  // ------------------------------------------------------------------------------------------
  // Conditional formatting (./conditional-formats) and column groups (./column-groups)

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return conditionalFormatRules(this.ctx, this._live());
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    overload(this.gasClass, 'setConditionalFormatRules', arguments, ['array']);
    replaceConditionalFormatRules(this._live(), rules);
  }
  clearConditionalFormatRules(): void {
    this._live().conditionalFormats = [];
  }
  getColumnGroupDepth(columnIndex: number): number {
    overload(this.gasClass, 'getColumnGroupDepth', arguments, ['number']);
    checkColumn(this._live(), columnIndex);
    return this._live().columnGroups.depthAt(columnIndex);
  }
  getColumnGroup(columnIndex: number, groupDepth: number): Group | null {
    overload(this.gasClass, 'getColumnGroup', arguments, ['number', 'number']);
    const run = findColumnGroup(this._live(), columnIndex, groupDepth);
    return run ? new Group(this.ctx, this._live(), run) : null;
  }
  collapseAllColumnGroups(): Sheet {
    const sheet = this._live();
    for (const run of sheet.columnGroups.runs()) applyCollapsed(sheet, run, true);
    return this;
  }
  expandAllColumnGroups(): Sheet {
    const sheet = this._live();
    for (const run of sheet.columnGroups.runs()) applyCollapsed(sheet, run, false);
    return this;
  }
  /** SpreadsheetApp.GroupControlTogglePosition: BEFORE unless the sheet puts toggles after groups. */
  getColumnGroupControlPosition(): GasEnumValue {
    return GROUP_CONTROL_TOGGLE_POSITION.value(this._live().columnGroupControlAfter ? 'AFTER' : 'BEFORE');
  }
}

export function sheetObject(ctx: ExecutionContext, sheet: SheetModel): Sheet {
  return new Sheet(ctx, sheet);
}
