/**
 * Rectangle reads and writes over a tab's layers, in the 1-based coordinates of Range: the loops
 * behind getValues/getFormulas/getNotes/getDisplayValues and the per-cell style writes. They walk the
 * row arrays directly rather than calling Layer.get per cell, since a read of 100,000 rows is common.
 */
import type { Layer } from './layer';
import type { Rect } from './rect';
import type { CellValue } from './values';
import type { CellStyle, StyleKey, StyleValue } from './style';
import { onlyNumberFormat, withStyle } from './style';
import { formatForDisplay } from './number-format';

/** A rectangle of one layer, `empty` where a cell has nothing. */
export function readRect<T>(layer: Layer<T>, rect: Rect, empty: T): T[][] {
  const out: T[][] = new Array<T[]>(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const src = layer.rows[rect.row - 1 + i];
    const line = new Array<T>(rect.numColumns);
    for (let j = 0; j < rect.numColumns; j++) line[j] = src?.[rect.column - 1 + j] ?? empty;
    out[i] = line;
  }
  return out;
}

/** Values of a rectangle, '' for empty cells; Dates are copies. */
export function readValueRect(values: Layer<CellValue>, rect: Rect): CellValue[][] {
  const out: CellValue[][] = new Array<CellValue[]>(rect.numRows);
  const c0 = rect.column - 1;
  for (let i = 0; i < rect.numRows; i++) {
    const src = values.rows[rect.row - 1 + i];
    const line: CellValue[] = new Array<CellValue>(rect.numColumns);
    for (let j = 0; j < rect.numColumns; j++) {
      const v = src?.[c0 + j];
      line[j] = v === undefined ? '' : v instanceof Date ? new Date(v.getTime()) : v;
    }
    out[i] = line;
  }
  return out;
}

/** Each cell's value as the sheet displays it under its number format. */
export function readDisplayRect(
  values: Layer<CellValue>,
  styles: Layer<CellStyle>,
  rect: Rect,
  timeZone: string,
): string[][] {
  const out: string[][] = new Array<string[]>(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const vals = values.rows[rect.row - 1 + i];
    const styleRow = styles.rows[rect.row - 1 + i];
    const line = new Array<string>(rect.numColumns);
    for (let j = 0; j < rect.numColumns; j++) {
      const c0 = rect.column - 1 + j;
      const v = vals?.[c0];
      line[j] = v === undefined ? '' : formatForDisplay(v, styleRow?.[c0]?.numberFormat, timeZone);
    }
    out[i] = line;
  }
  return out;
}

/** Sets one style property on every cell of `rect`, or per cell from a grid of values. */
export function setStyleRect(
  styles: Layer<CellStyle>,
  rect: Rect,
  key: StyleKey,
  value: StyleValue | StyleValue[][],
): void {
  for (let i = 0; i < rect.numRows; i++) {
    for (let j = 0; j < rect.numColumns; j++) {
      const v = Array.isArray(value) ? value[i]?.[j] : value;
      const r0 = rect.row - 1 + i;
      const c0 = rect.column - 1 + j;
      styles.set(r0, c0, withStyle(styles.get(r0, c0), key, v));
    }
  }
}

/** Range.clearFormat on the styles (0-based, exclusive ends): everything but the number format goes. */
export function clearFormatsKeepingNumberFormat(
  styles: Layer<CellStyle>,
  r0: number,
  c0: number,
  r1: number,
  c1: number,
): void {
  const end = Math.min(r1, styles.rows.length);
  for (let r = r0; r < end; r++) {
    const row = styles.rows[r];
    if (!row) continue;
    const stop = Math.min(c1, row.length);
    for (let c = c0; c < stop; c++) {
      if (row[c] !== undefined) styles.set(r, c, onlyNumberFormat(row[c]));
    }
  }
}
