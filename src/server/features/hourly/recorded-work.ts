/**
 * The open work as the add-on recorded it. Reminders and escalations are decided from cells (Status,
 * Due, Priority…), and every technician is an editor of the register: a script of their own can write
 * Due a month on, or Status = Completed, on an order that is overdue, and no edit trigger sees it. So
 * each open order's cells are compared with its row's record (core/row-state-codec, one read of the
 * column from the first open row down; the seal is checked only for a row that differs): where they
 * differ and the seal holds, the reminder is decided, and its email written, from the record. The
 * administrators are told once a day which orders read otherwise, to run Verify audit log.
 *
 * An order whose Status cell was written Closed is above the first open row the cells show when it was
 * the first open one: reminders.ts keeps the first open order as recorded in the owner's state, and
 * the next run reads from its row (HourlyRegister.includeFrom).
 *
 * What this cannot tell: a record rewritten along with the cells. Sealed, it reads as no record and the
 * cells count, as for any row without one (Verify audit log names it); records written before seals
 * existed are accepted by a job with no document (row-state-seal.ts unsealedAccepted).
 */
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../../core/model';
import { shownFieldValue } from '../../../core/field-changes';
import { recordedWhereDiffers } from '../../adapters/row-state-agreement';
import { reportProblem } from '../errors/report';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import type { HourlyRegister } from './register-view';

/** What reminders are decided from: compared with the record for every open order. */
const DECIDING: readonly WorkOrderField[] = ['status', 'due', 'priority', 'urgency', 'requestedAt'];
const DECIDING_SET: ReadonlySet<WorkOrderField> = new Set(DECIDING);

/**
 * The orders with the record's values where their cells differ; `original`: each such order → the one
 * read. The columns were read one after another while people may be working (an approval between the
 * Status read and the record's makes the two differ for a moment), so a row that differs is read again
 * whole, cells and record in one read, and counts only if it still differs.
 */
export function asRecorded(
  register: HourlyRegister,
  orders: readonly WorkOrder[],
  timeZone: string,
): { open: WorkOrder[]; original: Map<WorkOrder, WorkOrder> } {
  const original = new Map<WorkOrder, WorkOrder>();
  const suspects = orders.filter(
    (o) => recordedWhereDiffers(o, register.recordCell(o), DECIDING_SET) !== null,
  );
  if (suspects.length === 0) return { open: [...orders], original };
  const again = register.whole(suspects, timeZone);
  const open = orders.map((order) => {
    const full = again.get(order);
    const recorded = full && recordedWhereDiffers(full.order, full.record, DECIDING_SET);
    if (!recorded) return order;
    original.set(recorded, order);
    return recorded;
  });
  return { open, original };
}

/** The deciding fields of `order`, to lay over its whole row read for an email. */
export function pickRecorded(order: WorkOrder): Partial<WorkOrder> {
  const out: Partial<Record<WorkOrderField, unknown>> = {};
  for (const field of DECIDING) out[field] = order[field];
  return out as Partial<WorkOrder>;
}

/** One Errors row (and email) a day naming the orders whose cells differ from their record. */
export function reportRecorded(
  ss: Spreadsheet,
  source: string,
  original: ReadonlyMap<WorkOrder, WorkOrder>,
  timeZone: string,
  now: Date,
): void {
  const named = [...original].slice(0, 5).map(([recorded, read]) => {
    const fields = DECIDING.filter(
      (f) => shownFieldValue(f, read[f], timeZone, 40) !== shownFieldValue(f, recorded[f], timeZone, 40),
    );
    const detail = fields
      .map(
        (f) =>
          `${REGISTER_COLUMNS[f]} reads ${shownFieldValue(f, read[f], timeZone, 40)}, recorded ${shownFieldValue(f, recorded[f], timeZone, 40)}`,
      )
      .join(', ');
    return `${read.woNumber || read.id} (${detail})`;
  });
  const more = original.size > named.length ? ` and ${original.size - named.length} more` : '';
  reportProblem(
    ss,
    {
      source: `${source} › reminders`,
      message:
        `${original.size} open work order(s) read otherwise than Work Orders recorded them, changed outside Work Orders: ` +
        `${named.join('; ')}${more}. Their reminders and escalations went by the record. Run Verify audit log to put the values back.`,
      key: 'reminders by the record',
    },
    now,
  );
}
