/**
 * Formula cells as Range reads see them: their computed value (./formula-eval) in getValue(s), that
 * value formatted like any other in getDisplayValue(s). On live Sheets getValue() of `=1+1` is 2, of
 * `=1/0` the text "#DIV/0!" (Range.getValues reference: values are Number, Boolean, Date or String);
 * the stored value of a formula cell is '' and never read.
 *
 * A tab whose formulas layer has never held a row costs nothing here: the reads take the plain path.
 */
import type { Rect } from './rect';
import type { SheetModel } from './sheet-model';
import type { CellValue } from './values';
import { FormulaEvaluator } from './formula-eval';
import { SheetDate, toCell } from './formula-value';
import { formatForDisplay } from './number-format';

/** The number format Sheets gives a date-valued formula in an unformatted cell (=TODAY() shows 12/3/2026). */
const DATE_RESULT_FORMAT = 'M/d/yyyy';

export function hasFormulas(sheet: SheetModel): boolean {
  return sheet.formulas.rows.length > 0;
}

/** Calls `each` for every formula cell of `rect` (0-based within it), walking only rows that hold one. */
function eachFormulaCell(sheet: SheetModel, rect: Rect, each: (i: number, j: number) => void): void {
  const rows = sheet.formulas.rows;
  const end = Math.min(rect.row - 1 + rect.numRows, rows.length);
  for (let r0 = rect.row - 1; r0 < end; r0++) {
    const line = rows[r0];
    if (!line) continue;
    const stop = Math.min(rect.column - 1 + rect.numColumns, line.length);
    for (let c0 = rect.column - 1; c0 < stop; c0++) {
      if (line[c0] !== undefined) each(r0 - rect.row + 1, c0 - rect.column + 1);
    }
  }
}

/** Replaces the formula cells of a values read with what they compute. */
export function overlayFormulaValues(sheet: SheetModel, rect: Rect, out: CellValue[][]): CellValue[][] {
  if (!hasFormulas(sheet)) return out;
  const evaluator = new FormulaEvaluator(sheet.spreadsheet);
  eachFormulaCell(sheet, rect, (i, j) => {
    out[i]![j] = toCell(evaluator.cell(sheet, rect.row - 1 + i, rect.column - 1 + j), sheet.timeZone);
  });
  return out;
}

/** Replaces the formula cells of a display read with their computed values, formatted. */
export function overlayFormulaDisplays(sheet: SheetModel, rect: Rect, out: string[][]): string[][] {
  if (!hasFormulas(sheet)) return out;
  const evaluator = new FormulaEvaluator(sheet.spreadsheet);
  eachFormulaCell(sheet, rect, (i, j) => {
    const r0 = rect.row - 1 + i;
    const c0 = rect.column - 1 + j;
    const value = evaluator.cell(sheet, r0, c0);
    const format = sheet.styles.get(r0, c0)?.numberFormat;
    const shown = format ?? (value instanceof SheetDate && !value.withTime ? DATE_RESULT_FORMAT : undefined);
    out[i]![j] = formatForDisplay(toCell(value, sheet.timeZone), shown, sheet.timeZone);
  });
  return out;
}
