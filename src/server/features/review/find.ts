/**
 * Looking up one work order by request id or work-order number (to reassign or cancel work that is
 * not in the queue, to show the full text of a shortened preview, or for a reply or an update form
 * naming it). Tries the rows the review queue's index suggests first, each checked by what it holds,
 * and reads the register's id (or WO Number) column only when none holds it
 * (adapters/register-lookup.ts); never the whole register.
 */
import { findOrderByQuery } from '../../adapters/register-lookup';
import type { Register, LocatedOrder } from '../../adapters/register';

/** `moreHints`: rows the caller remembers for the order, tried like the queue's. */
export function findOrder(
  register: Register,
  query: string,
  moreHints: readonly number[] = [],
): LocatedOrder | null {
  return findOrderByQuery(register, query, moreHints);
}
