/**
 * The supervisor review queue: an index, in Document Properties, of the work orders awaiting a
 * supervisor (Submitted, Approved and not yet assigned, Completed), with the summary the sidebar
 * shows of each and every technician's open load. The sidebar opens from it with one property read
 * instead of reading the register (at 100k rows that is ~2.8M cells, ~28 s in Apps Script).
 *
 * Storage: one JSON document as a chunked value at `wo.review.index` (./chunked-property), written
 * with one setProperties and read with one getProperties; a torn or mixed write reads as corrupt and
 * is rebuilt rather than trusted.
 *
 * Keeping it true: every writer of the register calls this API under the document lock.
 *   - `syncQueueFor(orders)` after changing orders (any status: they enter or leave the queue);
 *     with `{ appended: true }` after appending rows (intake).
 *   - `removeQueueEntries(ids)` when rows leave the register; `invalidateReviewQueue()` when rows
 *     were deleted or moved in bulk (archiving): the next load rebuilds.
 * Where there is no document (the hourly job appends reconciled responses with no document
 * properties), the calls do nothing; the index remembers the register's last row, and the next load
 * indexes the rows appended since with one read of the tail.
 *
 * Building it (./review-queue-load, ./review-queue-build) takes several short holds of the lock; in
 * between, the part-built index is stored (`scanNext` > 0) and writers keep it true like a complete
 * one (`kept`), while readers (`index`) wait for it to be complete.
 */
import type { WorkOrder } from '../../core/model';
import { PROPERTY_KEYS } from './document-properties';
import { chunkedValues, readChunked } from './chunked-property';
import { decodeIndex, fitToBudget } from './review-queue-codec';
import { advanceWatermark, applyOrder, removeIds, type ReviewIndex } from './review-queue-entries';
import { documentPropertiesOrNull } from './service-handles';
import { documentLockHold } from './document-lock';
import type { Properties } from './apps-script-types';

const META_KEY = PROPERTY_KEYS.reviewIndex;

/** An order and the row it is on. */
export interface QueueSource {
  row: number;
  order: WorkOrder;
}

export type Stored =
  | { kind: 'ok'; index: ReviewIndex }
  | { kind: 'missing' }
  | { kind: 'corrupt' }
  /** Too many orders await a supervisor to fit: every load reads the register (slow path). */
  | { kind: 'overflow' };

/** Reads the index out of a getProperties() snapshot. */
export function readStored(snapshot: Record<string, string>): Stored {
  const stored = readChunked((key) => snapshot[key], META_KEY);
  if (stored.kind !== 'ok') return stored;
  if (stored.meta.overflow === true) return { kind: 'overflow' };
  const index = decodeIndex(stored.text);
  return index ? { kind: 'ok', index } : { kind: 'corrupt' };
}

/**
 * The properties that store `index` (emptying the pieces of a longer earlier version). Mutates the
 * index's previews when it must shrink to fit.
 */
export function indexProperties(
  index: ReviewIndex,
  snapshot: Record<string, string>,
): Record<string, string> {
  const json = fitToBudget(index);
  return json === null
    ? chunkedValues(META_KEY, '', {
        meta: { overflow: true, entries: index.entries.size },
        previous: snapshot,
      })
    : chunkedValues(META_KEY, json, { previous: snapshot, inline: false });
}

/**
 * Small values another feature wants written with the queue's next save in the same hold of the
 * document lock (one setProperties call instead of a call of their own): each computed when the save
 * happens, from the properties as they then stand. Dropped unsaved when the hold ends first, so a
 * rider may only record what stays true if it is never written (features/checklists/tabs.ts).
 */
let riders: { hold: number | null; values: () => Record<string, string> } | null = null;

export function rideWithQueueSave(values: () => Record<string, string>): void {
  riders = { hold: documentLockHold(), values };
}

function riderValues(): Record<string, string> {
  const current = riders;
  riders = null;
  return current && current.hold !== null && current.hold === documentLockHold() ? current.values() : {};
}

/**
 * One read of the queue for an execution that will change it; the caller holds the document lock
 * from `open` to `save`. Null where there are no document properties (no document: the hourly job).
 */
export class QueueSession {
  private changed = false;
  private constructor(
    private readonly store: Properties,
    /** Every document property as read (actions take the work-order counter from it). */
    readonly snapshot: Record<string, string>,
    private stored: Stored,
  ) {}

  static open(): QueueSession | null {
    const store = documentPropertiesOrNull();
    if (!store) return null;
    const snapshot = store.getProperties();
    return new QueueSession(store, snapshot, readStored(snapshot));
  }

  /**
   * The index when it is complete, else null (none, or still being built: the next load builds it).
   * Readers (the sidebar's refreshed list, row hints) use this.
   */
  get index(): ReviewIndex | null {
    const index = this.kept;
    return index && index.scanNext === 0 ? index : null;
  }

  /** The stored index, complete or part-built: writers keep either true for the rows they change. */
  get kept(): ReviewIndex | null {
    return this.stored.kind === 'ok' ? this.stored.index : null;
  }

  apply(sources: readonly QueueSource[]): void {
    const index = this.kept;
    if (!index) return;
    for (const { row, order } of sources) applyOrder(index, row, order);
    this.changed = true;
  }

  appended(sources: readonly QueueSource[]): void {
    const index = this.kept;
    if (!index) return;
    this.apply(sources);
    const rows = sources.map((s) => ({ row: s.row, id: s.order.id }));
    // Appended at or above the last row seen: rows were deleted unannounced, so rebuild.
    if (!advanceWatermark(index, rows)) this.invalidate();
  }

  remove(ids: readonly string[]): void {
    const index = this.kept;
    if (!index) return;
    removeIds(index, ids);
    this.changed = true;
  }

  /** Row hints from a fresh read of the id column (after users sorted or inserted rows). */
  refreshRows(ids: readonly string[]): void {
    const index = this.kept;
    if (!index) return;
    ids.forEach((id, i) => {
      const entry = index.entries.get(id);
      if (entry && entry.row !== i + 2) {
        entry.row = i + 2;
        this.changed = true;
      }
    });
  }

  invalidate(): void {
    this.store.deleteProperty(META_KEY);
    this.stored = { kind: 'missing' };
    this.changed = false;
  }

  /** The properties `save` would write (null: unchanged), for a caller that writes them itself. */
  unsaved(): Record<string, string> | null {
    const index = this.kept;
    if (!index || !this.changed) return null;
    return { ...riderValues(), ...indexProperties(index, this.snapshot) };
  }

  /** Writes the index back, in one setProperties call, if it changed. */
  save(): void {
    const index = this.kept;
    if (!index || !this.changed) return;
    const values = { ...riderValues(), ...indexProperties(index, this.snapshot) };
    this.store.setProperties(values);
    this.snapshot[META_KEY] = values[META_KEY] ?? '';
    this.changed = false;
  }

  /** The queue's change marker as this session last read or wrote it (see queueMarker). */
  get marker(): string {
    return this.stored.kind === 'missing' ? '' : (this.snapshot[META_KEY] ?? '');
  }
}

/**
 * Runs a queue update for another feature without ever failing it: the register change it follows is
 * already made, and an index that could not be updated is dropped, to be rebuilt by the next load.
 */
function updateQuietly(update: (session: QueueSession) => void): void {
  let session: QueueSession | null = null;
  try {
    session = QueueSession.open();
    if (!session) return;
    update(session);
    session.save();
  } catch (error) {
    console.error(`Review queue not updated (it will be rebuilt): ${String(error)}`);
    try {
      session?.invalidate();
    } catch {
      // Nothing more can be done here; a corrupt index is rebuilt when it is next read.
    }
  }
}

// ---- The API for the register's other writers (call under the document lock) ----

/**
 * Makes the queue agree with `orders` as they now are in the register: an order enters, moves within
 * or leaves the queue, and the assignee loads follow. `appended: true` when the rows were just
 * appended at the end of the register (intake), so the index also records how far it has seen.
 */
export function syncQueueFor(orders: readonly QueueSource[], options: { appended?: boolean } = {}): void {
  if (orders.length === 0) return;
  updateQuietly((session) => (options.appended ? session.appended(orders) : session.apply(orders)));
}

/**
 * What syncQueueFor would write, returned instead of written, for a writer that records it in the
 * change-log checkpoint's own setProperties call (one round trip, and the two land together): an edit
 * (`orders`) or an intake (`appended`, the row it landed on asked through `rowOf`, a read, only when an
 * index is stored). {} when there is no stored index to keep true. Null when it could not be worked
 * out: the index is then dropped (rebuilt by the next load); an index left unwritten is only behind.
 * Never fails the caller.
 */
export function queuePropertiesFor(
  orders: readonly QueueSource[] | { appended: WorkOrder; rowOf: () => number },
): Readonly<Record<string, string>> | null {
  if (Array.isArray(orders) && orders.length === 0) return {};
  let session: QueueSession | null = null;
  try {
    session = QueueSession.open();
    if (!session?.kept) return {};
    if ('appended' in orders) session.appended([{ row: orders.rowOf(), order: orders.appended }]);
    else session.apply(orders);
    return session.unsaved() ?? {};
  } catch (error) {
    console.error(`Review queue not updated (it will be rebuilt): ${String(error)}`);
    try {
      session?.invalidate();
    } catch {
      // A corrupt index is rebuilt when it is next read.
    }
    return null;
  }
}

/** Rows that left the register (archived or deleted) by request id. */
export function removeQueueEntries(ids: readonly string[]): void {
  if (ids.length === 0) return;
  updateQuietly((session) => session.remove(ids));
}

/** After deleting or moving many rows: the next load rebuilds the queue from the register. */
export function invalidateReviewQueue(): void {
  const store = documentPropertiesOrNull();
  store?.deleteProperty(META_KEY);
}

// ---- Loading (the sidebar) ----

export type QueueSourceKind = 'index' | 'tail' | 'rebuilt' | 'scan' | 'indexing';

export interface LoadedQueue {
  index: ReviewIndex;
  /**
   * How it was obtained: as stored, plus the rows appended since, rebuilt from the register, read
   * in full and not stored (too many orders await a supervisor to fit in Document Properties), or
   * still being built (a partial queue: the next load carries on).
   */
  source: QueueSourceKind;
  /** The queue's change marker for this version (see queueMarker). */
  marker: string;
  /** Every document property as read with the queue (other sidebar state rides on the same read). */
  properties: Readonly<Record<string, string>>;
}

/**
 * A value that changes whenever the queue is written (every save makes a new generation) or dropped:
 * the open sidebar polls it with one property read and reloads only when it moved.
 */
export function queueMarker(): string {
  return documentPropertiesOrNull()?.getProperty(META_KEY) ?? '';
}

export { loadQueue } from './review-queue-load';
