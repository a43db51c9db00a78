/**
 * Looking up one work order by request id or work-order number (to reassign or cancel work that is
 * not in the queue, or to show the full text of a shortened preview). Reads the register's id (or
 * WO Number) column once and the row once; never the whole register.
 */
import { parseWoNumber } from '../../../core/ids';
import type { Register, LocatedOrder } from '../../adapters/register';

export function findOrder(register: Register, query: string): LocatedOrder | null {
  const byWoNumber = parseWoNumber(query.trim().toUpperCase()) !== null;
  const row = register.rowOf(byWoNumber ? 'woNumber' : 'id', query);
  return row === null ? null : register.readAt(row);
}
