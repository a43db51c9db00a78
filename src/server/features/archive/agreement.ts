/**
 * Why a row due for the Archive stays in the register: its cells disagree with its Last Known State
 * (adapters/row-state-agreement.ts), or it has no record the add-on sealed.
 *
 * Why: a technician is an editor of the register, so a script of their own (no edit trigger fires)
 * can write Status = Cancelled and Closed At, Decided At or any other date older than the retention
 * period on an open order. Archiving reads only the row, so the next run would move a live order out
 * of everyone's view. The rows a run plans from, and those a chunk reads again under the locks, are
 * read whole, the record column with them: comparing costs no service call. A row that disagrees is
 * left where it is and named in the run's summary; Verify audit log puts its values back from the
 * change log (and its record with them), after which the next run archives it if it is still due.
 * A register without the record column (before setup added it) is archived as before.
 */
import type { RegisterLayout } from '../../../core/columns';
import type { WorkOrder } from '../../../core/model';
import { disagreementDetail, rowDisagreement } from '../../adapters/row-state-agreement';

/** A due order kept in the register, and what its administrator is told. */
export interface KeptChangedOutside {
  id: string;
  message: string;
}

const PUT_BACK = 'run Verify audit log to put back values changed outside Work Orders';

/** Why `order` (read from `cells`) may not be archived, or null when its row agrees with its record. */
export function changedOutside(
  order: WorkOrder,
  cells: readonly unknown[],
  layout: RegisterLayout,
  stateIndex: number,
  timeZone: string,
): KeptChangedOutside | null {
  const disagreement = rowDisagreement(order, cells, layout, stateIndex, timeZone);
  if (!disagreement) return null;
  const ref = order.woNumber ? `${order.woNumber} (${order.id})` : order.id;
  const detail = disagreementDetail(disagreement);
  const message =
    disagreement.kind === 'no record'
      ? `${ref} was not archived and stays in the register: ${detail}, so its row may have been changed outside Work Orders: ${PUT_BACK}, then Set up work orders to record the row again.`
      : `${ref} was not archived and stays in the register: ${detail}. ${disagreement.fields.length === 1 ? 'It was' : 'They were'} changed outside Work Orders: ${PUT_BACK}; a later run archives it if it is still due.`;
  return { id: order.id, message };
}
