/**
 * A1 notation, as Sheets reads it: `A1`, `A1:C3`, `A:A`, `2:2`, `A2:C` (open-ended), `$A$1`,
 * `'Sheet name'!A1:B2`. Coordinates are 1-based, like every Apps Script Range method.
 */
import type { Rect } from './rect';

export function columnToLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One side of a range reference; a missing part is open (`A` has no row, `2` has no column). */
interface Endpoint {
  row: number | null;
  column: number | null;
}

export interface ParsedA1 {
  sheetName: string | null;
  start: Endpoint;
  end: Endpoint;
}

const ENDPOINT = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parseEndpoint(text: string): Endpoint | null {
  const m = ENDPOINT.exec(text);
  if (!m) return null;
  const letters = m[1] ?? '';
  const digits = m[2] ?? '';
  if (letters === '' && digits === '') return null;
  const row = digits === '' ? null : Number(digits);
  if (row !== null && row < 1) return null;
  return { row, column: letters === '' ? null : lettersToColumn(letters) };
}

/** Splits off a `Sheet!` or `'Sheet name'!` prefix. Returns null when the quoting is broken. */
function splitSheet(a1: string): { sheetName: string | null; rest: string } | null {
  if (a1.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < a1.length) {
      const ch = a1[i]!;
      if (ch === "'") {
        if (a1[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (a1[i] !== "'" || a1[i + 1] !== '!') return null;
    return { sheetName: name, rest: a1.slice(i + 2) };
  }
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, rest: a1 };
  return { sheetName: a1.slice(0, bang), rest: a1.slice(bang + 1) };
}

/** Parses A1 notation; null when Sheets would not recognise it (Apps Script: "Range not found"). */
export function parseA1(a1: string): ParsedA1 | null {
  const split = splitSheet(a1.trim());
  if (!split || split.sheetName === '') return null;
  const parts = split.rest.split(':');
  if (parts.length > 2) return null;
  const start = parseEndpoint(parts[0] ?? '');
  if (!start) return null;
  if (parts.length === 1) {
    // A lone endpoint must be a cell: `A` or `2` alone is not a range.
    if (start.row === null || start.column === null) return null;
    return { sheetName: split.sheetName, start, end: start };
  }
  const end = parseEndpoint(parts[1] ?? '');
  if (!end) return null;
  // `2:C` mixes a row-only start with a column: not valid. Column-only starts need column ends etc.
  if (start.column === null && end.column !== null) return null;
  if (start.row === null && end.row !== null && start.column === null) return null;
  return { sheetName: split.sheetName, start, end };
}

/** What a reference spans: whole rows (`5:7`), whole columns (`D:F`) or cells (anything else). */
export type A1Span = 'cells' | 'rows' | 'columns';

export function a1Span(parsed: ParsedA1): A1Span {
  if (parsed.start.row === null && parsed.end.row === null) return 'columns';
  if (parsed.start.column === null && parsed.end.column === null) return 'rows';
  return 'cells';
}

/** Resolves open ends against the sheet's size and orders the corners (`B2:A1` is `A1:B2`). */
export function resolveA1(parsed: ParsedA1, maxRows: number, maxColumns: number): Rect {
  const r1 = parsed.start.row ?? 1;
  const c1 = parsed.start.column ?? 1;
  const r2 = parsed.end.row ?? (parsed.start.row === null || parsed.end.column !== null ? maxRows : r1);
  const c2 = parsed.end.column ?? maxColumns;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return {
    row: top,
    column: left,
    numRows: Math.max(r1, r2) - top + 1,
    numColumns: Math.max(c1, c2) - left + 1,
  };
}

export function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

/** `A1` for one cell, `A1:C3` otherwise, as Range.getA1Notation returns. */
export function rectToA1(rect: Rect): string {
  const start = cellA1(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1)}`;
}

/** Sheet names that are not plain identifiers are quoted, with `'` doubled, as Sheets writes them. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedA1(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectToA1(rect)}`;
}
