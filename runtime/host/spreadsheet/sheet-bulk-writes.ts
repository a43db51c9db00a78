/**
 * The two bulk write paths of a tab, straight into the row arrays of its layers: the host's own typed
 * writes (form responses, setup of 100,000-row fixtures) and a checked WritePlan from Range.setValues.
 * They bypass Layer.set for speed, so they report which columns they touched and SheetModel keeps its
 * cached last column right.
 */
import type { SheetModel } from './sheet-model';
import type { CellValue } from './values';
import type { WritePlan } from './write-plan';
import { withStyle } from './style';

/** What a bulk write did to the sheet's width: a cell emptied, or the widest column written (1-based). */
export interface ColumnTouch {
  emptied: boolean;
  widest: number;
}

/** Writes typed values as they are; the grid has already been grown to hold them. */
export function writeValuesToLayers(
  sheet: SheetModel,
  row: number,
  column: number,
  values: CellValue[][],
): ColumnTouch {
  const c0 = column - 1;
  let emptied = false;
  let widest = 0;
  values.forEach((line, i) => {
    const r0 = row - 1 + i;
    let target = sheet.values.rows[r0];
    const formulas = sheet.formulas.rows[r0];
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      const empty = v === undefined || v === null || v === '';
      if (formulas && formulas[c0 + j] !== undefined) {
        delete formulas[c0 + j];
        if (empty) emptied = true;
      }
      if (empty) {
        if (target && target[c0 + j] !== undefined) {
          delete target[c0 + j];
          emptied = true;
        }
        continue;
      }
      if (!target) {
        target = [];
        sheet.values.rows[r0] = target;
      }
      target[c0 + j] = v instanceof Date ? new Date(v.getTime()) : v;
      if (c0 + j + 1 > widest) widest = c0 + j + 1;
    }
  });
  return { emptied, widest };
}

/** Stores a checked WritePlan: values, formulas (a value write drops a cell's formula), auto formats. */
export function commitPlanToLayers(sheet: SheetModel, plan: WritePlan): ColumnTouch {
  const { rect } = plan;
  const c0 = rect.column - 1;
  let emptied = false;
  let widest = 0;
  for (let i = 0; i < rect.numRows; i++) {
    const r0 = rect.row - 1 + i;
    const line = plan.values[i]!;
    const newFormulas = plan.formulas.get(i);
    let target = sheet.values.rows[r0];
    let formulas = sheet.formulas.rows[r0];
    for (let j = 0; j < rect.numColumns; j++) {
      const v = line[j]!;
      const f = newFormulas?.[j];
      const hadFormula = formulas !== undefined && formulas[c0 + j] !== undefined;
      if (f !== undefined) {
        if (!formulas) {
          formulas = [];
          sheet.formulas.rows[r0] = formulas;
        }
        formulas[c0 + j] = f;
      } else if (hadFormula) delete formulas![c0 + j];
      if (v === '') {
        if (target && target[c0 + j] !== undefined) {
          delete target[c0 + j];
          emptied = true;
        } else if (hadFormula && f === undefined) emptied = true;
        if (f !== undefined && c0 + j + 1 > widest) widest = c0 + j + 1;
        continue;
      }
      if (!target) {
        target = [];
        sheet.values.rows[r0] = target;
      }
      target[c0 + j] = v instanceof Date ? new Date(v.getTime()) : v;
      if (c0 + j + 1 > widest) widest = c0 + j + 1;
    }
  }
  for (const [i, line] of plan.autoFormats) {
    line.forEach((format, j) => {
      if (format === undefined) return;
      const style = sheet.styles.get(rect.row - 1 + i, c0 + j);
      if (style?.numberFormat === undefined)
        sheet.styles.set(rect.row - 1 + i, c0 + j, withStyle(style, 'numberFormat', format));
    });
  }
  return { emptied, widest };
}
