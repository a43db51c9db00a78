/**
 * What Verify audit log offers once it has shown register values the change log does not vouch for
 * (./register-check): to put them back as the log says, when the administrator answers Yes. Typing
 * the value back is not always enough: when the hidden Last Known State was rewritten along with the
 * cell, the edit trigger judges the typing against the forged record (Completed → In Progress is no
 * step of the lifecycle) and refuses it.
 *
 * Under the document lock, each order's row is read again at the row Verify found it on; it is put
 * back only when its id is still there and every cell still holds what Verify showed (an edit made
 * since is the person's, and left alone: Verify runs again). The row is written in one call with its
 * record made from the corrected values, and each value put back is logged as "<column> (put back)",
 * from what was found to what the log says: a log line under its own name, so the order's history
 * (and what the next Verify trusts) is unchanged.
 */
import type { UnhashedEntry } from '../../../core/audit';
import { parseRegisterRow } from '../../../core/columns';
import { cellText } from '../../../core/headers';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../../core/model';
import { writeChangeLog } from '../../adapters/change-log';
import { withDocumentLock } from '../../adapters/document-lock';
import { Register, type LocatedOrder } from '../../adapters/register';
import { syncQueueFor } from '../../adapters/review-queue';
import { foundText, readField, valueOf, type RegisterFinding } from './register-check';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface PutBackOutcome {
  /** Orders whose row was put back, in the order found. */
  orders: string[];
  /** Orders left as they are, each with why. */
  skipped: string[];
  /** Rows with findings not looked at in this run (beyond PUT_BACK_ROWS_PER_RUN). */
  remaining: number;
}

/**
 * Rows put back per run, all under one hold of the document lock: each is read again and written (about
 * a third of a second of calls), so 20 rows keep the hold under ten seconds, as long as an edit or a
 * submission waits for the lock. The rest are named and left for the next run of Verify audit log.
 */
export const PUT_BACK_ROWS_PER_RUN = 20;

const FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];

/** The row's order, field by field when it does not read as a whole; null when a field cannot be read. */
function currentOrder(
  cells: readonly unknown[],
  register: Register,
  id: string,
  fixing: ReadonlySet<WorkOrderField>,
) {
  const parsed = parseRegisterRow(cells, register.layout);
  if (parsed.ok) return { order: parsed.order };
  const order = {} as Record<WorkOrderField, unknown>;
  for (const field of FIELDS) {
    const read = readField(cells, register.layout, id, field);
    if (read.ok) order[field] = read.value;
    else if (!fixing.has(field)) return { unreadable: REGISTER_COLUMNS[field] };
  }
  return { order: order as unknown as WorkOrder };
}

export function putBackFromLog(
  ss: Spreadsheet,
  findings: readonly RegisterFinding[],
  user: string,
  timeZone: string,
  now: Date,
): PutBackOutcome {
  // By row as well as id: two rows holding one id (one of them a copy) are two rows to look at.
  const byId = new Map<string, RegisterFinding[]>();
  // A finding in words (register-history-check.ts) is no value to put back: logging one would give a
  // made-up row a history, or rewrite the record of an order whose history is what is in question.
  for (const f of findings) {
    if (f.note) continue;
    const at = `${f.id}\u0000${f.row}`;
    byId.set(at, [...(byId.get(at) ?? []), f]);
  }
  const rows = [...byId.values()];
  const thisRun = rows.slice(0, PUT_BACK_ROWS_PER_RUN);
  const outcome: PutBackOutcome = { orders: [], skipped: [], remaining: rows.length - thisRun.length };
  withDocumentLock(() => {
    const register = Register.open(ss, { shareHeader: false });
    const entries: UnhashedEntry[] = [];
    const writes: { located: LocatedOrder; order: WorkOrder }[] = [];
    for (const list of thisRun) {
      const { id, row } = list[0] as RegisterFinding;
      const cells = register.readRows(row, 1)[0] ?? [];
      if (cellText(cells[register.layout.indexOf.id]).trim() !== id) {
        outcome.skipped.push(`${id}: its row moved since Verify read it (run Verify audit log again)`);
        continue;
      }
      const inCells = list.filter((f) => f.put && !f.put.inState);
      const stale = inCells.some(
        (f) =>
          foundText(cells, register.layout, id, f.put?.field as WorkOrderField, timeZone).text !== f.found,
      );
      if (stale) {
        outcome.skipped.push(`${id}: changed since Verify read it (run Verify audit log again)`);
        continue;
      }
      const fixing = new Set(inCells.map((f) => f.put?.field as WorkOrderField));
      const current = currentOrder(cells, register, id, fixing);
      if (!('order' in current) || !current.order) {
        outcome.skipped.push(
          `${id}: its ${current.unreadable} cell holds what no order can; correct it by hand`,
        );
        continue;
      }
      const next: WorkOrder = { ...current.order, revision: (current.order.revision || 0) + 1 };
      for (const f of inCells) {
        const value = valueOf(f.put?.field as WorkOrderField, f.put?.logged ?? '');
        if (value !== undefined) (next as unknown as Record<string, unknown>)[f.put?.field as string] = value;
      }
      writes.push({ located: { row, order: current.order, cells }, order: next });
      outcome.orders.push(id);
      for (const f of list)
        entries.push({
          at: now,
          user,
          source: 'system',
          recordId: id,
          field: `${f.field} (put back)`,
          oldValue: f.found,
          newValue: f.trusted,
        });
    }
    if (writes.length === 0) return;
    // As every writer: the log rows, the register, then the log's commit.
    const logged = writeChangeLog(ss, entries);
    for (const { located, order } of writes) register.write(located, order);
    logged.commit();
    syncQueueFor(writes.map(({ located, order }) => ({ row: located.row, order })));
  });
  return outcome;
}

/** What the administrator is told after putting values back. */
export function describePutBack(outcome: PutBackOutcome): string {
  const done =
    outcome.orders.length > 0
      ? `Put back as the change log says, and logged: ${outcome.orders.join(', ')}.`
      : 'Nothing was put back.';
  const left = outcome.skipped.length > 0 ? ` Left as they are: ${outcome.skipped.join('; ')}.` : '';
  const more =
    outcome.remaining > 0
      ? ` ${outcome.remaining} more row(s) were not looked at, so that nobody waits long for the spreadsheet: run Verify audit log again to put back the next ${PUT_BACK_ROWS_PER_RUN}.`
      : '';
  return done + left + more;
}
