/**
 * Apps Script's Range: a fixed rectangle of one sheet (it does not move when rows are inserted).
 * Every read and write is counted into the execution's cellsRead / cellsWritten.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/range
 */
import type { ExecutionContext } from '../execution';
import { overload, text } from './base';
import type { SheetModel } from './sheet-model';
import type { Rect } from './rect';
import type { CellValue } from './values';
import { DataValidation, assertStorable } from './validation-objects';
import { ProtectionObject } from './protection-object';
import { shiftColumnGroupDepth } from './column-groups';
import { RangeFormatting } from './range-formatting';
import { sheetObject } from './sheet';
import type { Sheet } from './sheet';

export { checkRect } from './range-base';

/**
 * The script-visible class: geometry and helpers (./range-base), contents (./range-contents) and
 * formatting (./range-formatting) come from the classes it extends; data validation, protection and
 * column groups live here.
 */
export class Range extends RangeFormatting {
  _related(row: number, column: number, numRows: number, numColumns: number): Range {
    return new Range(this.ctx, this._model, { row, column, numRows, numColumns });
  }

  // Here rather than in ./range-base so that the base classes do not import ./sheet (an import cycle).
  getSheet(): Sheet {
    return sheetObject(this.ctx, this._sheet());
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
    if (rule) assertStorable(rule._rule);
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
    // Every rule is checked before any is stored: one refused rule changes nothing.
    for (const line of rules) for (const r of line) if (r instanceof DataValidation) assertStorable(r._rule);
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
    // A whole-column or whole-row range stays open-ended once protected (./protection-model).
    const span = this._span === 'sheet' ? 'cells' : this._span;
    const model = sheet.spreadsheet.createProtection('RANGE', sheet, this._rect, this._user(), span);
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

export function rangeOn(ctx: ExecutionContext, sheet: SheetModel, rect: Rect): Range {
  return new Range(ctx, sheet, { ...rect });
}
