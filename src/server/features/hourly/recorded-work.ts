/**
 * The open work as the add-on recorded it. Reminders and escalations are decided from cells (Status,
 * Due, Priority…), and every technician is an editor of the register: a script of their own can write
 * Due a month on, or Status = Completed, on an order that is overdue, and no edit trigger sees it. So
 * each open order's cells are compared with its row's record (core/row-state-codec, one read of the
 * column from the first open row down, and the seal of each): where they
 * differ and the seal holds, the reminder is decided, and its email written, from the record. The
 * administrators are told once a day which orders read otherwise, to run Verify audit log.
 *
 * An order whose Status cell was written Closed is above the first open row the cells show when it was
 * the first open one: reminders.ts keeps the first open order as recorded in the owner's state, and
 * the next run reads from its row (HourlyRegister.includeFrom).
 *
 * A record rewritten along with the cells (emptied, an unsealed one once every row was sealed, one
 * whose seal does not hold, another order's) is no record: every row's seal is checked, the cells then
 * count, and the administrators are told of those rows in the same daily report. The hourly job has no
 * document: it reads the sealed flag from the installation owner's copy (row-state-seal.ts). What a seal
 * cannot tell, a sealed record of the same order from an earlier revision written back with its cells,
 * is Verify audit log's part.
 */
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../../core/model';
import { shownFieldValue } from '../../../core/field-changes';
import { recordStanding } from '../../adapters/row-state-agreement';
import { reportProblem } from '../errors/report';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import type { HourlyRegister } from './register-view';

/** What reminders are decided from: compared with the record for every open order. */
const DECIDING: readonly WorkOrderField[] = ['status', 'due', 'priority', 'urgency', 'requestedAt'];
const DECIDING_SET: ReadonlySet<WorkOrderField> = new Set(DECIDING);

/** The open work as recorded (see the file's comment), with the rows whose record is not the add-on's. */
export interface RecordedWork {
  open: WorkOrder[];
  /** Each order given its record's values → the order as its cells read. */
  original: Map<WorkOrder, WorkOrder>;
  /** Orders whose row holds no record the add-on wrote: their cells count, and the administrators hear. */
  unvouched: WorkOrder[];
}

/**
 * The orders with the record's values where their cells differ. The columns were read one after
 * another while people may be working (an approval between the Status read and the record's makes the
 * two differ for a moment; a sort moves another order into the row), so a row that differs, or whose
 * record is not vouched for, is read again whole, cells and record in one read, and counts only if it
 * still does.
 */
export function asRecorded(
  register: HourlyRegister,
  orders: readonly WorkOrder[],
  timeZone: string,
): RecordedWork {
  const original = new Map<WorkOrder, WorkOrder>();
  const unvouched: WorkOrder[] = [];
  // Undefined: an order added this run, or a register without the column (nothing to compare).
  const standing = (order: WorkOrder, cell: unknown) =>
    cell === undefined ? null : recordStanding(order, cell, DECIDING_SET);
  const suspects = orders.filter((o) => {
    const s = standing(o, register.recordCell(o));
    return s !== null && (!s.vouched || s.recorded !== null);
  });
  if (suspects.length === 0) return { open: [...orders], original, unvouched };
  const again = register.whole(suspects, timeZone);
  const open = orders.map((order) => {
    const full = again.get(order);
    const s = full ? standing(full.order, full.record) : null;
    if (!s) return order;
    if (!s.vouched) {
      unvouched.push(order);
      return order;
    }
    if (!s.recorded) return order;
    original.set(s.recorded, order);
    return s.recorded;
  });
  return { open, original, unvouched };
}

/** The deciding fields of `order`, to lay over its whole row read for an email. */
export function pickRecorded(order: WorkOrder): Partial<WorkOrder> {
  const out: Partial<Record<WorkOrderField, unknown>> = {};
  for (const field of DECIDING) out[field] = order[field];
  return out as Partial<WorkOrder>;
}

/**
 * One Errors row (and email) a day naming the orders whose cells differ from their record, and those
 * whose row holds no record the add-on wrote.
 */
export function reportRecorded(
  ss: Spreadsheet,
  source: string,
  work: Pick<RecordedWork, 'original' | 'unvouched'>,
  timeZone: string,
  now: Date,
): void {
  const { original, unvouched } = work;
  if (original.size === 0 && unvouched.length === 0) return;
  const shown = (f: WorkOrderField, order: WorkOrder) => shownFieldValue(f, order[f], timeZone, 40);
  const named = [...original].slice(0, 5).map(([recorded, read]) => {
    const detail = DECIDING.filter((f) => shown(f, read) !== shown(f, recorded))
      .map((f) => `${REGISTER_COLUMNS[f]} reads ${shown(f, read)}, recorded ${shown(f, recorded)}`)
      .join(', ');
    return `${read.woNumber || read.id} (${detail})`;
  });
  const more = (n: number, of: number) => (n > of ? ` and ${n - of} more` : '');
  const otherwise =
    original.size > 0
      ? `${original.size} open work order(s) read otherwise than Work Orders recorded them, changed outside Work Orders: ` +
        `${named.join('; ')}${more(original.size, named.length)}. Their reminders and escalations went by the record. `
      : '';
  const ids = unvouched.slice(0, 5).map((o) => o.woNumber || o.id);
  const unrecorded =
    unvouched.length > 0
      ? `${unvouched.length} work order(s) from the first open one down have no record that Work Orders wrote in the ` +
        `hidden Last Known State column (it was emptied or written outside Work Orders): ${ids.join(', ')}` +
        `${more(unvouched.length, ids.length)}. Their reminders and escalations went by what their cells say, ` +
        'which may have been changed with it. '
      : '';
  reportProblem(
    ss,
    {
      source: `${source} › reminders`,
      message: `${otherwise}${unrecorded}Run Verify audit log to put the values back.`,
      key: 'reminders by the record',
    },
    now,
  );
}
