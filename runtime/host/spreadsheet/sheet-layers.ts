/**
 * The layers of one tab's grid, host side: stored values, formulas, notes, styles and validation
 * rectangles, with the reads and writes that touch nothing but one layer. ./sheet-model extends it
 * with what keeps the tab whole (its size, the last-column cache, formulas computed on read, rows and
 * columns inserted or deleted, the saved form); apart so that file holds those rules and this one the
 * plain storage every one of them works on. Public coordinates are 1-based like Apps Script.
 */
import type { CellValue } from './values';
import { Layer } from './layer';
import type { CellStyle, StyleKey, StyleValue } from './style';
import { readRect, readValueRect, setStyleRect } from './layer-rects';
import type { Rect } from './rect';
import type { ValidationRule } from './validation-rules';
import type { ValidationEntry } from './validation-ranges';
import {
  addValidation,
  addValidationGrid,
  validationAt,
  validationsIn,
  withoutValidations,
} from './validation-ranges';

export class SheetLayers {
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly styles = new Layer<CellStyle>();
  validations: ValidationEntry[] = [];

  /** Values as stored, a formula cell's being '': what was in the grid, without computing anything. */
  readStoredValues(rect: Rect): CellValue[][] {
    return readValueRect(this.values, rect);
  }

  formulaAt(row: number, column: number): string {
    return this.formulas.get(row - 1, column - 1) ?? '';
  }

  readFormulas(rect: Rect): string[][] {
    return readRect(this.formulas, rect, '');
  }

  readNotes(rect: Rect): string[][] {
    return readRect(this.notes, rect, '');
  }

  setNote(row: number, column: number, note: string): void {
    this.notes.set(row - 1, column - 1, note === '' ? undefined : note);
  }

  styleAt(row: number, column: number): CellStyle | undefined {
    return this.styles.get(row - 1, column - 1);
  }

  /** The cell's number format, or undefined for "Automatic". */
  numberFormatAt(row: number, column: number): string | undefined {
    return this.styles.get(row - 1, column - 1)?.numberFormat;
  }

  readStyles(rect: Rect): (CellStyle | undefined)[][] {
    return readRect<CellStyle | undefined>(this.styles, rect, undefined);
  }

  /** Sets one style property on every cell of `rect`, or per cell from a grid of values. */
  setStyle(rect: Rect, key: StyleKey, value: StyleValue | StyleValue[][]): void {
    setStyleRect(this.styles, rect, key, value);
  }

  // Data validation (rectangles)

  validationAt(row: number, column: number): ValidationRule | null {
    return validationAt(this.validations, row, column);
  }

  /** The rule of every cell of `rect` (null where none), in O(cells + rules). */
  validationsIn(rect: Rect): (ValidationRule | null)[][] {
    return validationsIn(this.validations, rect);
  }

  /** Replaces the rules of `rect` with one rule (or none). */
  setValidation(rect: Rect, rule: ValidationRule | null): void {
    this.validations = withoutValidations(this.validations, rect);
    if (rule) addValidation(this.validations, { ...rect }, rule);
  }

  /** Replaces the rules of `rect` cell by cell (Range.setDataValidations). */
  setValidationGrid(rect: Rect, rules: (ValidationRule | null)[][]): void {
    this.setValidation(rect, null);
    addValidationGrid(this.validations, rect, rules);
  }
}
