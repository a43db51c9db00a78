/**
 * What the browser needs to draw one tab: a window of rows (the register may hold many thousands),
 * display values, formulas, notes, the formatting the grid shows, dropdown lists, which cells are
 * protected, and the charts with their data already read from the sheets they point at.
 */
import type { SheetModel, SpreadsheetModel } from '../../runtime/host/spreadsheet/store';
import { snapshot } from '../../runtime/host/spreadsheet/snapshot';
import { chartView } from './chart-data';
import type { CellFormat, SheetView } from '../shared/views';

export type { CellFormat, SheetView };

const key = (row: number, column: number) => `${row},${column}`;

export function sheetView(
  spreadsheet: SpreadsheetModel,
  sheet: SheetModel,
  user: string,
  window: { row: number; numRows: number },
): SheetView {
  const lastRow = sheet.lastRow();
  const lastColumn = Math.max(sheet.lastColumn(), 1);
  const frozenRows = Math.min(sheet.frozenRows, lastRow);
  const first = Math.max(frozenRows + 1, window.row);
  const numRows = Math.max(0, Math.min(window.numRows, lastRow - first + 1));
  const body = snapshot(sheet, { row: first, numRows });
  const head = frozenRows > 0 ? snapshot(sheet, { row: 1, numRows: frozenRows }) : null;
  const formulas: Record<string, string> = {};
  const notes: Record<string, string> = {};
  const formats: Record<string, CellFormat> = {};
  for (const part of head ? [head, body] : [body]) {
    for (const f of part.formulas) formulas[key(f.row, f.column)] = f.formula;
    for (const n of part.notes) notes[key(n.row, n.column)] = n.note;
    for (const s of part.styles) {
      const format: CellFormat = {};
      if (s.style.fontWeight === 'bold') format.bold = true;
      if (s.style.fontStyle === 'italic') format.italic = true;
      if (s.style.background && s.style.background !== '#ffffff') format.background = s.style.background;
      if (s.style.fontColor && s.style.fontColor !== '#000000') format.color = s.style.fontColor;
      if (s.style.horizontalAlignment) format.align = s.style.horizontalAlignment;
      if (s.style.wrapStrategy === 'WRAP') format.wrap = true;
      if (Object.keys(format).length > 0) formats[key(s.row, s.column)] = format;
    }
  }
  const pad = (rows: string[][]) =>
    rows.map((r) =>
      r.length < lastColumn ? [...r, ...new Array<string>(lastColumn - r.length).fill('')] : r,
    );
  return {
    name: sheet.name,
    tabs: spreadsheet.sheetModels().map((s) => ({ name: s.name, hidden: s.hidden, color: s.tabColor })),
    lastRow,
    lastColumn,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows,
    firstRow: first,
    rows: pad(body.displayValues),
    frozen: pad(head?.displayValues ?? []),
    formulas,
    notes,
    formats,
    dropdowns: body.validations
      .filter((v) => v.showDropdown)
      .map((v) => ({ rect: v.rect, values: v.values, strict: !v.allowInvalid, helpText: v.helpText })),
    protections: sheet.protections
      .filter((p) => !p.removed)
      .map((p) => ({
        rect: p.rectOn(sheet) ?? sheet.fullRect(),
        description: p.description,
        warningOnly: p.warningOnly,
        canEdit: p.canEdit(user, spreadsheet.ownerEmail),
      })),
    charts: sheet.charts.map((c) => chartView(spreadsheet, c)),
    columnWidths: body.columnWidths,
  };
}
