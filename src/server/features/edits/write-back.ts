/**
 * The edit trigger's write-back to the register (./write-plan says what): the values rectangle in one
 * call, or run by run when a validation rule refuses it, and the notes rectangle in one more call
 * only when a note changes.
 */
import type { RegisterLayout } from '../../../core/columns';
import { notesRectangle, runsOf, spanOf, valuesRectangle, type PlannedRow } from './write-plan';
import { readCellFormulas, writeCellNotes, writeCells } from '../../adapters/edited-cells';
import type { Sheet } from '../../adapters/apps-script-types';

/**
 * Writes the planned cells: one rectangle, or run by run if a validation rule refuses it. Returns the
 * Spreadsheet calls it made.
 */
export function writeValues(
  sheet: Sheet,
  top: number,
  planned: readonly PlannedRow[],
  read: readonly (readonly unknown[])[],
  layout: RegisterLayout,
  stateIndex: number,
): number {
  const span = spanOf(planned, 'values');
  if (!span) return 0;
  const ownedColumns = new Set<number>(Object.values<number>(layout.indexOf).filter((i) => i >= 0));
  if (stateIndex >= 0) ownedColumns.add(stateIndex);
  let foreign = false;
  for (let c = span[0]; c <= span[1]; c++) if (!ownedColumns.has(c)) foreign = true;
  const block = { row: top, column: span[0] + 1, numRows: planned.length, numColumns: span[1] - span[0] + 1 };
  // The organization's own columns inside the span keep their formulas (one more read, only then).
  const formulas = foreign ? readCellFormulas(sheet, block) : null;
  const rect = valuesRectangle(planned, read, span, formulas);
  let spent = foreign ? 2 : 1;
  try {
    writeCells(sheet, block, rect.grid);
  } catch (error) {
    // Slow path, never taken while validation accepts what the sheet already holds.
    console.warn(`Edit write-back fell back to per-run writes: ${String(error)}`);
    planned.forEach((row, i) => {
      for (const run of runsOf(row)) {
        spent++;
        try {
          const cells = { row: top + i, column: run.column + 1, numRows: 1, numColumns: run.values.length };
          writeCells(sheet, cells, [run.values]);
        } catch (runError) {
          console.error(`Row ${top + i} could not be written back: ${String(runError)}`);
        }
      }
    });
  }
  return spent;
}

/** Writes the notes rectangle (one call, or none). */
export function writeNotes(sheet: Sheet, top: number, planned: readonly PlannedRow[]): number {
  const span = spanOf(planned, 'notes');
  if (!span) return 0;
  const rows = planned.map((p, i) => ({ p, i })).filter(({ p }) => p.notes.size > 0);
  const first = (rows[0] as { i: number }).i;
  const last = (rows[rows.length - 1] as { i: number }).i;
  const rect = notesRectangle(planned.slice(first, last + 1), span);
  const cells = {
    row: top + first,
    column: rect.column + 1,
    numRows: last - first + 1,
    numColumns: rect.width,
  };
  writeCellNotes(sheet, cells, rect.grid);
  return 1;
}
