/**
 * Where a tab's content ends (Sheet.getLastRow / getLastColumn): a scan of the value and formula
 * layers, since formatting, notes and validation alone do not extend it. SheetModel caches the
 * column result; the row scan trims trailing empty rows so it stays cheap instead.
 */
import type { Layer } from './layer';
import type { CellValue } from './values';
import { isEmptyValue } from './values';

function rowHasContent(values: Layer<CellValue>, formulas: Layer<string>, r: number): boolean {
  const v = values.rows[r];
  if (v && v.some((x) => !isEmptyValue(x))) return true;
  const f = formulas.rows[r];
  return !!f && f.some((x) => x !== undefined);
}

/** The last row with a value or a formula (0 for an empty sheet). */
export function lastRowWithContent(values: Layer<CellValue>, formulas: Layer<string>): number {
  const v = values.rows;
  const f = formulas.rows;
  let r = Math.max(v.length, f.length) - 1;
  while (r >= 0 && !rowHasContent(values, formulas, r)) r--;
  // Trailing empty rows are dropped so the next call is O(1).
  if (v.length > r + 1) v.length = r + 1;
  if (f.length > r + 1) f.length = r + 1;
  return r + 1;
}

/** The last column with a value or a formula (0 for an empty sheet). */
export function lastColumnWithContent(values: Layer<CellValue>, formulas: Layer<string>): number {
  let last = 0;
  for (const layer of [values.rows, formulas.rows] as (unknown[] | undefined)[][]) {
    for (const row of layer) {
      if (!row || row.length <= last) continue;
      for (let c = row.length - 1; c >= last; c--) {
        const x = row[c];
        if (x !== undefined && x !== '') {
          last = c + 1;
          break;
        }
      }
    }
  }
  return last;
}
