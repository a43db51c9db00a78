/**
 * What every sidebar action shares once it is allowed: its change-log rows, the queue saved, and the
 * plain-language refusal when someone else changed the order since the sidebar showed it.
 */
import { formatFieldValue, type FieldChange } from '../../../core/field-changes';
import { REGISTER_COLUMNS, type WorkOrder } from '../../../core/model';
import type { UnhashedEntry } from '../../../core/audit';
import type { Refusal } from '../../../shared/review';
import type { ReviewIndex } from '../../adapters/review-queue-entries';
import type { QueueSession } from '../../adapters/review-queue';
import type { MailIntent } from '../../adapters/change-log-mail';
import type { LocatedOrder } from '../../adapters/register';
import type { ActOutcome } from './act';
import type { Reviewer } from './caller';
import { itemFromOrder } from './view';

/**
 * An action's budget is 8 Spreadsheet calls: the register takes 4 (sheet, header, row, write) and the
 * change log up to 4 when its tail is not cached (last row, row count, hash, write). No call is left
 * for the log's early growth; it still grows when an append would not fit.
 */
export const LOG_UPKEEP = { spareCalls: 0 };

/**
 * Someone else changed the order meanwhile: said plainly, with the order as it is now so the sidebar
 * can redraw its card, and nothing done.
 */
export function staleRefusal(order: WorkOrder, row: number, openQuestion?: string): Refusal {
  const ref = order.woNumber || order.id;
  // A question out is said here: the refused decision may well be one to wait with until the reply.
  const asked = openQuestion
    ? `, and its requestor was asked "${openQuestion}" and has not replied yet (the reply will show on its card)`
    : '';
  return {
    ok: false,
    message:
      `Someone else changed ${ref} after you opened it; it is now ${order.status}${asked}. ` +
      'Nothing was changed: its card now shows the latest, so check it and try again if still needed.',
    current: itemFromOrder(order, row),
  };
}

/** A change-log line of the reviewer's action on order `id`. */
export function sidebarLine(
  id: string,
  reviewer: Reviewer,
  now: Date,
  line: Pick<UnhashedEntry, 'field' | 'oldValue' | 'newValue'>,
): UnhashedEntry {
  return { at: now, user: reviewer.email, source: 'sidebar', recordId: id, ...line };
}

export function logEntries(
  id: string,
  reviewer: Reviewer,
  now: Date,
  changes: readonly FieldChange[],
): UnhashedEntry[] {
  return changes.map((c) =>
    sidebarLine(id, reviewer, now, {
      field: REGISTER_COLUMNS[c.field],
      oldValue: formatFieldValue(c.oldValue),
      newValue: formatFieldValue(c.newValue),
    }),
  );
}

/**
 * What an action that went through answers: what it did, the row, and the queue saved (finding the row
 * may have refreshed its row hints) with its change marker.
 */
export function committedOutcome(
  done: Omit<ActOutcome, 'ok' | 'row' | 'index' | 'marker' | 'mailIntent'>,
  located: LocatedOrder,
  session: QueueSession,
  mailIntent: MailIntent | null,
): ActOutcome {
  return {
    ok: true,
    ...done,
    row: located.row,
    index: saveQueue(session),
    marker: session.marker,
    mailIntent,
  };
}

/** Saves the queue; an index that cannot be saved is dropped (the next load rebuilds it). */
export function saveQueue(session: QueueSession): ReviewIndex | null {
  try {
    session.save();
    return session.index;
  } catch (error) {
    console.error(`Review queue not saved (it will be rebuilt): ${String(error)}`);
    session.invalidate();
    return null;
  }
}
