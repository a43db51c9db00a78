/**
 * Finding one order by the request id or work-order number someone gave (a reply form, the update
 * form, the sidebar's look-up, mail owed by a failed execution) without reading a whole register
 * column on the common path. Rows worth trying come first, each read alone and used only when it
 * holds what was asked for (people sort and insert rows, so every hint may be stale):
 *  - where the review queue's index (document properties, kept by every writer under the lock) last
 *    saw the order: every order awaiting a supervisor, the ones a reply or a look-up is usually about;
 *  - for a request id, where the order would be if no one has reordered the rows since: ids are issued
 *    in increasing order and appended at the bottom, and the index records the highest id among the
 *    rows up to its last row, so the id n rows below that one is n rows above that row;
 *  - any the caller knows (My work's remembered rows of the technician's orders).
 * When none holds it, one read of the column finds it (Register.rowOf), never the whole register: a wrong hint costs
 * one row's read. Nothing is trusted from a hint but the row number: the row's own cells decide.
 */
import { parseRequestId, parseWoNumber } from '../../core/ids';
import type { LocatedOrder, Register } from './register';
import { QueueSession } from './review-queue';

/** Hinted rows tried at most, each one read, before the column is read. */
const MOST_HINTS = 3;

/** Rows where the review queue's index suggests `query`'s order is (see above); [] without an index. */
export function queueRowHints(query: string): number[] {
  const index = QueueSession.open()?.kept;
  if (!index) return [];
  const wanted = query.trim().toUpperCase();
  const byWoNumber = parseWoNumber(wanted) !== null;
  const rows: number[] = [];
  for (const entry of index.entries.values()) {
    const key = byWoNumber ? entry.woNumber : entry.id;
    if (key.trim().toUpperCase() === wanted) rows.push(entry.row);
  }
  const seq = byWoNumber ? null : parseRequestId(wanted);
  if (seq !== null && index.maxSeq > 0) rows.push(index.lastRow - (index.maxSeq - seq));
  return rows;
}

/**
 * The order whose request id (or work-order number, when `query` reads as one) is `query`, trimmed
 * and in any case: at the first of the hinted rows that holds it, else found by reading the column.
 */
export function findOrder(
  register: Register,
  query: string,
  moreHints: readonly number[] = [],
): LocatedOrder | null {
  const wanted = query.trim().toUpperCase();
  const field = parseWoNumber(wanted) !== null ? 'woNumber' : 'id';
  const column = register.layout.indexOf[field];
  const hints = [...new Set([...queueRowHints(query), ...moreHints])].filter(
    (r) => Number.isInteger(r) && r >= 2,
  );
  for (const row of hints.slice(0, MOST_HINTS)) {
    let cells: unknown[] | undefined;
    try {
      cells = register.readRows(row, 1)[0];
    } catch {
      continue; // Past the sheet's end: rows were deleted since the hint was taken.
    }
    if (
      cells &&
      String(cells[column] ?? '')
        .trim()
        .toUpperCase() === wanted
    )
      return register.located(row, cells);
  }
  const row = register.rowOf(field, query);
  return row === null ? null : register.readAt(row);
}
