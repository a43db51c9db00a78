/**
 * A register column deleted by hand, then restored by setup: its header comes back at the end
 * (features/setup/sheets.ts), its cells empty. Deleting a column is open to any editor where nothing
 * in it is protected, and Status, Progress Notes, Results, Actions Taken and Reason are columns people
 * type in: one right-click took every order's status with it, and setup, saying "no data is lost",
 * left every order without one. Each row's record (./row-state) keeps the fields people type whole,
 * so the restored cells are filled from it. A text kept only as a print (a long Results) is left
 * empty and counted: the change log has it.
 *
 * Like the records' backfill (./row-state-backfill): BACKFILL_ROWS rows at a time, each chunk under
 * the lock (`withLock`), read again there, and only cells still empty are filled, so an edit made
 * since the header came back is kept. One read and one write per restored column per chunk.
 */
import { registerLayout } from '../../core/columns';
import { fieldToCell } from '../../core/register-row';
import { asCellText } from '../../core/sanitize';
import type { WorkOrderField } from '../../core/model';
import { findRowStateColumn, parseRowState } from './row-state';
import { BACKFILL_ROWS } from './row-state-backfill';
import { readHeaderRow } from './workbook';
import type { Sheet } from './apps-script-types';

export interface Refilled {
  /** Cells filled from their row's record. */
  filled: number;
  /** Cells left empty: the record keeps their text only as a print. */
  printed: number;
}

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** A value read with getValues, written back so that it reads the same (text stays text). */
function asWritten(value: unknown): unknown {
  return typeof value === 'string' ? asCellText(value).cell : value;
}

function refillChunk(
  sheet: Sheet,
  columns: ReadonlyArray<{ field: WorkOrderField; column: number }>,
  idColumn: number,
  stateColumn: number,
  first: number,
  count: number,
): Refilled {
  const ids = sheet.getRange(first, idColumn, count, 1).getValues();
  const states = sheet.getRange(first, stateColumn, count, 1).getValues();
  // A record counts for its row when the ids agree, or when the id column is the one restored.
  const idRestored = columns.some((c) => c.field === 'id');
  const records = states.map(([cell], i) => {
    const state = parseRowState(cell);
    const id = String(ids[i]?.[0] ?? '').trim();
    if (!state) return null;
    return (id === '' && idRestored) || state.order.id === id ? state : null;
  });
  const done: Refilled = { filled: 0, printed: 0 };
  for (const { field, column } of columns) {
    const range = sheet.getRange(first, column, count, 1);
    const cells = range.getValues();
    let changed = false;
    const next = cells.map(([cell], i) => {
      const state = records[i];
      if (!state || !isEmpty(cell)) return [asWritten(cell)];
      if (state.fingerprints[field] !== undefined) {
        done.printed++;
        return [''];
      }
      const value = fieldToCell(field, state.order);
      if (isEmpty(value)) return [''];
      changed = true;
      done.filled++;
      return [value];
    });
    if (changed) range.setValues(next);
  }
  return done;
}

/** Fills the restored columns named by `headers` from the rows' records. */
export function refillRestoredColumns(
  sheet: Sheet,
  headers: readonly string[],
  withLock: <T>(body: () => T) => T,
): Refilled {
  const total: Refilled = { filled: 0, printed: 0 };
  if (headers.length === 0) return total;
  const header = readHeaderRow(sheet);
  const layout = registerLayout(header);
  const stateIndex = findRowStateColumn(header);
  const idIndex = layout.indexOf.id;
  if (stateIndex < 0 || idIndex < 0) return total;
  const wanted = new Set(headers);
  const columns = (Object.keys(layout.indexOf) as WorkOrderField[])
    .filter((field) => layout.indexOf[field] >= 0 && wanted.has(String(header[layout.indexOf[field]])))
    .map((field) => ({ field, column: layout.indexOf[field] + 1 }));
  if (columns.length === 0) return total;
  for (let first = 2; first <= sheet.getLastRow(); first += BACKFILL_ROWS) {
    const count = Math.min(BACKFILL_ROWS, sheet.getLastRow() - first + 1);
    const done = withLock(() => refillChunk(sheet, columns, idIndex + 1, stateIndex + 1, first, count));
    total.filled += done.filled;
    total.printed += done.printed;
  }
  return total;
}
