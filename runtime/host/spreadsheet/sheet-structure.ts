/**
 * Changing a tab's grid from a script: appending a row, inserting and deleting rows and columns,
 * freezing, clearing. Part of the Sheet class chain (./sheet-base explains the split).
 */
import { javaInt, overload } from './base';
import type { Inherit } from './rect';
import { Messages, fail } from './errors';
import { assertCanEdit, validationFailure } from './guards';
import { planScriptWrite, plannedCell } from './write-plan';
import { SheetBase } from './sheet-base';

export abstract class SheetStructure extends SheetBase {
  // ------------------------------------------------------------------------------------------
  // Appending, inserting, deleting

  /**
   * Sheet.appendRow: writes after the last row with content, growing the sheet when it is full.
   * Strings are parsed like typed input (formulas, numbers, dates), as with setValues.
   */
  appendRow(rowContents: unknown[]): this {
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
    const at = javaInt(rowIndex);
    this._insertRows(at, javaInt(numRows ?? 1), fromNeighbour(at), at);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    overload(this.gasClass, 'insertRowsBefore', arguments, ['number', 'number']);
    const at = javaInt(beforePosition);
    this._insertRows(at, javaInt(howMany), fromNeighbour(at), at);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    overload(this.gasClass, 'insertRowsAfter', arguments, ['number', 'number']);
    const after = javaInt(afterPosition);
    this._insertRows(after + 1, javaInt(howMany), 'before', after);
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    overload(this.gasClass, 'insertRowBefore', arguments, ['number']);
    const at = javaInt(beforePosition);
    this._insertRows(at, 1, fromNeighbour(at), at);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    overload(this.gasClass, 'insertRowAfter', arguments, ['number']);
    const after = javaInt(afterPosition);
    this._insertRows(after + 1, 1, 'before', after);
    return this;
  }

  deleteRow(rowPosition: number): this {
    overload(this.gasClass, 'deleteRow', arguments, ['number']);
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    overload(this.gasClass, 'deleteRows', arguments, ['number', 'number']);
    rowPosition = javaInt(rowPosition);
    howMany = javaInt(howMany);
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
    const at = javaInt(columnIndex);
    this._insertColumns(at, javaInt(numColumns ?? 1), fromNeighbour(at), at);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    overload(this.gasClass, 'insertColumnsBefore', arguments, ['number', 'number']);
    const at = javaInt(beforePosition);
    this._insertColumns(at, javaInt(howMany), fromNeighbour(at), at);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    overload(this.gasClass, 'insertColumnsAfter', arguments, ['number', 'number']);
    const after = javaInt(afterPosition);
    this._insertColumns(after + 1, javaInt(howMany), 'before', after);
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    overload(this.gasClass, 'insertColumnBefore', arguments, ['number']);
    const at = javaInt(beforePosition);
    this._insertColumns(at, 1, fromNeighbour(at), at);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    overload(this.gasClass, 'insertColumnAfter', arguments, ['number']);
    const after = javaInt(afterPosition);
    this._insertColumns(after + 1, 1, 'before', after);
    return this;
  }

  deleteColumn(columnPosition: number): this {
    overload(this.gasClass, 'deleteColumn', arguments, ['number']);
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    overload(this.gasClass, 'deleteColumns', arguments, ['number', 'number']);
    columnPosition = javaInt(columnPosition);
    howMany = javaInt(howMany);
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
    rows = javaInt(rows);
    const sheet = this._live();
    if (rows < 0 || rows > sheet.maxRows) fail(Messages.rowsOutOfBounds);
    sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._live().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    overload(this.gasClass, 'setFrozenColumns', arguments, ['number']);
    columns = javaInt(columns);
    const sheet = this._live();
    if (columns < 0 || columns > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
    sheet.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._live().frozenColumns;
  }

  /** Sheet.clear(): content and formatting; with options, only what they name. */
  clear(options?: Record<string, unknown>): this {
    overload(this.gasClass, 'clear', arguments, [], ['object']);
    const sheet = this._live();
    if (options === undefined) this._range(sheet.fullRect()).clear();
    else this._range(sheet.fullRect()).clear(options);
    return this;
  }
  clearContents(): this {
    this._range(this._live().fullRect()).clearContent();
    return this;
  }
  clearFormats(): this {
    this._range(this._live().fullRect()).clearFormat();
    return this;
  }
  clearNotes(): this {
    this._range(this._live().fullRect()).clearNote();
    return this;
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
