/**
 * Inserting and deleting rows or columns of a tab: every per-cell layer, the sizes, freezes, widths,
 * heights, hidden columns, column groups, validation and conditional format rectangles, and (through
 * the spreadsheet) protections and other references move together. Kept apart from SheetModel's cell
 * storage because it is the one operation that touches everything attached to the grid at once.
 */
import { shiftFormulaReferences } from './formula-references';
import type { SheetModel } from './sheet-model';
import type { Layer } from './layer';
import type { Axis, Inherit } from './rect';
import { shiftForDelete, shiftForInsert } from './rect';
import { Messages, fail } from './errors';
import { shiftRulesForDelete, shiftRulesForInsert } from './conditional-format-model';
import type { ValidationEntry } from './validation-ranges';

function layersOf(sheet: SheetModel): Layer<unknown>[] {
  return [sheet.values, sheet.formulas, sheet.notes, sheet.styles] as Layer<unknown>[];
}

/**
 * Inserts `count` rows or columns so that the first new one is number `at`. The caller drops its
 * cached last column when columns move.
 */
export function insertLines(
  sheet: SheetModel,
  axis: Axis,
  at: number,
  count: number,
  inherit: Inherit,
): void {
  const rows = axis === 'rows';
  const max = rows ? sheet.maxRows : sheet.maxColumns;
  if (at < 1 || at > max + 1) fail(rows ? Messages.rowsOutOfBounds : Messages.columnsOutOfBounds);
  if (!rows) sheet.spreadsheet.assertColumnBudget(sheet.maxColumns + count);
  sheet.spreadsheet.assertCellBudget(count * (rows ? sheet.maxColumns : sheet.maxRows));
  for (const layer of layersOf(sheet)) {
    if (rows) layer.insertRows(at - 1, count);
    else layer.insertColumns(at - 1, count);
  }
  // New rows take the formatting of the neighbour they were inserted next to.
  const source = inherit === 'before' ? at - 2 : inherit === 'after' ? at - 1 + count : -1;
  if (source >= 0) {
    if (rows) sheet.styles.fillRowsFrom(source, at - 1, count);
    else sheet.styles.fillColumnsFrom(source, at - 1, count);
  }
  if (rows) sheet.maxRows += count;
  else sheet.maxColumns += count;
  if (rows && at <= sheet.frozenRows) sheet.frozenRows += count;
  if (!rows && at <= sheet.frozenColumns) sheet.frozenColumns += count;
  if (!rows) {
    shiftMap(sheet.columnWidths, at, count);
    shiftMap(sheet.hiddenColumns, at, count);
    sheet.columnGroups.insert(at, count);
  } else shiftMap(sheet.rowHeights, at, count);
  for (const entry of sheet.validations) entry.rect = shiftForInsert(entry.rect, axis, at, count, inherit);
  sheet.conditionalFormats = shiftRulesForInsert(sheet.conditionalFormats, axis, at, count, inherit);
  sheet.spreadsheet.shiftReferences(sheet.sheetId, (rect) => shiftForInsert(rect, axis, at, count, 'none'));
  shiftFormulaReferences(sheet, { axis, at, count, kind: 'insert' });
}

/**
 * Deletes `count` rows or columns from number `at` (the caller has checked the bounds). The caller
 * drops its cached last column.
 */
export function deleteLines(sheet: SheetModel, axis: Axis, at: number, count: number): void {
  const rows = axis === 'rows';
  for (const layer of layersOf(sheet)) {
    if (rows) layer.deleteRows(at - 1, count);
    else layer.deleteColumns(at - 1, count);
  }
  if (rows) {
    sheet.maxRows -= count;
    sheet.frozenRows -= overlapCount(1, sheet.frozenRows, at, count);
    unshiftMap(sheet.rowHeights, at, count);
  } else {
    sheet.maxColumns -= count;
    sheet.frozenColumns -= overlapCount(1, sheet.frozenColumns, at, count);
    unshiftMap(sheet.columnWidths, at, count);
    unshiftMap(sheet.hiddenColumns, at, count);
    sheet.columnGroups.delete(at, count);
  }
  sheet.conditionalFormats = shiftRulesForDelete(sheet.conditionalFormats, axis, at, count);
  const kept: ValidationEntry[] = [];
  for (const entry of sheet.validations) {
    const rect = shiftForDelete(entry.rect, axis, at, count);
    if (rect) kept.push({ rect, rule: entry.rule });
  }
  sheet.validations = kept;
  sheet.spreadsheet.shiftReferences(sheet.sheetId, (rect) => shiftForDelete(rect, axis, at, count));
  shiftFormulaReferences(sheet, { axis, at, count, kind: 'delete' });
}

export function checkDeleteRows(sheet: SheetModel, at: number, count: number): void {
  if (at < 1 || count < 1 || at + count - 1 > sheet.maxRows) fail(Messages.rowsOutOfBounds);
  if (sheet.maxRows - count <= sheet.frozenRows) fail(Messages.deleteAllRows);
}

export function checkDeleteColumns(sheet: SheetModel, at: number, count: number): void {
  if (at < 1 || count < 1 || at + count - 1 > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
  if (sheet.maxColumns - count <= sheet.frozenColumns) fail(Messages.deleteAllColumns);
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
