/**
 * Everything a UI needs to draw a sheet (the local workbench's grid), as plain JSON-able data.
 * Large sheets are read through a window of rows so a 100,000-row register is not copied whole.
 */
import type { SheetModel } from './sheet-model';
import type { CellValue } from './values';
import type { CellStyle } from './style';
import type { Rect } from './rect';
import { lastColumnOf } from './rect';
import { columnToLetters, qualifiedA1, rectToA1 } from './a1';
import { isRangeRef } from './validation-rules';
import type { RangeRef } from './validation-rules';
import { checkContextFor } from './guards';
import { GasError } from '../gas-object';
import { readDisplayRect, readValueRect } from './layer-rects';

export interface ValidationSnapshot {
  a1: string;
  rect: Rect;
  criteria: string;
  /** List items (VALUE_IN_LIST), the referenced cells' values (VALUE_IN_RANGE), or the criteria args as text. */
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface SheetSnapshot {
  spreadsheetId: string;
  name: string;
  sheetId: number;
  /** 1-based tab position. */
  index: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  /** The rows and columns `values`, `displayValues` cover. */
  window: Rect;
  values: CellValue[][];
  displayValues: string[][];
  formulas: { row: number; column: number; formula: string }[];
  notes: { row: number; column: number; note: string }[];
  styles: { row: number; column: number; style: CellStyle }[];
  validations: ValidationSnapshot[];
  /** For each column (by letter) with a dropdown: the allowed values, for an editor widget. */
  validationListsByColumn: Record<string, string[]>;
  protections: {
    id: number;
    type: 'RANGE' | 'SHEET';
    a1: string;
    description: string;
    warningOnly: boolean;
    editors: string[] | 'everyone';
    unprotected: string[];
  }[];
  charts: {
    chartId: number;
    type: string;
    ranges: string[];
    options: Record<string, unknown>;
    position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  }[];
  columnWidths: Record<number, number>;
  /** Columns hidden with Sheet.hideColumns or by a collapsed group (1-based). */
  hiddenColumns: number[];
  /** Conditional format rules in priority order, their ranges in A1 notation. */
  conditionalFormats: {
    a1: string[];
    criteria: string;
    values: (string | number)[];
    background: string | null;
  }[];
  /** Column groups, shallow first: 1-based first and last column, depth, collapsed or not. */
  columnGroups: { start: number; end: number; depth: number; collapsed: boolean }[];
}

export interface SnapshotWindow {
  /** First row (default 1). */
  row?: number;
  /** Rows to include (default: through the last row with content). */
  numRows?: number;
}

export function snapshot(sheet: SheetModel, window: SnapshotWindow = {}): SheetSnapshot {
  const lastRow = sheet.lastRow();
  const lastColumn = sheet.lastColumn();
  const top = Math.max(1, window.row ?? 1);
  const rows = Math.max(0, Math.min(window.numRows ?? lastRow - top + 1, sheet.maxRows - top + 1));
  const rect: Rect = { row: top, column: 1, numRows: rows, numColumns: lastColumn };
  const hasCells = rows > 0 && lastColumn > 0;
  const sparse = <T>(rowsOf: (T[] | undefined)[]): { row: number; column: number; item: T }[] => {
    const out: { row: number; column: number; item: T }[] = [];
    for (let r = top - 1; r < top - 1 + rows && r < rowsOf.length; r++) {
      rowsOf[r]?.forEach((item, c) => {
        if (item !== undefined) out.push({ row: r + 1, column: c + 1, item });
      });
    }
    return out;
  };
  const spreadsheet = sheet.spreadsheet;
  const refA1 = (ref: RangeRef): string => {
    const source = spreadsheet.sheetById(ref.sheetId);
    return source ? qualifiedA1(source.name, ref.rect) : '#REF!';
  };
  const checks = checkContextFor(sheet);
  const validations: ValidationSnapshot[] = sheet.validations.map(({ rect: r, rule }) => {
    const first = rule.args[0];
    let values: string[];
    if (rule.criteria === 'VALUE_IN_LIST' && Array.isArray(first)) values = first.map(String);
    else if (rule.criteria === 'VALUE_IN_RANGE' && isRangeRef(first))
      values = [...new Set(checks.rangeDisplays(first))];
    else
      values = rule.args.map((a) =>
        isRangeRef(a) ? refA1(a) : a instanceof Date ? a.toISOString() : String(a),
      );
    const showDropdown =
      rule.criteria === 'VALUE_IN_LIST' || rule.criteria === 'VALUE_IN_RANGE'
        ? rule.args[1] !== false
        : false;
    return {
      a1: rectToA1(r),
      rect: { ...r },
      criteria: rule.criteria,
      values,
      showDropdown,
      allowInvalid: rule.allowInvalid,
      helpText: rule.helpText,
    };
  });
  const validationListsByColumn: Record<string, string[]> = {};
  for (const v of validations) {
    if (!v.showDropdown) continue;
    for (let c = v.rect.column; c <= lastColumnOf(v.rect); c++)
      validationListsByColumn[columnToLetters(c)] ??= v.values;
  }
  return {
    spreadsheetId: spreadsheet.id,
    name: sheet.name,
    sheetId: sheet.sheetId,
    index: spreadsheet.indexOf(sheet) + 1,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    lastRow,
    lastColumn,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    window: rect,
    ...(hasCells ? cellsOf(sheet, rect) : { values: [], displayValues: [] }),
    formulas: sparse(sheet.formulas.rows).map(({ row, column, item }) => ({ row, column, formula: item })),
    notes: sparse(sheet.notes.rows).map(({ row, column, item }) => ({ row, column, note: item })),
    styles: sparse(sheet.styles.rows).map(({ row, column, item }) => ({ row, column, style: item })),
    validations,
    validationListsByColumn,
    protections: sheet.protections
      .filter((p) => !p.removed)
      .map((p) => ({
        id: p.id,
        type: p.type,
        a1: rectToA1(p.rectOn(sheet) ?? sheet.fullRect()),
        description: p.description,
        warningOnly: p.warningOnly,
        editors: p.customized ? p.editorList(spreadsheet.ownerEmail) : ('everyone' as const),
        unprotected: p.unprotected.map((u) => refA1({ kind: 'range', sheetId: u.sheetId, rect: u.rect })),
      })),
    charts: sheet.charts.map((c) => ({
      chartId: c.chartId,
      type: c.type,
      ranges: c.ranges.map(refA1),
      options: { ...c.options },
      position: { ...c.position },
    })),
    columnWidths: Object.fromEntries(sheet.columnWidths),
    hiddenColumns: [...sheet.hiddenColumns.keys()].sort((a, b) => a - b),
    conditionalFormats: sheet.conditionalFormats.map((rule) => ({
      a1: rule.ranges.map(rectToA1),
      criteria: rule.criteria,
      values: rule.values.slice(),
      background: rule.format.background,
    })),
    columnGroups: sheet.columnGroups
      .runs()
      .map((run) => ({ ...run, collapsed: sheet.columnGroups.isCollapsed(run) })),
  };
}

/**
 * The window's values and display values, formulas computed; when one calls what the runtime does not
 * compute (which throws for a script), the view shows the grid as stored (formula cells '') rather
 * than fail: the view is the host's, not a script's read.
 */
function cellsOf(sheet: SheetModel, rect: Rect): { values: CellValue[][]; displayValues: string[][] } {
  try {
    return {
      values: sheet.readValues(rect.row, rect.column, rect.numRows, rect.numColumns),
      displayValues: sheet.readDisplayValues(rect),
    };
  } catch (error) {
    if (!(error instanceof GasError)) throw error;
    return {
      values: readValueRect(sheet.values, rect),
      displayValues: readDisplayRect(sheet.values, sheet.styles, rect, sheet.timeZone),
    };
  }
}
