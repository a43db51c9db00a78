/**
 * How a tab is shown: hidden or not, tab colour, being the active tab, column widths, hidden columns,
 * row heights. Part of the Sheet class chain (./sheet-base explains the split).
 */
import { overload } from './base';
import { Messages, fail } from './errors';
import { SheetStructure } from './sheet-structure';

const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

export abstract class SheetLayout extends SheetStructure {
  // ------------------------------------------------------------------------------------------
  // Tab appearance and layout

  hideSheet(): this {
    const sheet = this._live();
    const visible = sheet.spreadsheet.sheetModels().filter((s) => !s.hidden && s !== sheet);
    if (!sheet.hidden && visible.length === 0) fail(Messages.hideAllSheets);
    sheet.hidden = true;
    return this;
  }
  showSheet(): this {
    this._live().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._live().hidden;
  }
  setTabColor(color: string | null): this {
    overload(this.gasClass, 'setTabColor', arguments, ['string'], ['nullable']);
    this._live().tabColor = color === null || color === undefined ? null : color;
    return this;
  }
  getTabColor(): string | null {
    return this._live().tabColor;
  }

  /** Sheet.activate(): makes this the user's active tab (showing it if hidden). */
  activate(): this {
    const sheet = this._live();
    sheet.spreadsheet.setActiveSheetFor(this.ctx.activeUserEmail, sheet);
    return this;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    overload(this.gasClass, 'setColumnWidth', arguments, ['number', 'number']);
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
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
  setRowHeight(rowPosition: number, height: number): this {
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
  autoResizeColumns(startColumn: number, numColumns: number): this {
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
  autoResizeColumn(columnPosition: number): this {
    overload(this.gasClass, 'autoResizeColumn', arguments, ['number']);
    return this.autoResizeColumns(columnPosition, 1);
  }
}
