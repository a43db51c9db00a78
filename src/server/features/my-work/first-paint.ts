/**
 * The orders the menu item draws at once, without reading the register. Every order in a technician's
 * hands or awaiting close is in the review queue (Document Properties, written only by the add-on's
 * own writers whenever an order's status, assignee, due date, priority or description changes) with a
 * summary of what a card shows: status, due, priority, what and where, the requester, a hold's reason,
 * long texts as previews. Not in it for work in hand: notes, results, actions taken, the asset, the
 * hours held and the revision.
 *
 * An order is drawn as remembered from the last checked opening (./card-cache) when the queue's
 * summary of it is still what it was then, else from the summary itself. Either way the view is
 * unchecked: the page asks myWorkLoad, which reads the rows and verifies each order's id, assignee,
 * status and revision, before it offers any step, and every step re-checks the revision under the
 * lock (the summary of work in hand has no revision, 0, which no row has: a step sent with it is
 * refused).
 *
 * Why: on a first opening (nothing remembered, or remembered more than six hours ago) a technician's
 * orders lie scattered over thousands of rows (116 over ~18,000 in the benchmark's busiest case at
 * 100,000 orders); reading them cost ~2 s of an opening. The queue already names which orders are
 * theirs, so it is also what says that none is missed: an order assigned since the last opening is
 * in it.
 */
import { emptyWorkOrder, type WorkOrder } from '../../../core/model';
import { entryFor, isQueueStatus, type QueueEntry } from '../../adapters/review-queue-entries';
import type { Remembered } from './card-cache';

export interface FirstPaintOrder {
  row: number;
  order: WorkOrder;
  /** Drawn from the queue's summary (previews, no notes): the page's check brings the rest. */
  summary: boolean;
}

const dateOf = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** The order as far as its queue entry tells it; what the entry does not keep is left empty. */
export function orderFromEntry(entry: QueueEntry): WorkOrder {
  return {
    ...emptyWorkOrder(),
    id: entry.id,
    woNumber: entry.woNumber,
    status: entry.status,
    priority: entry.priority,
    category: entry.category,
    assignee: entry.assignee,
    due: dateOf(entry.due),
    requestedAt: dateOf(entry.requestedAt),
    requesterEmail: entry.requesterEmail,
    requesterName: entry.requesterName,
    location: entry.location,
    description: entry.description,
    urgency: entry.urgency,
    resources: entry.resources,
    startedAt: dateOf(entry.startedAt),
    completedAt: dateOf(entry.completedAt),
    notes: entry.notes,
    results: entry.results,
    actions: entry.actions,
    reason: entry.reason,
    reviewFlag: entry.reviewFlag,
    revision: entry.revision,
  };
}

/** Texts the queue keeps as previews, which it shortens further (even to nothing) when it is large. */
const PREVIEWED: ReadonlySet<keyof QueueEntry> = new Set<keyof QueueEntry>([
  'description',
  'resources',
  'results',
  'actions',
  'reviewFlag',
  'notes',
  'reason',
]);

function samePreview(fresh: string, stored: string): boolean {
  if (stored === fresh || stored === '') return true;
  return stored.endsWith('…') && fresh.startsWith(stored.slice(0, -1).trimEnd());
}

/** Whether a remembered order still reads as the queue summarizes it now (row hints aside). */
function stillSummarized(order: WorkOrder, entry: QueueEntry): boolean {
  if (!isQueueStatus(order.status)) return false;
  const then = entryFor({ ...order, status: order.status }, entry.row);
  return (Object.keys(then) as (keyof QueueEntry)[]).every((field) => {
    if (field === 'row' || field === 'truncated') return true;
    const [a, b] = [then[field], entry[field]];
    return PREVIEWED.has(field) ? samePreview(String(a), String(b)) : a === b;
  });
}

/**
 * The orders `ids` for the first paint, in that order; null when the queue has no entry for one of
 * them (an index out of step with itself: the caller reads the register instead).
 */
export function firstPaintOrders(
  ids: readonly string[],
  entries: ReadonlyMap<string, QueueEntry>,
  remembered: ReadonlyMap<string, Remembered>,
): FirstPaintOrder[] | null {
  const out: FirstPaintOrder[] = [];
  for (const id of ids) {
    const entry = entries.get(id);
    if (!entry) return null;
    const kept = remembered.get(id);
    if (kept && stillSummarized(kept.order, entry))
      out.push({ row: kept.row, order: kept.order, summary: false });
    else out.push({ row: entry.row, order: orderFromEntry(entry), summary: true });
  }
  return out;
}
