/**
 * Apps Script's Range: a fixed rectangle of one sheet (it does not move when rows are inserted).
 * Every read and write is counted into the execution's cellsRead / cellsWritten.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/range
 */
import type { ExecutionContext } from '../execution';
import { normalizeColor } from './colors';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject, javaDouble, overload, text } from './base';
import type { SheetModel } from './sheet-model';
import type { Rect } from './rect';
import { columnToLetters, rectToA1 } from './a1';
import type { A1Span } from './a1';
import type { CellValue } from './values';
import { assertCellLength, scriptValueToInput } from './values';
import { AUTOMATIC_FORMAT, DEFAULT_DATE_TIME_FORMAT } from './number-format';
import type { StyleKey, StyleValue } from './style';
import { Messages, fail } from './errors';
import { assertCanEdit, validationFailure } from './guards';
import { planScriptWrite, plannedCell } from './write-plan';
import { DataValidation } from './validation-objects';
import { ProtectionObject } from './protection-object';
import { sheetObject } from './sheet';
import type { Sheet } from './sheet';
import { shiftFormula } from './formula-shift';
import { shiftColumnGroupDepth } from './column-groups';

const CELL_OUT_OF_RANGE = 'Cell reference out of range';

export class Range extends SpreadsheetGasObject {
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

  _related(row: number, column: number, numRows: number, numColumns: number): Range {
    return new Range(this.ctx, this._model, { row, column, numRows, numColumns });
  }

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
  getSheet(): Sheet {
    return sheetObject(this.ctx, this._sheet());
  }

  /** Range.getCell: 1-based within this range; outside it, "Cell reference out of range". */
  getCell(row: number, column: number): Range {
    overload(this.gasClass, 'getCell', arguments, ['number', 'number']);
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
    const row = this._rect.row + rowOffset;
    const column = this._rect.column + columnOffset;
    const nr = numRows ?? this._rect.numRows;
    const nc = numColumns ?? this._rect.numColumns;
    checkRect(this._sheet(), row, column, nr, nc);
    return this._related(row, column, nr, nc);
  }

  activate(): Range {
    this._sheet().spreadsheet.setSelectionFor(this.ctx.activeUserEmail, this._sheet(), this._rect);
    return this;
  }

  // ------------------------------------------------------------------------------------------
  // Values

  getValue(): CellValue {
    this.ctx.stats.cellsRead += 1;
    return this._sheet().valueAt(this._rect.row, this._rect.column);
  }

  getValues(): CellValue[][] {
    this._read();
    const r = this._rect;
    return this._sheet().readValues(r.row, r.column, r.numRows, r.numColumns);
  }

  getDisplayValue(): string {
    this.ctx.stats.cellsRead += 1;
    return this._sheet().displayAt(this._rect.row, this._rect.column);
  }

  getDisplayValues(): string[][] {
    this._read();
    return this._sheet().readDisplayValues(this._rect);
  }

  /** Range.setValue sets every cell of the range to the value. */
  setValue(value: unknown): Range {
    overload(this.gasClass, 'setValue', arguments, ['any']);
    this._writeGrid(this._grid(value));
    return this;
  }

  setValues(values: unknown[][]): Range {
    overload(this.gasClass, 'setValues', arguments, ['array2d']);
    this._assertShape(values);
    this._writeGrid(values);
    return this;
  }

  isBlank(): boolean {
    this._read();
    const sheet = this._sheet();
    const r = this._rect;
    const values = sheet.readValues(r.row, r.column, r.numRows, r.numColumns);
    if (values.some((line) => line.some((v) => v !== ''))) return false;
    return !sheet.readFormulas(r).some((line) => line.some((f) => f !== ''));
  }

  // ------------------------------------------------------------------------------------------
  // Formulas

  getFormula(): string {
    this.ctx.stats.cellsRead += 1;
    return this._sheet().formulaAt(this._rect.row, this._rect.column);
  }

  getFormulas(): string[][] {
    this._read();
    return this._sheet().readFormulas(this._rect);
  }

  /** One formula for every cell; relative references move with each cell, as when filling. */
  setFormula(formula: string): Range {
    overload(this.gasClass, 'setFormula', arguments, ['string']);
    const grid = Array.from({ length: this._rect.numRows }, (_, i) =>
      Array.from({ length: this._rect.numColumns }, (_c, j) => shiftFormula(formula, i, j)),
    );
    this._writeFormulas(grid);
    return this;
  }

  setFormulas(formulas: string[][]): Range {
    overload(this.gasClass, 'setFormulas', arguments, ['array2d']);
    this._assertShape(formulas);
    this._writeFormulas(formulas.map((line) => line.map((f) => text(f))));
    return this;
  }

  _writeFormulas(grid: string[][]): void {
    const sheet = this._assertEditable();
    for (const line of grid) for (const f of line) assertCellLength(f);
    grid.forEach((line, i) =>
      line.forEach((f, j) => {
        const r0 = this._rect.row - 1 + i;
        const c0 = this._rect.column - 1 + j;
        if (f === '') sheet.setCell(r0, c0, '', null);
        else if (f.startsWith('=')) sheet.setCell(r0, c0, '', f);
        else
          sheet.writeParsed(
            r0,
            c0,
            scriptValueToInput(f, sheet.timeZone, sheet.numberFormatAt(r0 + 1, c0 + 1)),
          );
      }),
    );
    this._written();
  }

  // ------------------------------------------------------------------------------------------
  // Notes

  getNote(): string {
    this.ctx.stats.cellsRead += 1;
    return this._sheet().readNotes({ ...this._rect, numRows: 1, numColumns: 1 })[0]![0]!;
  }

  getNotes(): string[][] {
    this._read();
    return this._sheet().readNotes(this._rect);
  }

  setNote(note: string | null): Range {
    overload(
      this.gasClass,
      'setNote',
      arguments,
      ['string'],
      ['nullable'],
      ['number'],
      ['boolean'],
      ['date'],
    );
    const sheet = this._assertEditable();
    const value = text(note);
    for (let i = 0; i < this._rect.numRows; i++) {
      for (let j = 0; j < this._rect.numColumns; j++)
        sheet.setNote(this._rect.row + i, this._rect.column + j, value);
    }
    this._written();
    return this;
  }

  /**
   * Live Apps Script stores a number given to setNotes as Java prints a double (25 → "25.0"), where
   * setNote(25) stores "25" (gas-fakes notes/oddities.md, "sheets notes"; issuetracker 429373214).
   */
  setNotes(notes: unknown[][]): Range {
    overload(this.gasClass, 'setNotes', arguments, ['array2d']);
    this._assertShape(notes);
    const sheet = this._assertEditable();
    notes.forEach((line, i) =>
      line.forEach((n, j) =>
        sheet.setNote(
          this._rect.row + i,
          this._rect.column + j,
          typeof n === 'number' ? javaDouble(n) : text(n),
        ),
      ),
    );
    this._written();
    return this;
  }

  clearNote(): Range {
    const sheet = this._assertEditable();
    sheet.clear(this._rect, { notes: true });
    return this;
  }

  // ------------------------------------------------------------------------------------------
  // Clearing

  /** Range.clear(): contents and formats; with options, only what they name. */
  clear(options?: Record<string, unknown>): Range {
    overload(this.gasClass, 'clear', arguments, [], ['object']);
    const sheet = this._assertEditable();
    const cleared = this._clearedCells(sheet);
    if (!options) {
      sheet.clear(this._rect, { contents: true, formats: true });
    } else {
      const contents = options.contentsOnly === true;
      const formats = options.formatOnly === true;
      const notes = options.commentsOnly === true;
      const validations = options.validationsOnly === true;
      const any = contents || formats || notes || validations;
      sheet.clear(
        this._rect,
        any ? { contents, formats, notes, validations } : { contents: true, formats: true },
      );
    }
    this._written(cleared);
    return this;
  }

  clearContent(): Range {
    const sheet = this._assertEditable();
    const cleared = this._clearedCells(sheet);
    sheet.clear(this._rect, { contents: true });
    this._written(cleared);
    return this;
  }

  /** Clears text formatting; number formats stay, as Range.clearFormat documents. */
  clearFormat(): Range {
    const sheet = this._assertEditable();
    sheet.clear(this._rect, { formats: true });
    return this;
  }

  /** Cells of the range that can hold content (clipped to the sheet's data), for write accounting. */
  _clearedCells(sheet: SheetModel): number {
    const rows = Math.max(0, Math.min(this.getLastRow(), sheet.lastRow()) - this._rect.row + 1);
    const cols = Math.max(0, Math.min(this.getLastColumn(), sheet.lastColumn()) - this._rect.column + 1);
    return rows * cols;
  }

  // ------------------------------------------------------------------------------------------
  // Number formats and text formatting

  getNumberFormat(): string {
    this.ctx.stats.cellsRead += 1;
    const sheet = this._sheet();
    return effectiveFormat(
      sheet.numberFormatAt(this._rect.row, this._rect.column),
      sheet.valueAt(this._rect.row, this._rect.column),
    );
  }

  getNumberFormats(): string[][] {
    this._read();
    const sheet = this._sheet();
    const r = this._rect;
    const values = sheet.readValues(r.row, r.column, r.numRows, r.numColumns);
    return sheet
      .readStyles(r)
      .map((line, i) => line.map((s, j) => effectiveFormat(s?.numberFormat, values[i]![j]!)));
  }

  setNumberFormat(numberFormat: string): Range {
    overload(this.gasClass, 'setNumberFormat', arguments, ['string']);
    return this._setStyle('numberFormat', numberFormat === '' ? undefined : numberFormat);
  }

  setNumberFormats(numberFormats: string[][]): Range {
    overload(this.gasClass, 'setNumberFormats', arguments, ['array2d']);
    this._assertShape(numberFormats);
    return this._setStyle(
      'numberFormat',
      numberFormats.map((line) => line.map((f) => (text(f) === '' ? undefined : text(f)))),
    );
  }

  setFontWeight(fontWeight: string | null): Range {
    return this._setStyle(
      'fontWeight',
      fontWeight === null || fontWeight === 'normal' ? undefined : text(fontWeight),
    );
  }
  setFontWeights(fontWeights: (string | null)[][]): Range {
    overload(this.gasClass, 'setFontWeights', arguments, ['array2d']);
    this._assertShape(fontWeights);
    return this._setStyle(
      'fontWeight',
      fontWeights.map((l) => l.map((w) => (w === null || w === 'normal' ? undefined : text(w)))),
    );
  }
  getFontWeight(): string {
    return this._topLeftStyle((s) => s?.fontWeight ?? 'normal');
  }
  getFontWeights(): string[][] {
    return this._styleGrid((s) => s?.fontWeight ?? 'normal');
  }

  setFontStyle(fontStyle: string | null): Range {
    return this._setStyle(
      'fontStyle',
      fontStyle === null || fontStyle === 'normal' ? undefined : text(fontStyle),
    );
  }
  getFontStyle(): string {
    return this._topLeftStyle((s) => s?.fontStyle ?? 'normal');
  }

  setFontSize(size: number): Range {
    overload(this.gasClass, 'setFontSize', arguments, ['number']);
    return this._setStyle('fontSize', size === 10 ? undefined : size);
  }
  getFontSize(): number {
    return this._topLeftStyle((s) => s?.fontSize ?? 10);
  }

  setFontFamily(fontFamily: string | null): Range {
    return this._setStyle('fontFamily', fontFamily === null ? undefined : text(fontFamily));
  }
  getFontFamily(): string {
    return this._topLeftStyle((s) => s?.fontFamily ?? 'Arial');
  }

  setFontLine(fontLine: string | null): Range {
    return this._setStyle('fontLine', fontLine === null || fontLine === 'none' ? undefined : text(fontLine));
  }
  getFontLine(): string {
    return this._topLeftStyle((s) => s?.fontLine ?? 'none');
  }

  setFontColor(color: string | null): Range {
    return this._setColors('fontColor', [[color]], false);
  }
  setFontColors(colors: (string | null)[][]): Range {
    overload(this.gasClass, 'setFontColors', arguments, ['array2d']);
    this._assertShape(colors);
    return this._setColors('fontColor', colors, false);
  }
  getFontColor(): string {
    return this._topLeftStyle((s) => s?.fontColor ?? '#000000');
  }
  getFontColors(): string[][] {
    return this._styleGrid((s) => s?.fontColor ?? '#000000');
  }

  setBackground(color: string | null): Range {
    return this._setColors('background', [[color]], true);
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    overload(this.gasClass, 'setBackgrounds', arguments, ['array2d']);
    this._assertShape(colors);
    return this._setColors('background', colors, true);
  }

  /**
   * Colours as Sheets keeps them (colors.ts): names and hex become lower-case '#rrggbb'; null (and ''
   * for backgrounds) resets; a string Sheets does not understand leaves that cell as it was. One
   * value given for a multi-cell range applies to every cell.
   */
  _setColors(key: 'background' | 'fontColor', colors: (string | null)[][], emptyResets: boolean): this {
    const single = colors.length === 1 && colors[0]!.length === 1;
    if (single) {
      const given = colors[0]![0];
      if (given === null || given === undefined || (emptyResets && given === '')) {
        return this._setStyle(key, undefined);
      }
      const color = normalizeColor(text(given));
      if (color === null) {
        this._assertEditable();
        return this;
      }
      return this._setStyle(key, color);
    }
    const current = this._sheet().readStyles(this._rect);
    const grid = current.map((line, r) =>
      line.map((style, c) => {
        const given = colors[r]![c];
        if (given === null || given === undefined || (emptyResets && given === '')) return undefined;
        return normalizeColor(text(given)) ?? style?.[key];
      }),
    );
    return this._setStyle(key, grid);
  }
  getBackground(): string {
    return this._topLeftStyle((s) => s?.background ?? '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this._styleGrid((s) => s?.background ?? '#ffffff');
  }

  setWrap(isWrapEnabled: boolean): Range {
    overload(this.gasClass, 'setWrap', arguments, ['boolean']);
    return this._setStyle('wrapStrategy', isWrapEnabled ? 'WRAP' : undefined);
  }
  setWraps(isWrapEnabled: boolean[][]): Range {
    overload(this.gasClass, 'setWraps', arguments, ['array2d']);
    this._assertShape(isWrapEnabled);
    return this._setStyle(
      'wrapStrategy',
      isWrapEnabled.map((l) => l.map((w) => (w ? 'WRAP' : undefined))),
    );
  }
  getWrap(): boolean {
    return this._topLeftStyle((s) => s?.wrapStrategy === 'WRAP');
  }
  setWrapStrategy(strategy: string): Range {
    overload(this.gasClass, 'setWrapStrategy', arguments, ['string']);
    return this._setStyle('wrapStrategy', strategy === 'OVERFLOW' ? undefined : strategy);
  }
  getWrapStrategy(): string {
    return this._topLeftStyle((s) => s?.wrapStrategy ?? 'OVERFLOW');
  }

  setHorizontalAlignment(alignment: string | null): Range {
    return this._setStyle(
      'horizontalAlignment',
      alignment === null || alignment === 'normal' ? undefined : text(alignment),
    );
  }
  setHorizontalAlignments(alignments: (string | null)[][]): Range {
    overload(this.gasClass, 'setHorizontalAlignments', arguments, ['array2d']);
    this._assertShape(alignments);
    return this._setStyle(
      'horizontalAlignment',
      alignments.map((l) => l.map((a) => (a === null || a === 'normal' ? undefined : text(a)))),
    );
  }
  getHorizontalAlignment(): string {
    return this._topLeftStyle((s) => s?.horizontalAlignment ?? 'general');
  }

  setVerticalAlignment(alignment: string | null): Range {
    return this._setStyle('verticalAlignment', alignment === null ? undefined : text(alignment));
  }
  getVerticalAlignment(): string {
    return this._topLeftStyle((s) => s?.verticalAlignment ?? 'bottom');
  }

  // ------------------------------------------------------------------------------------------
  // Data validation

  getDataValidation(): DataValidation | null {
    this.ctx.stats.cellsRead += 1;
    const rule = this._sheet().validationAt(this._rect.row, this._rect.column);
    return rule ? new DataValidation(this.ctx, this._sheet().spreadsheet, rule) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    this._read();
    const sheet = this._sheet();
    const objects = new Map<object, DataValidation>();
    return sheet.validationsIn(this._rect).map((line) =>
      line.map((rule) => {
        if (!rule) return null;
        let o = objects.get(rule);
        if (!o) {
          o = new DataValidation(this.ctx, sheet.spreadsheet, rule);
          objects.set(rule, o);
        }
        return o;
      }),
    );
  }

  setDataValidation(rule: DataValidation | null): Range {
    overload(this.gasClass, 'setDataValidation', arguments, ['gas'], ['nullable']);
    if (rule !== null && rule !== undefined && !(rule instanceof DataValidation)) {
      overload(this.gasClass, 'setDataValidation', arguments);
    }
    const sheet = this._assertEditable();
    sheet.setValidation(this._rect, rule ? rule._rule : null);
    return this;
  }

  setDataValidations(rules: (DataValidation | null)[][]): Range {
    overload(this.gasClass, 'setDataValidations', arguments, ['array2d'], ['nullable']);
    const sheet = this._assertEditable();
    if (rules === null || rules === undefined) {
      sheet.setValidation(this._rect, null);
      return this;
    }
    this._assertShape(rules);
    sheet.setValidationGrid(
      this._rect,
      rules.map((line) => line.map((r) => (r instanceof DataValidation ? r._rule : null))),
    );
    return this;
  }

  clearDataValidations(): Range {
    const sheet = this._assertEditable();
    sheet.setValidation(this._rect, null);
    return this;
  }

  /** Range.insertCheckboxes(): a checkbox rule on every cell, and every value set to false. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    const sheet = this._assertEditable();
    const args =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    sheet.setValidation(this._rect, {
      criteria: 'CHECKBOX',
      args: args.map((a) => (a instanceof Date || typeof a !== 'object' ? (a as CellValue) : text(a))),
      allowInvalid: false,
      helpText: null,
    });
    const unchecked = args.length === 2 ? args[1] : args.length === 1 ? '' : false;
    this._writeGrid(this._grid(unchecked));
    return this;
  }

  // ------------------------------------------------------------------------------------------
  // Protection

  protect(): ProtectionObject {
    const sheet = this._sheet();
    const model = sheet.spreadsheet.createProtection('RANGE', sheet, this._rect, this._user());
    return new ProtectionObject(this.ctx, sheet.spreadsheet, model);
  }

  /** Range.shiftColumnGroupDepth(delta): groups the range's columns deeper, or less deep (./column-groups). */
  shiftColumnGroupDepth(delta: number): Range {
    overload(this.gasClass, 'shiftColumnGroupDepth', arguments, ['number']);
    const r = this._rect;
    shiftColumnGroupDepth(this._sheet(), r.column, r.column + r.numColumns - 1, delta);
    return this;
  }
}

/** What getNumberFormat reports: the cell's format, or Sheets' default for its kind of value. */
function effectiveFormat(format: string | undefined, value: CellValue): string {
  if (format !== undefined) return format;
  return value instanceof Date ? DEFAULT_DATE_TIME_FORMAT : AUTOMATIC_FORMAT;
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

export function rangeOn(ctx: ExecutionContext, sheet: SheetModel, rect: Rect): Range {
  return new Range(ctx, sheet, { ...rect });
}
