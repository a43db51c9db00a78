/**
 * The cells a hand edit touched, on whichever tab the edit trigger judges (the register, its header
 * row, Staff, Settings, Assets, Schedules): what they hold, what is written back over them, and the
 * notes the trigger leaves on them. Each function is one read or one write over one rectangle; the
 * trigger decides what goes where.
 */
import type { Range, Sheet } from './apps-script-types';

/** A rectangle of cells, 1-based, as an edit event gives it. */
export interface CellRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

function rangeOf(sheet: Sheet, rect: CellRect): Range {
  return sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
}

/** The cells' values (one read). */
export function readCells(sheet: Sheet, rect: CellRect): unknown[][] {
  return rangeOf(sheet, rect).getValues();
}

/** The cells' formulas, '' where a cell holds a value (one read). */
export function readCellFormulas(sheet: Sheet, rect: CellRect): string[][] {
  return rangeOf(sheet, rect).getFormulas();
}

/** Writes `values` over the rectangle (one write; `values` is exactly its size). */
export function writeCells(sheet: Sheet, rect: CellRect, values: unknown[][]): void {
  rangeOf(sheet, rect).setValues(values);
}

/** Writes `notes` over the rectangle (one write; `notes` is exactly its size). */
export function writeCellNotes(sheet: Sheet, rect: CellRect, notes: string[][]): void {
  rangeOf(sheet, rect).setNotes(notes);
}

/** The same note on every cell of the rectangle (one write). */
export function noteCells(sheet: Sheet, rect: CellRect, note: string): void {
  rangeOf(sheet, rect).setNote(note);
}

/** Takes every note off the rectangle (one write). */
export function clearCellNotes(sheet: Sheet, rect: CellRect): void {
  rangeOf(sheet, rect).clearNote();
}

/**
 * Takes off the notes `matches` picks, leaving the others: one read, and one write only when a note
 * goes.
 */
export function clearNotesWhere(sheet: Sheet, rect: CellRect, matches: (note: string) => boolean): void {
  const range = rangeOf(sheet, rect);
  const notes = range.getNotes();
  if (!notes.some((row) => row.some((note) => matches(note)))) return;
  range.setNotes(notes.map((row) => row.map((note) => (matches(note) ? '' : note))));
}

/**
 * Rewrites the rectangle's notes through `next` (given each note and its 1-based sheet row and
 * column): one read, and one write only when a note changes.
 */
export function rewriteNotes(
  sheet: Sheet,
  rect: CellRect,
  next: (note: string, row: number, column: number) => string,
): void {
  const range = rangeOf(sheet, rect);
  const notes = range.getNotes();
  let changed = false;
  const written = notes.map((cells, r) =>
    cells.map((note, c) => {
      const now = next(String(note), rect.row + r, rect.column + c);
      if (now !== note) changed = true;
      return now;
    }),
  );
  if (changed) range.setNotes(written);
}
