/**
 * Finding one order's row by request id in the register: at a hinted row first (one read), else by
 * its id column. Apart from ./register, which holds the sheet and its writes, because it decides only
 * which rows to read, through the Register's own batched reads; the wider look-up that also tries the
 * review queue's hints and work-order numbers is ./register-lookup.
 */
import type { LocatedOrder, Register } from './register';

type RowReader = Pick<Register, 'layout' | 'lastRow' | 'readRows' | 'readColumn' | 'located'>;

/**
 * The order whose id is `id`: at `hint` when that row holds it, else at the first row of the id column
 * that does (users sort and insert rows, so hints go stale). Null when no row holds it.
 */
export function findById(register: RowReader, id: string, hint?: number): LocatedOrder | null {
  const last = register.lastRow();
  if (last < 2) return null;
  const idIndex = register.layout.indexOf.id;
  if (hint !== undefined && Number.isInteger(hint) && hint >= 2 && hint <= last) {
    const cells = register.readRows(hint, 1)[0];
    if (cells && String(cells[idIndex]) === id) return register.located(hint, cells);
  }
  const ids = register.readColumn(idIndex, 2, last - 1);
  const at = ids.findIndex((cell) => String(cell) === id);
  if (at < 0) return null;
  return register.located(at + 2, register.readRows(at + 2, 1)[0] ?? []);
}

/** The order at `row` when that row holds `id` (one read, no last-row lookup), else null. */
export function orderAtRow(register: RowReader, id: string, row: number): LocatedOrder | null {
  if (!Number.isInteger(row) || row < 2) return null;
  let cells: unknown[] | undefined;
  try {
    cells = register.readRows(row, 1)[0];
  } catch {
    // The hint points past the sheet's end (rows were deleted since it was taken).
    return null;
  }
  if (!cells || String(cells[register.layout.indexOf.id]) !== id) return null;
  return register.located(row, cells);
}
