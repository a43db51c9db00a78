/**
 * Looking up one work order by request id or work-order number (to reassign or cancel work that is
 * not in the queue, or to show the full text of a shortened preview). Reads the register's id (or
 * WO Number) column once and the row once; never the whole register.
 */
import { parseWoNumber } from '../../../core/ids';
import type { Register, LocatedOrder } from '../../adapters/register';

function rowOf(register: Register, column: number, wanted: string): number | null {
  const last = register.sheet.getLastRow();
  if (last < 2 || column < 0) return null;
  const values = register.sheet.getRange(2, column + 1, last - 1, 1).getValues();
  const at = values.findIndex((r) => String(r[0]).trim().toUpperCase() === wanted);
  return at < 0 ? null : at + 2;
}

export function findOrder(register: Register, query: string): LocatedOrder | null {
  const wanted = query.trim().toUpperCase();
  const byWoNumber = parseWoNumber(wanted) !== null;
  const column = byWoNumber ? register.layout.indexOf.woNumber : register.layout.indexOf.id;
  const row = rowOf(register, column, wanted);
  return row === null ? null : register.readAt(row);
}
