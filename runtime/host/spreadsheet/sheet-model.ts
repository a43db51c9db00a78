/**
 * One tab of a spreadsheet, host side: the grid and everything attached to cells. Not script-visible;
 * the Sheet/Range classes (and the runtime, the workbench, tests) work through it.
 *
 * Public coordinates are 1-based like Apps Script; the layers underneath are 0-based. The layers and
 * their plain reads and writes are ./sheet-layers, which this class extends; it owns the other fields
 * and the per-cell edits; the loops live beside it: content extent (./content-extent),
 * rectangle reads (./layer-rects), bulk writes (./sheet-bulk-writes), validation rectangles
 * (./validation-ranges), row and column insertion and deletion (./sheet-insert-delete) and the saved
 * form (./sheet-state).
 */
import type { SpreadsheetModel } from './spreadsheet-model';
import type { CellValue, ParsedInput } from './values';
import type { WritePlan } from './write-plan';
import { cloneValue, isEmptyValue } from './values';
import { lastColumnWithContent, lastRowWithContent } from './content-extent';
import { withStyle } from './style';
import { formatForDisplay } from './number-format';
import { overlayFormulaDisplays, overlayFormulaValues } from './formula-read';
import { typeByFormat, typedCell } from './value-types';
import { clearFormatsKeepingNumberFormat, readDisplayRect, readValueRect } from './layer-rects';
import type { Inherit, Rect } from './rect';
import type { ProtectionModel } from './protection-model';
import type { ChartModel } from './chart-model';
import { ColumnGroups } from './column-group-model';
import { SheetLayers } from './sheet-layers';
import type { ConditionalRuleModel } from './conditional-format-model';
import { checkDeleteColumns, checkDeleteRows, deleteLines, insertLines } from './sheet-insert-delete';
import type { ColumnTouch } from './sheet-bulk-writes';
import { commitPlanToLayers, writeValuesToLayers } from './sheet-bulk-writes';
import type { SheetState } from './sheet-state';
import { exportSheetState, loadSheetState } from './sheet-state';

export interface ClearWhat {
  contents?: boolean;
  formats?: boolean;
  notes?: boolean;
  validations?: boolean;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export class SheetModel extends SheetLayers {
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  deleted = false;
  /** The form that sends responses to this sheet (set by the FormApp emulation), or null. */
  formUrl: string | null = null;
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
    super();
    this.maxRows = rows;
    this.maxColumns = columns;
  }

  get timeZone(): string {
    return this.spreadsheet.timeZone;
  }

  // ------------------------------------------------------------------------------------------
  // Extent

  /** Sheet.getLastRow: the last row with a value or a formula (0 for an empty sheet). */
  lastRow(): number {
    return lastRowWithContent(this.values, this.formulas);
  }

  /** Sheet.getLastColumn: the last column with a value or a formula (0 for an empty sheet). */
  lastColumn(): number {
    if (this.lastColumnCache === null)
      this.lastColumnCache = lastColumnWithContent(this.values, this.formulas);
    return this.lastColumnCache;
  }

  private touchedColumn(c0: number, emptied: boolean): void {
    if (emptied) this.lastColumnCache = null;
    else if (this.lastColumnCache !== null && c0 + 1 > this.lastColumnCache) this.lastColumnCache = c0 + 1;
  }

  private noteColumnTouch({ emptied, widest }: ColumnTouch): void {
    if (emptied) this.lastColumnCache = null;
    else if (widest > 0) this.touchedColumn(widest - 1, false);
  }

  /** Grows the grid so (row, column) exists, as writes beyond the edge (appendRow, forms) do. */
  ensureSize(row: number, column: number): void {
    const extraRows = Math.max(0, row - this.maxRows);
    const extraColumns = Math.max(0, column - this.maxColumns);
    if (extraRows === 0 && extraColumns === 0) return;
    const added = extraRows * (this.maxColumns + extraColumns) + extraColumns * this.maxRows;
    this.spreadsheet.assertColumnBudget(this.maxColumns + extraColumns);
    this.spreadsheet.assertCellBudget(added);
    this.maxRows += extraRows;
    this.maxColumns += extraColumns;
  }

  // ------------------------------------------------------------------------------------------
  // Values and formulas

  /** A cell's value as Range.getValue reads it: a formula's computed value, typed by its format. */
  valueAt(row: number, column: number): CellValue {
    if (this.formulas.get(row - 1, column - 1) !== undefined)
      return this.readValues(row, column, 1, 1)[0]![0]!;
    const v = this.values.get(row - 1, column - 1);
    return v === undefined ? '' : typedCell(this.styles, row, column, cloneValue(v), this.timeZone);
  }

  /** Values as Range.getValues reads them: '' for empty, formulas computed, typed by format (./value-types). */
  readValues(row: number, column: number, numRows: number, numColumns: number): CellValue[][] {
    const rect = { row, column, numRows, numColumns };
    const values = overlayFormulaValues(this, rect, readValueRect(this.values, rect));
    return typeByFormat(this.styles, rect, values, this.timeZone);
  }

  /**
   * Writes typed values as they are (no parsing, no validation, no protection): the host's own
   * writes (form responses, test setup). Grows the sheet when the rectangle passes its edge.
   */
  writeValues(row: number, column: number, values: CellValue[][]): void {
    const width = values.reduce((w, line) => Math.max(w, line.length), 0);
    if (values.length === 0 || width === 0) return;
    this.ensureSize(row + values.length - 1, column + width - 1);
    this.noteColumnTouch(writeValuesToLayers(this, row, column, values));
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
    this.noteColumnTouch(commitPlanToLayers(this, plan));
  }

  // ------------------------------------------------------------------------------------------
  // Formatting and display

  displayAt(row: number, column: number): string {
    if (this.formulas.get(row - 1, column - 1) !== undefined)
      return this.readDisplayValues({ row, column, numRows: 1, numColumns: 1 })[0]![0]!;
    const v = this.values.get(row - 1, column - 1);
    if (v === undefined) return '';
    return formatForDisplay(v, this.styles.get(row - 1, column - 1)?.numberFormat, this.timeZone);
  }

  readDisplayValues(rect: Rect): string[][] {
    return overlayFormulaDisplays(this, rect, readDisplayRect(this.values, this.styles, rect, this.timeZone));
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
    if (what.formats) clearFormatsKeepingNumberFormat(this.styles, r0, c0, r1, c1);
    if (what.notes) this.notes.clear(r0, c0, r1, c1);
    if (what.validations) this.setValidation(rect, null);
  }

  // ------------------------------------------------------------------------------------------
  // Rows and columns

  /** Inserts `count` rows so that the first new one is row `at`. */
  insertRows(at: number, count: number, inherit: Inherit): void {
    insertLines(this, 'rows', at, count, inherit);
  }

  insertColumns(at: number, count: number, inherit: Inherit): void {
    insertLines(this, 'columns', at, count, inherit);
    this.lastColumnCache = null;
  }

  deleteRows(at: number, count: number): void {
    checkDeleteRows(this, at, count);
    deleteLines(this, 'rows', at, count);
    this.lastColumnCache = null;
  }

  deleteColumns(at: number, count: number): void {
    checkDeleteColumns(this, at, count);
    deleteLines(this, 'columns', at, count);
    this.lastColumnCache = null;
  }

  /** The whole grid as a rectangle. */
  fullRect(): Rect {
    return { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns };
  }

  // ------------------------------------------------------------------------------------------
  // Saving and loading (host only: runtime/persistence.ts)

  exportState(): SheetState {
    return exportSheetState(this);
  }

  /** A tab of `spreadsheet` rebuilt from exportState() (the caller adds it to the spreadsheet). */
  static fromState(spreadsheet: SpreadsheetModel, state: SheetState): SheetModel {
    const sheet = new SheetModel(spreadsheet, state.name, state.sheetId, state.maxRows, state.maxColumns);
    loadSheetState(sheet, state);
    sheet.lastColumnCache = null;
    return sheet;
  }
}
