/**
 * Where things are in a drawn tab: column widths and left edges, how many rows and columns to draw
 * (room for charts included), which window of rows to fetch as the grid scrolls, which dropdown covers
 * a cell, and which texts run on over empty cells.
 * All of it follows from the view the server sent, so it is plain functions of that view.
 */
import type { SheetView } from './api';

export const ROW_HEIGHT = 24;
export const HEADER_HEIGHT = 24;
export const ROW_NUMBER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH = 100;
/** Rows fetched and drawn at a time (the register may hold thousands). */
export const WINDOW_ROWS = 150;

/** A cell whose text runs on over empty cells (with the width it may take), or a cell run over. */
export interface Spill {
  kind: 'spill' | 'spilled-over';
  room: number;
}

export function columnWidth(view: SheetView | null, column: number): number {
  return Math.max(40, view?.columnWidths[String(column)] ?? DEFAULT_COLUMN_WIDTH);
}

export function columnLeft(view: SheetView | null, column: number): number {
  let x = ROW_NUMBER_WIDTH;
  for (let c = 1; c < column; c++) x += columnWidth(view, c);
  return x;
}

/** The rows and columns drawn: the used range with some room, and the charts' extent, within the grid. */
export function extent(view: SheetView): { rows: number; columns: number } {
  let rows = Math.max(view.lastRow + 20, 40);
  let columns = Math.max(view.lastColumn + 2, 8);
  for (const chart of view.charts) {
    rows = Math.max(rows, chart.anchorRow + Math.ceil((chart.height + chart.offsetY) / ROW_HEIGHT) + 2);
    columns = Math.max(
      columns,
      chart.anchorColumn + Math.ceil((chart.width + chart.offsetX) / DEFAULT_COLUMN_WIDTH) + 1,
    );
  }
  return {
    rows: Math.min(rows, view.maxRows),
    columns: Math.min(columns, Math.max(view.maxColumns, view.lastColumn)),
  };
}

/** Rows left in view past the drawn window before the next window is fetched. */
const MARGIN_ROWS = 20;

/**
 * The first row of the window to fetch once the grid has scrolled to `scrollTop` (showing
 * `clientHeight` pixels of rows), or null while the drawn window still covers the view with margin.
 */
export function windowToFetch(view: SheetView, scrollTop: number, clientHeight: number): number | null {
  const { rows: totalRows } = extent(view);
  const first = view.frozenRows + 1 + Math.floor(scrollTop / ROW_HEIGHT);
  const last = first + Math.ceil(clientHeight / ROW_HEIGHT);
  const loadedEnd = view.firstRow + WINDOW_ROWS - 1;
  const needsEarlier = first < view.firstRow + MARGIN_ROWS && view.firstRow > view.frozenRows + 1;
  const needsLater = last > loadedEnd - MARGIN_ROWS && loadedEnd < totalRows;
  return needsEarlier || needsLater ? Math.max(1, first - 50) : null;
}

export function dropdownAt(
  view: SheetView | null,
  row: number,
  column: number,
): SheetView['dropdowns'][number] | undefined {
  return view?.dropdowns.find(
    (d) =>
      row >= d.rect.row &&
      row < d.rect.row + d.rect.numRows &&
      column >= d.rect.column &&
      column < d.rect.column + d.rect.numColumns,
  );
}

/**
 * Text too long for its cell runs on over empty cells to its right, as in Sheets: `spill` on the
 * cell, `spilled-over` on the cells it covers (their gridline hidden), by an estimate of its width.
 */
export function spills(view: SheetView, row: number, cells: string[], columns: number): Map<number, Spill> {
  const out = new Map<number, Spill>();
  for (let c = 1; c <= columns; c++) {
    const text = cells[c - 1] ?? '';
    const align = view.formats[`${row},${c}`]?.align?.toLowerCase();
    if (text === '' || align === 'right' || align === 'center' || /^-?[\d,.]+%?$/.test(text)) continue;
    let room = columnWidth(view, c) - 8;
    const needed = text.length * (view.formats[`${row},${c}`]?.bold ? 7.6 : 7);
    let next = c + 1;
    while (
      room < needed &&
      next <= columns &&
      (cells[next - 1] ?? '') === '' &&
      !dropdownAt(view, row, next)
    ) {
      room += columnWidth(view, next);
      next++;
    }
    if (next === c + 1) continue;
    out.set(c, { kind: 'spill', room });
    for (let k = c + 1; k < next - 1; k++) out.set(k, { kind: 'spilled-over', room: 0 });
    c = next - 1;
  }
  return out;
}
