/**
 * What Verify audit log checks of the register: every order the change log knows as live (created,
 * not archived since) still has its row. A row deleted by hand fires no trigger; this is where an
 * administrator learns of it before the hourly job puts it back (features/integrity/restore.ts).
 */
import { parseChanges } from '../../../core/change-lines';
import { LOG_COLUMN } from '../../../core/change-log-row';
import { ARCHIVED_FIELD, CREATED_FIELD, compareIds } from '../../../core/replay';
import { Register } from '../../adapters/register';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Request id → live (true) or archived (false), as the rows read so far say. */
export type LiveRecords = Map<string, boolean>;

/**
 * Notes what these rows (verified log rows, `count` of them, the first at sheet row `firstRow`) say
 * of creations and moves to the Archive. Rows past `lastCommittedRow` were written by a change that
 * had not finished: the next append keeps a move whose order is gone and drops a creation whose order
 * never landed, so there a move counts and a creation does not.
 */
export function collectLive(
  rows: readonly (readonly unknown[])[],
  count: number,
  firstRow: number,
  lastCommittedRow: number,
  into: LiveRecords,
): void {
  for (let i = 0; i < count; i++) {
    const changes = rows[i]?.[LOG_COLUMN.changes];
    if (typeof changes !== 'string') continue;
    if (!changes.includes(CREATED_FIELD) && !changes.includes(ARCHIVED_FIELD)) continue;
    const id = String(rows[i]?.[LOG_COLUMN.recordId] ?? '').trim();
    const committed = firstRow + i <= lastCommittedRow;
    for (const line of parseChanges(changes)) {
      if (line.field === CREATED_FIELD) {
        if (committed) into.set(id, true);
      } else if (line.field === ARCHIVED_FIELD) into.set(id, false);
    }
  }
}

/**
 * Live orders with no register row, in id order. `known`: ids the register held when read before the
 * log; only when one is missing from them is the register's id column read (an order made since).
 */
export function missingOrders(
  ss: Spreadsheet,
  live: LiveRecords,
  known: ReadonlySet<string> | null = null,
): string[] {
  if (live.size === 0) return [];
  if (known && [...live].every(([id, isLive]) => !isLive || known.has(id))) return [];
  const present = new Set(
    Register.open(ss)
      .readIds()
      .map((id) => id.trim()),
  );
  const missing: string[] = [];
  for (const [id, isLive] of live) if (isLive && !present.has(id)) missing.push(id);
  return missing.sort(compareIds);
}
