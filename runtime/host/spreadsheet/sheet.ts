/**
 * Apps Script's Sheet (one tab).
 * Reference: developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import type { ExecutionContext } from '../execution';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject, overload } from './base';
import type { SheetModel } from './sheet-model';
import type { Inherit, Rect } from './rect';
import { a1Span, parseA1, resolveA1 } from './a1';
import { Messages, fail } from './errors';
import { assertCanEdit, blockingProtection, validationFailure } from './guards';
import { planScriptWrite, plannedCell } from './write-plan';
import { Range, checkRect } from './range';
import { ProtectionObject } from './protection-object';
import { sheetProtectionBlocking } from './protection-model';
import {
  EmbeddedChart,
  EmbeddedChartBuilder,
  chartObjects,
  insertChart,
  removeChart,
  updateChart,
} from './charts';
import { spreadsheetObjectFor } from './spreadsheet';
import { Group, applyCollapsed, checkColumn, findColumnGroup } from './column-groups';
import {
  type ConditionalFormatRule,
  conditionalFormatRules,
  replaceConditionalFormatRules,
} from './conditional-formats';
import type { Spreadsheet } from './spreadsheet';

const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

export class Sheet extends SpreadsheetGasObject {
  readonly gasClass = 'Sheet';

  constructor(
    ctx: ExecutionContext,
    readonly _model: SheetModel,
  ) {
    super(ctx);
  }

  _live(): SheetModel {
    if (this._model.deleted) fail(Messages.sheetDeleted(this._model.name));
    return this._model;
  }

  _user(): string {
    return this.ctx.effectiveUserEmail;
  }

  _range(rect: Rect): Range {
    return new Range(this.ctx, this._live(), rect);
  }

  /** Structural changes (insert/delete rows or columns) need edit rights over the lines touched. */
  _assertCanRestructure(rect: Rect): void {
    if (blockingProtection(this._live(), rect, this._user())) fail(Messages.protected);
  }

  // ------------------------------------------------------------------------------------------
  // Identity

  getName(): string {
    return this._live().name;
  }

  setName(name: string): Sheet {
    overload(this.gasClass, 'setName', arguments, ['string']);
    const sheet = this._live();
    if (sheetProtectionBlocking(sheet.protections, this._user(), sheet.spreadsheet.ownerEmail))
      fail(Messages.protected);
    const clash = sheet.spreadsheet
      .sheetModels()
      .find((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase());
    if (clash) fail(Messages.sheetExists(name));
    sheet.name = name;
    return this;
  }

  getSheetId(): number {
    return this._live().sheetId;
  }

  /** 1-based position of the tab. */
  getIndex(): number {
    return this._live().spreadsheet.indexOf(this._model) + 1;
  }

  getParent(): Spreadsheet {
    return spreadsheetObjectFor(this.ctx, this._live().spreadsheet);
  }

  getFormUrl(): string | null {
    return this._live().formUrl;
  }

  getType(): string {
    return 'GRID';
  }

  // ------------------------------------------------------------------------------------------
  // Ranges

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    const form = overload(
      this.gasClass,
      'getRange',
      arguments,
      ['string'],
      ['number', 'number'],
      ['number', 'number', 'number'],
      ['number', 'number', 'number', 'number'],
    );
    const sheet = this._live();
    if (form === 0) return rangeFromA1(this.ctx, sheet, a as string);
    const row = a as number;
    const nr = numRows ?? 1;
    const nc = numColumns ?? 1;
    checkRect(sheet, row, column as number, nr, nc);
    return this._range({ row, column: column as number, numRows: nr, numColumns: nc });
  }

  /** From A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    const sheet = this._live();
    return this._range({
      row: 1,
      column: 1,
      numRows: Math.max(1, sheet.lastRow()),
      numColumns: Math.max(1, sheet.lastColumn()),
    });
  }

  getLastRow(): number {
    return this._live().lastRow();
  }

  getLastColumn(): number {
    return this._live().lastColumn();
  }

  getMaxRows(): number {
    return this._live().maxRows;
  }

  getMaxColumns(): number {
    return this._live().maxColumns;
  }

  getActiveRange(): Range | null {
    const sheet = this._live();
    const sel = sheet.spreadsheet.selectionFor(this.ctx.activeUserEmail);
    return sel.sheetId === sheet.sheetId
      ? this._range({ ...sel.rect })
      : this._range({ row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  getActiveCell(): Range {
    const range = this.getActiveRange() as Range;
    return this._range({ row: range._rect.row, column: range._rect.column, numRows: 1, numColumns: 1 });
  }

  getCurrentCell(): Range | null {
    return this.getActiveCell();
  }

  setActiveRange(range: Range): Range {
    overload(this.gasClass, 'setActiveRange', arguments, ['gas']);
    if (!(range instanceof Range) || range._model !== this._live())
      throw new GasError('The range must be on this sheet.');
    return range.activate();
  }

  setActiveSelection(range: Range | string): Range {
    overload(this.gasClass, 'setActiveSelection', arguments, ['gas'], ['string']);
    const target = typeof range === 'string' ? rangeFromA1(this.ctx, this._live(), range) : range;
    return this.setActiveRange(target);
  }

  // ------------------------------------------------------------------------------------------
  // Appending, inserting, deleting

  /**
   * Sheet.appendRow: writes after the last row with content, growing the sheet when it is full.
   * Strings are parsed like typed input (formulas, numbers, dates), as with setValues.
   */
  appendRow(rowContents: unknown[]): Sheet {
    overload(this.gasClass, 'appendRow', arguments, ['array']);
    const sheet = this._live();
    if (rowContents.length === 0) return this;
    const row = sheet.lastRow() + 1;
    const rect = { row, column: 1, numRows: 1, numColumns: rowContents.length };
    assertCanEdit(sheet, rect, this._user());
    const plan = planScriptWrite(sheet, rect, [rowContents]);
    const invalid = validationFailure(sheet, rect, (r, c) => plannedCell(sheet, plan, r, c));
    if (invalid) fail(invalid.message);
    sheet.ensureSize(row, rowContents.length);
    sheet.commitPlan(plan);
    this.ctx.stats.cellsWritten += rowContents.length;
    return this;
  }

  _insertRows(at: number, count: number, inherit: Inherit, reference: number): void {
    const sheet = this._live();
    if (!Number.isInteger(count) || count < 1) fail(Messages.rowsOutOfBounds);
    if (reference < 1 || reference > sheet.maxRows) fail(Messages.rowsOutOfBounds);
    this._assertCanRestructure({ row: reference, column: 1, numRows: 1, numColumns: sheet.maxColumns });
    sheet.insertRows(at, count, inherit);
  }

  _insertColumns(at: number, count: number, inherit: Inherit, reference: number): void {
    const sheet = this._live();
    if (!Number.isInteger(count) || count < 1) fail(Messages.columnsOutOfBounds);
    if (reference < 1 || reference > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
    this._assertCanRestructure({ row: 1, column: reference, numRows: sheet.maxRows, numColumns: 1 });
    sheet.insertColumns(at, count, inherit);
  }

  insertRows(rowIndex: number, numRows?: number): void {
    overload(this.gasClass, 'insertRows', arguments, ['number'], ['number', 'number']);
    this._insertRows(rowIndex, numRows ?? 1, fromNeighbour(rowIndex), rowIndex);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    overload(this.gasClass, 'insertRowsBefore', arguments, ['number', 'number']);
    this._insertRows(beforePosition, howMany, fromNeighbour(beforePosition), beforePosition);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    overload(this.gasClass, 'insertRowsAfter', arguments, ['number', 'number']);
    this._insertRows(afterPosition + 1, howMany, 'before', afterPosition);
    return this;
  }
  insertRowBefore(beforePosition: number): Sheet {
    overload(this.gasClass, 'insertRowBefore', arguments, ['number']);
    this._insertRows(beforePosition, 1, fromNeighbour(beforePosition), beforePosition);
    return this;
  }
  insertRowAfter(afterPosition: number): Sheet {
    overload(this.gasClass, 'insertRowAfter', arguments, ['number']);
    this._insertRows(afterPosition + 1, 1, 'before', afterPosition);
    return this;
  }

  deleteRow(rowPosition: number): Sheet {
    overload(this.gasClass, 'deleteRow', arguments, ['number']);
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    overload(this.gasClass, 'deleteRows', arguments, ['number', 'number']);
    const sheet = this._live();
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > sheet.maxRows)
      fail(Messages.rowsOutOfBounds);
    this._assertCanRestructure({
      row: rowPosition,
      column: 1,
      numRows: howMany,
      numColumns: sheet.maxColumns,
    });
    sheet.deleteRows(rowPosition, howMany);
  }

  insertColumns(columnIndex: number, numColumns?: number): void {
    overload(this.gasClass, 'insertColumns', arguments, ['number'], ['number', 'number']);
    this._insertColumns(columnIndex, numColumns ?? 1, fromNeighbour(columnIndex), columnIndex);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    overload(this.gasClass, 'insertColumnsBefore', arguments, ['number', 'number']);
    this._insertColumns(beforePosition, howMany, fromNeighbour(beforePosition), beforePosition);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    overload(this.gasClass, 'insertColumnsAfter', arguments, ['number', 'number']);
    this._insertColumns(afterPosition + 1, howMany, 'before', afterPosition);
    return this;
  }
  insertColumnBefore(beforePosition: number): Sheet {
    overload(this.gasClass, 'insertColumnBefore', arguments, ['number']);
    this._insertColumns(beforePosition, 1, fromNeighbour(beforePosition), beforePosition);
    return this;
  }
  insertColumnAfter(afterPosition: number): Sheet {
    overload(this.gasClass, 'insertColumnAfter', arguments, ['number']);
    this._insertColumns(afterPosition + 1, 1, 'before', afterPosition);
    return this;
  }

  deleteColumn(columnPosition: number): Sheet {
    overload(this.gasClass, 'deleteColumn', arguments, ['number']);
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    overload(this.gasClass, 'deleteColumns', arguments, ['number', 'number']);
    const sheet = this._live();
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > sheet.maxColumns)
      fail(Messages.columnsOutOfBounds);
    this._assertCanRestructure({
      row: 1,
      column: columnPosition,
      numRows: sheet.maxRows,
      numColumns: howMany,
    });
    sheet.deleteColumns(columnPosition, howMany);
  }

  // ------------------------------------------------------------------------------------------
  // Freezing, clearing

  setFrozenRows(rows: number): void {
    overload(this.gasClass, 'setFrozenRows', arguments, ['number']);
    const sheet = this._live();
    if (rows < 0 || rows > sheet.maxRows) fail(Messages.rowsOutOfBounds);
    sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._live().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    overload(this.gasClass, 'setFrozenColumns', arguments, ['number']);
    const sheet = this._live();
    if (columns < 0 || columns > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
    sheet.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._live().frozenColumns;
  }

  /** Sheet.clear(): content and formatting; with options, only what they name. */
  clear(options?: Record<string, unknown>): Sheet {
    overload(this.gasClass, 'clear', arguments, [], ['object']);
    const sheet = this._live();
    if (options === undefined) this._range(sheet.fullRect()).clear();
    else this._range(sheet.fullRect()).clear(options);
    return this;
  }
  clearContents(): Sheet {
    this._range(this._live().fullRect()).clearContent();
    return this;
  }
  clearFormats(): Sheet {
    this._range(this._live().fullRect()).clearFormat();
    return this;
  }
  clearNotes(): Sheet {
    this._range(this._live().fullRect()).clearNote();
    return this;
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

  getProtections(type: string): ProtectionObject[] {
    overload(this.gasClass, 'getProtections', arguments, ['string']);
    const sheet = this._live();
    return sheet.protections
      .filter((p) => !p.removed && p.type === type)
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
  getColumnGroupControlPosition(): string {
    return this._live().columnGroupControlAfter ? 'AFTER' : 'BEFORE';
  }

  // ------------------------------------------------------------------------------------------
  // Tab appearance and layout

  hideSheet(): Sheet {
    const sheet = this._live();
    const visible = sheet.spreadsheet.sheetModels().filter((s) => !s.hidden && s !== sheet);
    if (!sheet.hidden && visible.length === 0) fail(Messages.hideAllSheets);
    sheet.hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this._live().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._live().hidden;
  }
  setTabColor(color: string | null): Sheet {
    overload(this.gasClass, 'setTabColor', arguments, ['string'], ['nullable']);
    this._live().tabColor = color === null || color === undefined ? null : color;
    return this;
  }
  getTabColor(): string | null {
    return this._live().tabColor;
  }

  /** Sheet.activate(): makes this the user's active tab (showing it if hidden). */
  activate(): Sheet {
    const sheet = this._live();
    sheet.spreadsheet.setActiveSheetFor(this.ctx.activeUserEmail, sheet);
    return this;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    overload(this.gasClass, 'setColumnWidth', arguments, ['number', 'number']);
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    overload(this.gasClass, 'setColumnWidths', arguments, ['number', 'number', 'number']);
    const sheet = this._live();
    if (startColumn < 1 || startColumn + numColumns - 1 > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
    for (let c = startColumn; c < startColumn + numColumns; c++) sheet.columnWidths.set(c, width);
    return this;
  }
  /** Sheet.hideColumns(columnIndex[, numColumns]): hides columns; their values stay readable. */
  hideColumns(columnIndex: number, numColumns?: number): void {
    overload(this.gasClass, 'hideColumns', arguments, ['number'], ['number', 'number']);
    this._setColumnsHidden(columnIndex, numColumns ?? 1, true);
  }
  /** Sheet.showColumns(columnIndex[, numColumns]). */
  showColumns(columnIndex: number, numColumns?: number): void {
    overload(this.gasClass, 'showColumns', arguments, ['number'], ['number', 'number']);
    this._setColumnsHidden(columnIndex, numColumns ?? 1, false);
  }
  /** Sheet.isColumnHiddenByUser(columnPosition). */
  isColumnHiddenByUser(columnPosition: number): boolean {
    overload(this.gasClass, 'isColumnHiddenByUser', arguments, ['number']);
    const sheet = this._live();
    if (columnPosition < 1 || columnPosition > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
    return sheet.hiddenColumns.has(columnPosition);
  }
  _setColumnsHidden(start: number, count: number, hidden: boolean): void {
    const sheet = this._live();
    if (start < 1 || count < 1 || start + count - 1 > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
    for (let c = start; c < start + count; c++) {
      if (hidden) sheet.hiddenColumns.set(c, true);
      else sheet.hiddenColumns.delete(c);
    }
  }
  getColumnWidth(columnPosition: number): number {
    overload(this.gasClass, 'getColumnWidth', arguments, ['number']);
    return this._live().columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number): Sheet {
    overload(this.gasClass, 'setRowHeight', arguments, ['number', 'number']);
    const sheet = this._live();
    if (rowPosition < 1 || rowPosition > sheet.maxRows) fail(Messages.rowsOutOfBounds);
    sheet.rowHeights.set(rowPosition, height);
    return this;
  }
  getRowHeight(rowPosition: number): number {
    overload(this.gasClass, 'getRowHeight', arguments, ['number']);
    return this._live().rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Fits columns to their longest displayed text (about 7 px a character, as Arial 10 renders). */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    overload(this.gasClass, 'autoResizeColumns', arguments, ['number', 'number']);
    const sheet = this._live();
    if (startColumn < 1 || startColumn + numColumns - 1 > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
    const lastRow = sheet.lastRow();
    const display =
      lastRow === 0
        ? []
        : sheet.readDisplayValues({ row: 1, column: startColumn, numRows: lastRow, numColumns });
    this.ctx.stats.cellsRead += lastRow * numColumns;
    for (let j = 0; j < numColumns; j++) {
      const longest = display.reduce((n, line) => Math.max(n, (line[j] ?? '').length), 0);
      sheet.columnWidths.set(
        startColumn + j,
        longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.max(20, longest * 7 + 10),
      );
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): Sheet {
    overload(this.gasClass, 'autoResizeColumn', arguments, ['number']);
    return this.autoResizeColumns(columnPosition, 1);
  }
}

/**
 * New rows (columns) take the formatting and validation of the line above (to the left), like
 * Sheets' inserts — which is why rows inserted under a header come out bold; at the very top they
 * take the line below.
 */
function fromNeighbour(position: number): Inherit {
  return position > 1 ? 'before' : 'after';
}

/**
 * A range from A1 notation on `sheet`, or on the tab the notation names. Unknown tabs and notation
 * Sheets would not accept fail with "Range not found", like Google.
 */
export function rangeFromA1(ctx: ExecutionContext, sheet: SheetModel, a1: string): Range {
  const parsed = parseA1(a1);
  if (!parsed) fail(Messages.rangeNotFound);
  const target = parsed.sheetName === null ? sheet : sheet.spreadsheet.sheetModel(parsed.sheetName);
  if (!target) fail(Messages.rangeNotFound);
  const rect = resolveA1(parsed, target.maxRows, target.maxColumns);
  checkRect(target, rect.row, rect.column, rect.numRows, rect.numColumns);
  return new Range(ctx, target, rect, a1Span(parsed));
}

export function sheetObject(ctx: ExecutionContext, sheet: SheetModel): Sheet {
  return new Sheet(ctx, sheet);
}
