/**
 * One tab of a spreadsheet, host side: the grid and everything attached to cells. Not script-visible;
 * the Sheet/Range classes (and the runtime, the workbench, tests) work through it.
 *
 * Public coordinates are 1-based like Apps Script; the layers underneath are 0-based.
 */
import type { SpreadsheetModel } from './spreadsheet-model';
import type { CellValue, ParsedInput } from './values';
import type { WritePlan } from './write-plan';
import { cloneValue, isEmptyValue } from './values';
import { Layer } from './layer';
import type { CellStyle, StyleKey, StyleValue } from './style';
import { onlyNumberFormat, withStyle } from './style';
import { formatForDisplay } from './number-format';
import type { Axis, Inherit, Rect } from './rect';
import { intersection, lastColumnOf, lastRowOf, shiftForDelete, shiftForInsert, subtract } from './rect';
import type { ValidationRule } from './validation-rules';
import { ruleKey } from './validation-rules';
import { ProtectionModel } from './protection-model';
import type { ProtectionType } from './protection-model';
import type { ChartModel } from './chart-model';
import { cloneSpec } from './chart-model';
import { Messages, fail } from './errors';
import { ColumnGroups, type ColumnGroupsState } from './column-group-model';
import {
  cloneRule,
  shiftRulesForDelete,
  shiftRulesForInsert,
  type ConditionalRuleModel,
} from './conditional-format-model';

export interface ValidationEntry {
  rect: Rect;
  rule: ValidationRule;
}

export interface ClearWhat {
  contents?: boolean;
  formats?: boolean;
  notes?: boolean;
  validations?: boolean;
}

/** A sparse layer as plain data: a missing row or cell is null. */
export type LayerState<T> = ((T | null)[] | null)[];

export interface ProtectionState {
  id: number;
  type: ProtectionType;
  sheetId: number;
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  customized: boolean;
  editors: string[];
  unprotected: { sheetId: number; rect: Rect }[];
}

/**
 * Everything of one tab as plain data (Dates stay Date objects: the caller chooses the encoding), for
 * saving a world to disk and loading it back (runtime/persistence.ts).
 */
export interface SheetState {
  name: string;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  formUrl: string | null;
  values: LayerState<CellValue>;
  formulas: LayerState<string>;
  notes: LayerState<string>;
  /** Distinct styles once; `styles` cells index into it (styles are interned, so this stays small). */
  styleTable: CellStyle[];
  styles: LayerState<number>;
  validations: { rect: Rect; rule: ValidationRule }[];
  protections: ProtectionState[];
  charts: ChartModel[];
  columnWidths: [number, number][];
  /** Absent in files saved before columns could be hidden. */
  hiddenColumns?: number[];
  /** Absent in files saved before conditional formatting and column groups. */
  conditionalFormats?: ConditionalRuleModel[];
  columnGroups?: ColumnGroupsState;
  columnGroupControlAfter?: boolean;
  rowHeights: [number, number][];
}

function layerState<T, U = T>(layer: Layer<T>, map: (item: T) => U): LayerState<U> {
  const out: LayerState<U> = new Array<(U | null)[] | null>(layer.rows.length).fill(null);
  layer.rows.forEach((row, r) => {
    if (!row) return;
    const line = new Array<U | null>(row.length).fill(null);
    row.forEach((item, c) => {
      if (item !== undefined) line[c] = map(item);
    });
    out[r] = line;
  });
  return out;
}

function fillLayer<T, U>(layer: Layer<T>, state: LayerState<U>, map: (item: U) => T | undefined): void {
  layer.rows = state.map((line) => {
    if (!line) return undefined;
    const row: T[] = [];
    line.forEach((item, c) => {
      const value = item === null || item === undefined ? undefined : map(item);
      if (value !== undefined) row[c] = value;
    });
    return row;
  });
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export class SheetModel {
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  deleted = false;
  /** The form that sends responses to this sheet (set by the FormApp emulation), or null. */
  formUrl: string | null = null;
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly styles = new Layer<CellStyle>();
  validations: ValidationEntry[] = [];
  /** RANGE and SHEET protections of this sheet. */
  protections: ProtectionModel[] = [];
  charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Columns hidden with Sheet.hideColumns (1-based), moving with inserts and deletes like widths. */
  readonly hiddenColumns = new Map<number, true>();
  readonly rowHeights = new Map<number, number>();
  /** Conditional format rules, in priority order (./conditional-format-model). */
  conditionalFormats: ConditionalRuleModel[] = [];
  readonly columnGroups = new ColumnGroups();
  columnGroupControlAfter = false;
  /** Cached getLastColumn(); null when a change may have lowered it. */
  private lastColumnCache: number | null = 0;

  constructor(
    readonly spreadsheet: SpreadsheetModel,
    public name: string,
    readonly sheetId: number,
    rows = DEFAULT_ROWS,
    columns = DEFAULT_COLUMNS,
  ) {
    this.maxRows = rows;
    this.maxColumns = columns;
  }

  get timeZone(): string {
    return this.spreadsheet.timeZone;
  }

  // ------------------------------------------------------------------------------------------
  // Extent

  private rowHasContent(r: number): boolean {
    const v = this.values.rows[r];
    if (v && v.some((x) => !isEmptyValue(x))) return true;
    const f = this.formulas.rows[r];
    return !!f && f.some((x) => x !== undefined);
  }

  /** Sheet.getLastRow: the last row with a value or a formula (0 for an empty sheet). */
  lastRow(): number {
    const v = this.values.rows;
    const f = this.formulas.rows;
    let r = Math.max(v.length, f.length) - 1;
    while (r >= 0 && !this.rowHasContent(r)) r--;
    // Trailing empty rows are dropped so the next call is O(1).
    if (v.length > r + 1) v.length = r + 1;
    if (f.length > r + 1) f.length = r + 1;
    return r + 1;
  }

  /** Sheet.getLastColumn: the last column with a value or a formula (0 for an empty sheet). */
  lastColumn(): number {
    if (this.lastColumnCache === null) {
      let last = 0;
      for (const layer of [this.values.rows, this.formulas.rows] as (unknown[] | undefined)[][]) {
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
      this.lastColumnCache = last;
    }
    return this.lastColumnCache;
  }

  private touchedColumn(c0: number, emptied: boolean): void {
    if (emptied) this.lastColumnCache = null;
    else if (this.lastColumnCache !== null && c0 + 1 > this.lastColumnCache) this.lastColumnCache = c0 + 1;
  }

  /** Grows the grid so (row, column) exists, as writes beyond the edge (appendRow, forms) do. */
  ensureSize(row: number, column: number): void {
    const extraRows = Math.max(0, row - this.maxRows);
    const extraColumns = Math.max(0, column - this.maxColumns);
    if (extraRows === 0 && extraColumns === 0) return;
    const added = extraRows * (this.maxColumns + extraColumns) + extraColumns * this.maxRows;
    this.spreadsheet.assertCellBudget(added);
    this.maxRows += extraRows;
    this.maxColumns += extraColumns;
  }

  // ------------------------------------------------------------------------------------------
  // Values and formulas

  valueAt(row: number, column: number): CellValue {
    const v = this.values.get(row - 1, column - 1);
    return v === undefined ? '' : cloneValue(v);
  }

  /** Values of a rectangle, '' for empty cells; Dates are copies. */
  readValues(row: number, column: number, numRows: number, numColumns: number): CellValue[][] {
    const out: CellValue[][] = new Array<CellValue[]>(numRows);
    const c0 = column - 1;
    for (let i = 0; i < numRows; i++) {
      const src = this.values.rows[row - 1 + i];
      const line: CellValue[] = new Array<CellValue>(numColumns);
      for (let j = 0; j < numColumns; j++) {
        const v = src?.[c0 + j];
        line[j] = v === undefined ? '' : v instanceof Date ? new Date(v.getTime()) : v;
      }
      out[i] = line;
    }
    return out;
  }

  /**
   * Writes typed values as they are (no parsing, no validation, no protection): the host's own
   * writes (form responses, test setup). Grows the sheet when the rectangle passes its edge.
   */
  writeValues(row: number, column: number, values: CellValue[][]): void {
    const width = values.reduce((w, line) => Math.max(w, line.length), 0);
    if (values.length === 0 || width === 0) return;
    this.ensureSize(row + values.length - 1, column + width - 1);
    // Bulk path: straight into the row arrays (form responses, setup of 100,000-row fixtures).
    const c0 = column - 1;
    let emptied = false;
    let widest = 0;
    values.forEach((line, i) => {
      const r0 = row - 1 + i;
      let target = this.values.rows[r0];
      const formulas = this.formulas.rows[r0];
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
          this.values.rows[r0] = target;
        }
        target[c0 + j] = v instanceof Date ? new Date(v.getTime()) : v;
        if (c0 + j + 1 > widest) widest = c0 + j + 1;
      }
    });
    if (emptied) this.lastColumnCache = null;
    else if (widest > 0) this.touchedColumn(widest - 1, false);
  }

  /** Sheet.appendRow for host callers: the row after the last one with content; returns its number. */
  appendRowValues(values: CellValue[]): number {
    const row = this.lastRow() + 1;
    this.writeValues(row, 1, [values]);
    return row;
  }

  /** One cell's value and formula (0-based); a value write drops the formula, like typing over it. */
  setCell(r0: number, c0: number, value: CellValue, formula: string | null): void {
    const hadContent = !isEmptyValue(this.values.get(r0, c0)) || this.formulas.get(r0, c0) !== undefined;
    const hasContent = !isEmptyValue(value) || formula !== null;
    this.values.set(r0, c0, isEmptyValue(value) ? undefined : cloneValue(value));
    this.formulas.set(r0, c0, formula ?? undefined);
    if (hasContent) this.touchedColumn(c0, false);
    else if (hadContent) this.touchedColumn(c0, true);
  }

  /** Applies parsed input (typed text or a script's value) to one cell (0-based). */
  writeParsed(r0: number, c0: number, input: ParsedInput): void {
    this.setCell(r0, c0, input.value, input.formula);
    // Sheets formats a cell when it recognises a typed date, percent or currency, unless the cell
    // already has a number format.
    if (input.autoFormat !== null && this.styles.get(r0, c0)?.numberFormat === undefined) {
      this.styles.set(r0, c0, withStyle(this.styles.get(r0, c0), 'numberFormat', input.autoFormat));
    }
  }

  /** Stores a checked WritePlan: values, formulas (a value write drops a cell's formula), auto formats. */
  commitPlan(plan: WritePlan): void {
    const { rect } = plan;
    const c0 = rect.column - 1;
    let emptied = false;
    let widest = 0;
    for (let i = 0; i < rect.numRows; i++) {
      const r0 = rect.row - 1 + i;
      const line = plan.values[i]!;
      const newFormulas = plan.formulas.get(i);
      let target = this.values.rows[r0];
      let formulas = this.formulas.rows[r0];
      for (let j = 0; j < rect.numColumns; j++) {
        const v = line[j]!;
        const f = newFormulas?.[j];
        const hadFormula = formulas !== undefined && formulas[c0 + j] !== undefined;
        if (f !== undefined) {
          if (!formulas) {
            formulas = [];
            this.formulas.rows[r0] = formulas;
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
          this.values.rows[r0] = target;
        }
        target[c0 + j] = v instanceof Date ? new Date(v.getTime()) : v;
        if (c0 + j + 1 > widest) widest = c0 + j + 1;
      }
    }
    for (const [i, line] of plan.autoFormats) {
      line.forEach((format, j) => {
        if (format === undefined) return;
        const style = this.styles.get(rect.row - 1 + i, c0 + j);
        if (style?.numberFormat === undefined)
          this.styles.set(rect.row - 1 + i, c0 + j, withStyle(style, 'numberFormat', format));
      });
    }
    if (emptied) this.lastColumnCache = null;
    else if (widest > 0) this.touchedColumn(widest - 1, false);
  }

  formulaAt(row: number, column: number): string {
    return this.formulas.get(row - 1, column - 1) ?? '';
  }

  readFormulas(rect: Rect): string[][] {
    return this.readLayer(this.formulas, rect, '');
  }

  readNotes(rect: Rect): string[][] {
    return this.readLayer(this.notes, rect, '');
  }

  setNote(row: number, column: number, note: string): void {
    this.notes.set(row - 1, column - 1, note === '' ? undefined : note);
  }

  private readLayer<T>(layer: Layer<T>, rect: Rect, empty: T): T[][] {
    const out: T[][] = new Array<T[]>(rect.numRows);
    for (let i = 0; i < rect.numRows; i++) {
      const src = layer.rows[rect.row - 1 + i];
      const line = new Array<T>(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) line[j] = src?.[rect.column - 1 + j] ?? empty;
      out[i] = line;
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Formatting and display

  styleAt(row: number, column: number): CellStyle | undefined {
    return this.styles.get(row - 1, column - 1);
  }

  /** The cell's number format, or undefined for "Automatic". */
  numberFormatAt(row: number, column: number): string | undefined {
    return this.styles.get(row - 1, column - 1)?.numberFormat;
  }

  readStyles(rect: Rect): (CellStyle | undefined)[][] {
    return this.readLayer<CellStyle | undefined>(this.styles, rect, undefined);
  }

  /** Sets one style property on every cell of `rect`, or per cell from a grid of values. */
  setStyle(rect: Rect, key: StyleKey, value: StyleValue | StyleValue[][]): void {
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) {
        const v = Array.isArray(value) ? value[i]?.[j] : value;
        const r0 = rect.row - 1 + i;
        const c0 = rect.column - 1 + j;
        this.styles.set(r0, c0, withStyle(this.styles.get(r0, c0), key, v));
      }
    }
  }

  displayAt(row: number, column: number): string {
    const v = this.values.get(row - 1, column - 1);
    if (v === undefined) return '';
    return formatForDisplay(v, this.styles.get(row - 1, column - 1)?.numberFormat, this.timeZone);
  }

  readDisplayValues(rect: Rect): string[][] {
    const tz = this.timeZone;
    const out: string[][] = new Array<string[]>(rect.numRows);
    for (let i = 0; i < rect.numRows; i++) {
      const vals = this.values.rows[rect.row - 1 + i];
      const styles = this.styles.rows[rect.row - 1 + i];
      const line = new Array<string>(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) {
        const c0 = rect.column - 1 + j;
        const v = vals?.[c0];
        line[j] = v === undefined ? '' : formatForDisplay(v, styles?.[c0]?.numberFormat, tz);
      }
      out[i] = line;
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Clearing

  clear(rect: Rect, what: ClearWhat): void {
    const r0 = rect.row - 1;
    const c0 = rect.column - 1;
    const r1 = r0 + rect.numRows;
    const c1 = c0 + rect.numColumns;
    if (what.contents) {
      this.values.clear(r0, c0, r1, c1);
      this.formulas.clear(r0, c0, r1, c1);
      this.lastColumnCache = null;
    }
    if (what.formats) {
      const end = Math.min(r1, this.styles.rows.length);
      for (let r = r0; r < end; r++) {
        const row = this.styles.rows[r];
        if (!row) continue;
        const stop = Math.min(c1, row.length);
        for (let c = c0; c < stop; c++) {
          if (row[c] !== undefined) this.styles.set(r, c, onlyNumberFormat(row[c]));
        }
      }
    }
    if (what.notes) this.notes.clear(r0, c0, r1, c1);
    if (what.validations) this.setValidation(rect, null);
  }

  // ------------------------------------------------------------------------------------------
  // Data validation (rectangles)

  validationAt(row: number, column: number): ValidationRule | null {
    for (const entry of this.validations) {
      const r = entry.rect;
      if (row >= r.row && row <= lastRowOf(r) && column >= r.column && column <= lastColumnOf(r))
        return entry.rule;
    }
    return null;
  }

  /** The rule of every cell of `rect` (null where none), in O(cells + rules). */
  validationsIn(rect: Rect): (ValidationRule | null)[][] {
    const out: (ValidationRule | null)[][] = [];
    for (let i = 0; i < rect.numRows; i++)
      out.push(new Array<ValidationRule | null>(rect.numColumns).fill(null));
    for (const entry of this.validations) {
      const overlap = intersection(entry.rect, rect);
      if (!overlap) continue;
      for (let r = overlap.row; r <= lastRowOf(overlap); r++) {
        const line = out[r - rect.row]!;
        for (let c = overlap.column; c <= lastColumnOf(overlap); c++) line[c - rect.column] = entry.rule;
      }
    }
    return out;
  }

  /** Replaces the rules of `rect` with one rule (or none). */
  setValidation(rect: Rect, rule: ValidationRule | null): void {
    const kept: ValidationEntry[] = [];
    for (const entry of this.validations) {
      for (const piece of subtract(entry.rect, rect)) kept.push({ rect: piece, rule: entry.rule });
    }
    this.validations = kept;
    if (rule) this.addValidation({ ...rect }, rule);
  }

  /**
   * Replaces the rules of `rect` cell by cell (Range.setDataValidations). Equal rules in a column
   * are stored as one vertical run, and equal runs side by side as one rectangle.
   */
  setValidationGrid(rect: Rect, rules: (ValidationRule | null)[][]): void {
    this.setValidation(rect, null);
    let previous: { key: string; start: number; end: number; entry: ValidationEntry }[] = [];
    for (let j = 0; j < rect.numColumns; j++) {
      const column = rect.column + j;
      const runs: { key: string; start: number; end: number; entry: ValidationEntry }[] = [];
      let i = 0;
      while (i < rect.numRows) {
        const rule = rules[i]?.[j] ?? null;
        if (!rule) {
          i++;
          continue;
        }
        const key = ruleKey(rule);
        let k = i + 1;
        while (k < rect.numRows) {
          const next = rules[k]?.[j] ?? null;
          if (!next || (next !== rule && ruleKey(next) !== key)) break;
          k++;
        }
        const start = rect.row + i;
        const end = rect.row + k - 1;
        const left = previous.find((p) => p.key === key && p.start === start && p.end === end);
        if (left) {
          left.entry.rect.numColumns++;
          runs.push(left);
        } else {
          const entry = { rect: { row: start, column, numRows: end - start + 1, numColumns: 1 }, rule };
          this.validations.push(entry);
          runs.push({ key, start, end, entry });
        }
        i = k;
      }
      previous = runs;
    }
  }

  private addValidation(rect: Rect, rule: ValidationRule): void {
    // Rules set row by row in a loop (a common script pattern) extend the previous rectangle.
    const last = this.validations[this.validations.length - 1];
    if (
      last &&
      ruleKey(last.rule) === ruleKey(rule) &&
      last.rect.column === rect.column &&
      last.rect.numColumns === rect.numColumns
    ) {
      if (lastRowOf(last.rect) + 1 === rect.row) {
        last.rect.numRows += rect.numRows;
        return;
      }
    }
    this.validations.push({ rect, rule });
  }

  // ------------------------------------------------------------------------------------------
  // Rows and columns

  /** Inserts `count` rows so that the first new one is row `at`. */
  insertRows(at: number, count: number, inherit: Inherit): void {
    this.insertLines('rows', at, count, inherit);
  }

  insertColumns(at: number, count: number, inherit: Inherit): void {
    this.insertLines('columns', at, count, inherit);
  }

  deleteRows(at: number, count: number): void {
    if (at < 1 || count < 1 || at + count - 1 > this.maxRows) fail(Messages.rowsOutOfBounds);
    if (this.maxRows - count <= this.frozenRows) fail(Messages.deleteAllRows);
    this.deleteLines('rows', at, count);
  }

  deleteColumns(at: number, count: number): void {
    if (at < 1 || count < 1 || at + count - 1 > this.maxColumns) fail(Messages.columnsOutOfBounds);
    if (this.maxColumns - count <= this.frozenColumns) fail(Messages.deleteAllColumns);
    this.deleteLines('columns', at, count);
  }

  private layers(): Layer<unknown>[] {
    return [this.values, this.formulas, this.notes, this.styles] as Layer<unknown>[];
  }

  private insertLines(axis: Axis, at: number, count: number, inherit: Inherit): void {
    const rows = axis === 'rows';
    const max = rows ? this.maxRows : this.maxColumns;
    if (at < 1 || at > max + 1) fail(rows ? Messages.rowsOutOfBounds : Messages.columnsOutOfBounds);
    this.spreadsheet.assertCellBudget(count * (rows ? this.maxColumns : this.maxRows));
    for (const layer of this.layers()) {
      if (rows) layer.insertRows(at - 1, count);
      else layer.insertColumns(at - 1, count);
    }
    // New rows take the formatting of the neighbour they were inserted next to.
    const source = inherit === 'before' ? at - 2 : inherit === 'after' ? at - 1 + count : -1;
    if (source >= 0) {
      if (rows) this.styles.fillRowsFrom(source, at - 1, count);
      else this.styles.fillColumnsFrom(source, at - 1, count);
    }
    if (rows) this.maxRows += count;
    else this.maxColumns += count;
    if (rows && at <= this.frozenRows) this.frozenRows += count;
    if (!rows && at <= this.frozenColumns) this.frozenColumns += count;
    if (!rows) {
      shiftMap(this.columnWidths, at, count);
      shiftMap(this.hiddenColumns, at, count);
      this.columnGroups.insert(at, count);
      this.lastColumnCache = null;
    } else shiftMap(this.rowHeights, at, count);
    for (const entry of this.validations) entry.rect = shiftForInsert(entry.rect, axis, at, count, inherit);
    this.conditionalFormats = shiftRulesForInsert(this.conditionalFormats, axis, at, count, inherit);
    this.spreadsheet.shiftReferences(this.sheetId, (rect) => shiftForInsert(rect, axis, at, count, 'none'));
  }

  private deleteLines(axis: Axis, at: number, count: number): void {
    const rows = axis === 'rows';
    for (const layer of this.layers()) {
      if (rows) layer.deleteRows(at - 1, count);
      else layer.deleteColumns(at - 1, count);
    }
    if (rows) {
      this.maxRows -= count;
      this.frozenRows -= overlapCount(1, this.frozenRows, at, count);
      unshiftMap(this.rowHeights, at, count);
    } else {
      this.maxColumns -= count;
      this.frozenColumns -= overlapCount(1, this.frozenColumns, at, count);
      unshiftMap(this.columnWidths, at, count);
      unshiftMap(this.hiddenColumns, at, count);
      this.columnGroups.delete(at, count);
    }
    this.conditionalFormats = shiftRulesForDelete(this.conditionalFormats, axis, at, count);
    this.lastColumnCache = null;
    const kept: ValidationEntry[] = [];
    for (const entry of this.validations) {
      const rect = shiftForDelete(entry.rect, axis, at, count);
      if (rect) kept.push({ rect, rule: entry.rule });
    }
    this.validations = kept;
    this.spreadsheet.shiftReferences(this.sheetId, (rect) => shiftForDelete(rect, axis, at, count));
  }

  /** The whole grid as a rectangle. */
  fullRect(): Rect {
    return { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns };
  }

  // ------------------------------------------------------------------------------------------
  // Saving and loading (host only: runtime/persistence.ts)

  exportState(): SheetState {
    const styleIndex = new Map<CellStyle, number>();
    const styleTable: CellStyle[] = [];
    const styles = layerState(this.styles, (style) => {
      let index = styleIndex.get(style);
      if (index === undefined) {
        index = styleTable.length;
        styleIndex.set(style, index);
        styleTable.push({ ...style });
      }
      return index;
    });
    return {
      name: this.name,
      sheetId: this.sheetId,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      hidden: this.hidden,
      tabColor: this.tabColor,
      formUrl: this.formUrl,
      values: layerState(this.values, cloneValue),
      formulas: layerState(this.formulas, (f) => f),
      notes: layerState(this.notes, (n) => n),
      styleTable,
      styles,
      validations: this.validations.map((v) => ({ rect: { ...v.rect }, rule: v.rule })),
      protections: this.protections
        .filter((p) => !p.removed)
        .map((p) => ({
          id: p.id,
          type: p.type,
          sheetId: p.sheetId,
          rect: p.rect ? { ...p.rect } : null,
          description: p.description,
          warningOnly: p.warningOnly,
          domainEdit: p.domainEdit,
          customized: p.customized,
          editors: [...p.editors],
          unprotected: p.unprotected.map((u) => ({ sheetId: u.sheetId, rect: { ...u.rect } })),
        })),
      charts: this.charts.map((c) => ({ ...cloneSpec(c), chartId: c.chartId })),
      columnWidths: [...this.columnWidths],
      hiddenColumns: [...this.hiddenColumns.keys()],
      rowHeights: [...this.rowHeights],
      conditionalFormats: this.conditionalFormats.map(cloneRule),
      columnGroups: this.columnGroups.exportState(),
      columnGroupControlAfter: this.columnGroupControlAfter,
    };
  }

  /** A tab of `spreadsheet` rebuilt from exportState() (the caller adds it to the spreadsheet). */
  static fromState(spreadsheet: SpreadsheetModel, state: SheetState): SheetModel {
    const sheet = new SheetModel(spreadsheet, state.name, state.sheetId, state.maxRows, state.maxColumns);
    sheet.frozenRows = state.frozenRows;
    sheet.frozenColumns = state.frozenColumns;
    sheet.hidden = state.hidden;
    sheet.tabColor = state.tabColor;
    sheet.formUrl = state.formUrl;
    fillLayer(sheet.values, state.values, cloneValue);
    fillLayer(sheet.formulas, state.formulas, (f) => f);
    fillLayer(sheet.notes, state.notes, (n) => n);
    // Re-interned, so equal styles share one object again.
    const table = state.styleTable.map((style) =>
      (Object.keys(style) as StyleKey[]).reduce<CellStyle | undefined>(
        (acc, key) => withStyle(acc, key, style[key]),
        undefined,
      ),
    );
    fillLayer(sheet.styles, state.styles, (i) => table[i]);
    sheet.validations = state.validations.map((v) => ({ rect: { ...v.rect }, rule: v.rule }));
    sheet.protections = state.protections.map((p) => {
      const model = new ProtectionModel(p.id, p.type, p.sheetId, p.rect ? { ...p.rect } : null, p.editors);
      model.description = p.description;
      model.warningOnly = p.warningOnly;
      model.domainEdit = p.domainEdit;
      model.customized = p.customized;
      model.unprotected = p.unprotected.map((u) => ({ sheetId: u.sheetId, rect: { ...u.rect } }));
      return model;
    });
    sheet.charts = state.charts.map((c) => ({ ...cloneSpec(c), chartId: c.chartId }));
    for (const [k, v] of state.columnWidths) sheet.columnWidths.set(k, v);
    for (const k of state.hiddenColumns ?? []) sheet.hiddenColumns.set(k, true);
    for (const [k, v] of state.rowHeights) sheet.rowHeights.set(k, v);
    sheet.conditionalFormats = (state.conditionalFormats ?? []).map(cloneRule);
    sheet.columnGroups.loadState(state.columnGroups);
    sheet.columnGroupControlAfter = state.columnGroupControlAfter ?? false;
    sheet.lastColumnCache = null;
    return sheet;
  }
}

function overlapCount(start: number, size: number, at: number, count: number): number {
  const lo = Math.max(start, at);
  const hi = Math.min(start + size - 1, at + count - 1);
  return Math.max(0, hi - lo + 1);
}

function shiftMap<V>(map: Map<number, V>, at: number, count: number): void {
  const entries = [...map.entries()].sort((a, b) => b[0] - a[0]);
  for (const [k, v] of entries) {
    if (k >= at) {
      map.delete(k);
      map.set(k + count, v);
    }
  }
}

function unshiftMap<V>(map: Map<number, V>, at: number, count: number): void {
  const entries = [...map.entries()].sort((a, b) => a[0] - b[0]);
  for (const [k, v] of entries) {
    if (k < at) continue;
    map.delete(k);
    if (k >= at + count) map.set(k - count, v);
  }
}
