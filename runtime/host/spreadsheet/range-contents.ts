/**
 * What a Range holds: values, formulas and notes, and clearing them (Range.clear and friends). Part
 * of the Range class chain (./range-base explains the split); formatting is in ./range-formatting.
 */
import { javaDouble, overload, text } from './base';
import type { SheetModel } from './sheet-model';
import type { CellValue } from './values';
import { assertCellLength, scriptValueToInput } from './values';
import { shiftFormula } from './formula-shift';
import { RangeBase } from './range-base';

export abstract class RangeContents extends RangeBase {
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
  setValue(value: unknown): this {
    overload(this.gasClass, 'setValue', arguments, ['any']);
    this._writeGrid(this._grid(value));
    return this;
  }

  setValues(values: unknown[][]): this {
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
  setFormula(formula: string): this {
    overload(this.gasClass, 'setFormula', arguments, ['string']);
    const grid = Array.from({ length: this._rect.numRows }, (_, i) =>
      Array.from({ length: this._rect.numColumns }, (_c, j) => shiftFormula(formula, i, j)),
    );
    this._writeFormulas(grid);
    return this;
  }

  setFormulas(formulas: string[][]): this {
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
            scriptValueToInput(
              f,
              sheet.timeZone,
              sheet.numberFormatAt(r0 + 1, c0 + 1),
              sheet.spreadsheet.now(),
            ),
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

  setNote(note: string | null): this {
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
  setNotes(notes: unknown[][]): this {
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

  clearNote(): this {
    const sheet = this._assertEditable();
    sheet.clear(this._rect, { notes: true });
    return this;
  }

  // ------------------------------------------------------------------------------------------
  // Clearing

  /** Range.clear(): contents and formats; with options, only what they name. */
  clear(options?: Record<string, unknown>): this {
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

  clearContent(): this {
    const sheet = this._assertEditable();
    const cleared = this._clearedCells(sheet);
    sheet.clear(this._rect, { contents: true });
    this._written(cleared);
    return this;
  }

  /** Clears text formatting; number formats stay, as Range.clearFormat documents. */
  clearFormat(): this {
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
}
