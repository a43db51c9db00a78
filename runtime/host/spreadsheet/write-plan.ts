/**
 * A write of many cells, parsed and checked before anything is stored: Apps Script applies a
 * setValues (and Sheets a paste) all or nothing. Numbers, booleans and Dates pass straight through;
 * only strings go through the typed-input parser, so writing 100,000 × 30 numbers stays cheap.
 */
import type { SheetModel } from './sheet-model';
import type { CellValue, ParsedInput } from './values';
import { parseTypedInput, scriptValueToInput } from './values';
import type { Rect } from './rect';

export interface WritePlan {
  rect: Rect;
  values: CellValue[][];
  /** Formulas by cell, only for rows that have any. */
  formulas: Map<number, (string | undefined)[]>;
  /** Number formats Sheets applies to recognised typed dates/percents/currency (cells without one), by row. */
  autoFormats: Map<number, (string | undefined)[]>;
}

type Parse = (value: unknown, timeZone: string, format: string | undefined, nowMs: number) => ParsedInput;

function plan(
  sheet: SheetModel,
  rect: Rect,
  cell: (i: number, j: number) => unknown,
  parse: Parse,
): WritePlan {
  const values: CellValue[][] = new Array<CellValue[]>(rect.numRows);
  const formulas = new Map<number, (string | undefined)[]>();
  const autoFormats = new Map<number, (string | undefined)[]>();
  const put = (map: Map<number, (string | undefined)[]>, i: number, j: number, text: string) => {
    let line = map.get(i);
    if (!line) {
      line = new Array<string | undefined>(rect.numColumns);
      map.set(i, line);
    }
    line[j] = text;
  };
  const tz = sheet.timeZone;
  const nowMs = sheet.spreadsheet.now();
  for (let i = 0; i < rect.numRows; i++) {
    const styles = sheet.styles.rows[rect.row - 1 + i];
    const line = new Array<CellValue>(rect.numColumns);
    for (let j = 0; j < rect.numColumns; j++) {
      const v = cell(i, j);
      if (typeof v === 'number' && Number.isFinite(v)) line[j] = v;
      else if (typeof v === 'boolean') line[j] = v;
      else if (v === null || v === undefined || v === '') line[j] = '';
      else {
        const format = styles?.[rect.column - 1 + j]?.numberFormat;
        const input = parse(v, tz, format, nowMs);
        line[j] = input.value;
        if (input.formula !== null) put(formulas, i, j, input.formula);
        if (input.autoFormat !== null && format === undefined) put(autoFormats, i, j, input.autoFormat);
      }
    }
    values[i] = line;
  }
  return { rect, values, formulas, autoFormats };
}

/** Range.setValues / setValue / appendRow semantics for script values. */
export function planScriptWrite(
  sheet: SheetModel,
  rect: Rect,
  grid: readonly (readonly unknown[])[],
): WritePlan {
  return plan(sheet, rect, (i, j) => grid[i]?.[j], scriptValueToInput);
}

/** What a person types: every cell is text to parse. */
export function planTypedWrite(
  sheet: SheetModel,
  rect: Rect,
  grid: readonly (readonly string[])[],
): WritePlan {
  return plan(
    sheet,
    rect,
    (i, j) => grid[i]?.[j] ?? '',
    (v, tz, format, nowMs) => parseTypedInput(String(v), tz, format, nowMs),
  );
}

/** The planned state of one cell, for validation. */
export function plannedCell(
  sheet: SheetModel,
  p: WritePlan,
  row: number,
  column: number,
): { value: CellValue; format: string | undefined; isFormula: boolean } {
  const i = row - p.rect.row;
  const j = column - p.rect.column;
  return {
    value: p.values[i]![j]!,
    format: sheet.numberFormatAt(row, column) ?? p.autoFormats.get(i)?.[j],
    isFormula: p.formulas.get(i)?.[j] !== undefined,
  };
}
