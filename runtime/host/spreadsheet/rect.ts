/**
 * Rectangles of cells (1-based, inclusive of `row`/`column`) and how they move when rows or columns
 * are inserted or deleted. Data validation rules, protections and chart sources are stored as
 * rectangles rather than per cell, so a rule on a whole column of 100,000 rows costs O(1).
 */
export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function lastRowOf(r: Rect): number {
  return r.row + r.numRows - 1;
}
export function lastColumnOf(r: Rect): number {
  return r.column + r.numColumns - 1;
}

export function containsCell(r: Rect, row: number, column: number): boolean {
  return row >= r.row && row <= lastRowOf(r) && column >= r.column && column <= lastColumnOf(r);
}

export function intersection(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.row, b.row);
  const left = Math.max(a.column, b.column);
  const bottom = Math.min(lastRowOf(a), lastRowOf(b));
  const right = Math.min(lastColumnOf(a), lastColumnOf(b));
  if (bottom < top || right < left) return null;
  return { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 };
}

/** `a` minus `b` as up to four non-overlapping rectangles (top band, bottom band, left, right). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const overlap = intersection(a, b);
  if (!overlap) return [a];
  const pieces: Rect[] = [];
  if (overlap.row > a.row)
    pieces.push({ row: a.row, column: a.column, numRows: overlap.row - a.row, numColumns: a.numColumns });
  if (lastRowOf(overlap) < lastRowOf(a)) {
    pieces.push({
      row: lastRowOf(overlap) + 1,
      column: a.column,
      numRows: lastRowOf(a) - lastRowOf(overlap),
      numColumns: a.numColumns,
    });
  }
  if (overlap.column > a.column) {
    pieces.push({
      row: overlap.row,
      column: a.column,
      numRows: overlap.numRows,
      numColumns: overlap.column - a.column,
    });
  }
  if (lastColumnOf(overlap) < lastColumnOf(a)) {
    pieces.push({
      row: overlap.row,
      column: lastColumnOf(overlap) + 1,
      numRows: overlap.numRows,
      numColumns: lastColumnOf(a) - lastColumnOf(overlap),
    });
  }
  return pieces;
}

export type Axis = 'rows' | 'columns';

/** Which neighbour new rows/columns copy their formatting and validation from. */
export type Inherit = 'before' | 'after' | 'none';

function span(r: Rect, axis: Axis): [number, number] {
  return axis === 'rows' ? [r.row, r.numRows] : [r.column, r.numColumns];
}
function withSpan(r: Rect, axis: Axis, start: number, count: number): Rect {
  return axis === 'rows' ? { ...r, row: start, numRows: count } : { ...r, column: start, numColumns: count };
}

/**
 * Moves `r` for `count` new rows/columns inserted at index `at` (they become at..at+count-1).
 * A rectangle strictly spanning the insertion point grows, as in Sheets. With `inherit`, a rectangle
 * ending just before (or starting at) the insertion point grows too: the new cells take the
 * neighbour's rules, like Sheets' "insert row below/above".
 */
export function shiftForInsert(r: Rect, axis: Axis, at: number, count: number, inherit: Inherit): Rect {
  const [start, size] = span(r, axis);
  const end = start + size - 1;
  if (start >= at) {
    if (inherit === 'after' && start === at) return withSpan(r, axis, start, size + count);
    return withSpan(r, axis, start + count, size);
  }
  if (end >= at) return withSpan(r, axis, start, size + count);
  if (inherit === 'before' && end === at - 1) return withSpan(r, axis, start, size + count);
  return r;
}

/** Moves `r` for `count` rows/columns deleted from `at`; null when nothing of it is left. */
export function shiftForDelete(r: Rect, axis: Axis, at: number, count: number): Rect | null {
  const [start, size] = span(r, axis);
  const end = start + size - 1;
  const delEnd = at + count - 1;
  if (end < at) return r;
  if (start > delEnd) return withSpan(r, axis, start - count, size);
  const keptBefore = Math.max(0, at - start);
  const keptAfter = Math.max(0, end - delEnd);
  const kept = keptBefore + keptAfter;
  if (kept === 0) return null;
  return withSpan(r, axis, Math.min(start, at), kept);
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.column === b.column && a.numRows === b.numRows && a.numColumns === b.numColumns;
}
