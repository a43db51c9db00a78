/**
 * A tab as plain data, for saving a world to disk and loading it back (runtime/persistence.ts). Kept
 * apart from SheetModel because the on-disk shape (interned styles, nullable sparse rows, fields absent
 * in older files) is a file-format concern, not part of how a live sheet stores or edits its cells.
 */
import type { SheetModel } from './sheet-model';
import type { CellValue } from './values';
import { cloneValue } from './values';
import type { Layer } from './layer';
import type { CellStyle, StyleKey } from './style';
import { withStyle } from './style';
import type { Rect } from './rect';
import type { A1Span } from './a1';
import type { ValidationRule } from './validation-rules';
import { ProtectionModel } from './protection-model';
import type { ProtectionType } from './protection-model';
import type { ChartModel } from './chart-model';
import { cloneSpec } from './chart-model';
import type { ColumnGroupsState } from './column-group-model';
import { cloneRule, type ConditionalRuleModel } from './conditional-format-model';

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
  /** Absent in files saved before whole-column and whole-row protections stayed open-ended. */
  span?: A1Span;
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

/** SheetModel.exportState. */
export function exportSheetState(sheet: SheetModel): SheetState {
  const styleIndex = new Map<CellStyle, number>();
  const styleTable: CellStyle[] = [];
  const styles = layerState(sheet.styles, (style) => {
    let index = styleIndex.get(style);
    if (index === undefined) {
      index = styleTable.length;
      styleIndex.set(style, index);
      styleTable.push({ ...style });
    }
    return index;
  });
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    formUrl: sheet.formUrl,
    values: layerState(sheet.values, cloneValue),
    formulas: layerState(sheet.formulas, (f) => f),
    notes: layerState(sheet.notes, (n) => n),
    styleTable,
    styles,
    validations: sheet.validations.map((v) => ({ rect: { ...v.rect }, rule: v.rule })),
    protections: sheet.protections
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
        span: p.span,
      })),
    charts: sheet.charts.map((c) => ({ ...cloneSpec(c), chartId: c.chartId })),
    columnWidths: [...sheet.columnWidths],
    hiddenColumns: [...sheet.hiddenColumns.keys()],
    rowHeights: [...sheet.rowHeights],
    conditionalFormats: sheet.conditionalFormats.map(cloneRule),
    columnGroups: sheet.columnGroups.exportState(),
    columnGroupControlAfter: sheet.columnGroupControlAfter,
  };
}

/**
 * Fills a new, empty tab (built with the state's name, id and size) from exportSheetState() output;
 * SheetModel.fromState does the construction and resets its own caches.
 */
export function loadSheetState(sheet: SheetModel, state: SheetState): void {
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
    model.span = p.span ?? 'cells';
    return model;
  });
  sheet.charts = state.charts.map((c) => ({ ...cloneSpec(c), chartId: c.chartId }));
  for (const [k, v] of state.columnWidths) sheet.columnWidths.set(k, v);
  for (const k of state.hiddenColumns ?? []) sheet.hiddenColumns.set(k, true);
  for (const [k, v] of state.rowHeights) sheet.rowHeights.set(k, v);
  sheet.conditionalFormats = (state.conditionalFormats ?? []).map(cloneRule);
  sheet.columnGroups.loadState(state.columnGroups);
  sheet.columnGroupControlAfter = state.columnGroupControlAfter ?? false;
}
