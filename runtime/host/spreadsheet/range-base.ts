/**
 * The ground floor of Apps Script's Range (./range): the rectangle it stands for, the host-only
 * helpers every other part uses (names start with `_`: the dispatcher hides them), and geometry.
 * Range is split by concern into a chain of classes, RangeBase → RangeContents (./range-contents) →
 * RangeFormatting (./range-formatting) → Range, because the dispatcher exposes every method on the
 * prototype chain, so scripts still see one class.
 */
import type { ExecutionContext } from '../execution';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject, javaInt, overload } from './base';
import type { SheetModel } from './sheet-model';
import type { Range } from './range';
import type { Rect } from './rect';
import { columnToLetters, rectToA1 } from './a1';
import type { A1Span } from './a1';
import type { StyleKey, StyleValue } from './style';
import { Messages, fail } from './errors';
import { assertCanEdit, validationFailure } from './guards';
import { planScriptWrite, plannedCell } from './write-plan';

const CELL_OUT_OF_RANGE = 'Cell reference out of range';

export abstract class RangeBase extends SpreadsheetGasObject {
  readonly gasClass = 'Range';

  constructor(
    ctx: ExecutionContext,
    readonly _model: SheetModel,
    readonly _rect: Rect,
    /**
     * Made from whole rows (`5:7`) or whole columns (`D:F`), or standing for a whole sheet (a sheet
     * protection's range): getA1Notation says so.
     */
    readonly _span: A1Span | 'sheet' = 'cells',
  ) {
    super(ctx);
  }

  // ------------------------------------------------------------------------------------------
  // Helpers (host-only: names start with `_`)

  _sheet(): SheetModel {
    if (this._model.deleted) fail(Messages.sheetDeleted(this._model.name));
    return this._model;
  }

  _cells(): number {
    return this._rect.numRows * this._rect.numColumns;
  }

  _read(): number {
    const n = this._cells();
    this.ctx.stats.cellsRead += n;
    return n;
  }

  _written(n = this._cells()): void {
    this.ctx.stats.cellsWritten += n;
  }

  _user(): string {
    return this.ctx.effectiveUserEmail;
  }

  _assertEditable(): SheetModel {
    const sheet = this._sheet();
    // The sheet may have shrunk (deleteRows) since this Range was made.
    const r = this._rect;
    if (r.row + r.numRows - 1 > sheet.maxRows || r.column + r.numColumns - 1 > sheet.maxColumns)
      fail(Messages.outOfBounds);
    assertCanEdit(sheet, this._rect, this._user());
    return sheet;
  }

  /** Parses, checks (protection, then strict validation) and writes a grid of script values. */
  _writeGrid(grid: readonly (readonly unknown[])[]): void {
    const sheet = this._assertEditable();
    const plan = planScriptWrite(sheet, this._rect, grid);
    // Apps Script refuses a write that breaks a rule set to reject invalid input, and writes nothing.
    const invalid = validationFailure(sheet, this._rect, (row, column) =>
      plannedCell(sheet, plan, row, column),
    );
    if (invalid) fail(invalid.message);
    sheet.commitPlan(plan);
    this._written();
  }

  _grid<T>(value: T): T[][] {
    return Array.from({ length: this._rect.numRows }, () => new Array<T>(this._rect.numColumns).fill(value));
  }

  _assertShape(grid: readonly unknown[][]): void {
    if (grid.length !== this._rect.numRows) fail(Messages.rowsMismatch(grid.length, this._rect.numRows));
    for (const line of grid) {
      if (line.length !== this._rect.numColumns)
        fail(Messages.columnsMismatch(line.length, this._rect.numColumns));
    }
  }

  _setStyle(key: StyleKey, value: StyleValue | StyleValue[][]): this {
    const sheet = this._assertEditable();
    sheet.setStyle(this._rect, key, value);
    this._written();
    return this;
  }

  _styleGrid<T>(pick: (style: ReturnType<SheetModel['styleAt']>) => T): T[][] {
    this._read();
    return this._sheet()
      .readStyles(this._rect)
      .map((line) => line.map(pick));
  }

  _topLeftStyle<T>(pick: (style: ReturnType<SheetModel['styleAt']>) => T): T {
    this.ctx.stats.cellsRead += 1;
    return pick(this._sheet().styleAt(this._rect.row, this._rect.column));
  }

  /** A new Range on the same sheet; Range itself builds it, so this class need not import Range. */
  abstract _related(row: number, column: number, numRows: number, numColumns: number): Range;

  // ------------------------------------------------------------------------------------------
  // Geometry

  getRow(): number {
    return this._rect.row;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.column;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numColumns;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numColumns;
  }
  /** The range's own last row (not the sheet's data), as Range.getLastRow documents. */
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.column + this._rect.numColumns - 1;
  }
  /**
   * Live Apps Script (gas-fakes test/testsheetsdeveloper.js, "Range A1 notation"): a range made from
   * whole rows or columns answers `5:7` or `D:F` (reversed ends put in order: `D:B` is `B:D`), any
   * other `B2:C5`, without `$` or the sheet name. A sheet protection's range has no notation: ''
   * (gas-fakes test/testsheetspermissions.js, "sheet level range has no a1 notation").
   */
  getA1Notation(): string {
    const r = this._rect;
    if (this._span === 'sheet') return '';
    if (this._span === 'rows') return `${r.row}:${r.row + r.numRows - 1}`;
    if (this._span === 'columns')
      return `${columnToLetters(r.column)}:${columnToLetters(r.column + r.numColumns - 1)}`;
    return rectToA1(this._rect);
  }
  getGridId(): number {
    return this._sheet().sheetId;
  }

  /** Range.getCell: 1-based within this range; outside it, "Cell reference out of range". */
  getCell(row: number, column: number): Range {
    overload(this.gasClass, 'getCell', arguments, ['number', 'number']);
    row = javaInt(row);
    column = javaInt(column);
    if (row < 1 || column < 1 || row > this._rect.numRows || column > this._rect.numColumns)
      fail(CELL_OUT_OF_RANGE);
    return this._related(this._rect.row + row - 1, this._rect.column + column - 1, 1, 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    overload(
      this.gasClass,
      'offset',
      arguments,
      ['number', 'number'],
      ['number', 'number', 'number'],
      ['number', 'number', 'number', 'number'],
    );
    const row = this._rect.row + javaInt(rowOffset);
    const column = this._rect.column + javaInt(columnOffset);
    const nr = numRows === undefined ? this._rect.numRows : javaInt(numRows);
    const nc = numColumns === undefined ? this._rect.numColumns : javaInt(numColumns);
    checkRect(this._sheet(), row, column, nr, nc);
    return this._related(row, column, nr, nc);
  }

  activate(): this {
    this._sheet().spreadsheet.setSelectionFor(this.ctx.activeUserEmail, this._sheet(), this._rect);
    return this;
  }
}

/** Google's checks, in Google's order, for a rectangle requested from a sheet. */
export function checkRect(
  sheet: SheetModel,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  if (![row, column, numRows, numColumns].every((n) => Number.isFinite(n))) {
    throw new GasError(Messages.rangeNotFound);
  }
  if (row < 1) fail(Messages.startRowTooSmall);
  if (column < 1) fail(Messages.startColumnTooSmall);
  if (numRows < 1) fail(Messages.rowsAtLeastOne);
  if (numColumns < 1) fail(Messages.columnsAtLeastOne);
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns)
    fail(Messages.outOfBounds);
}
