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
 */
import { SHEET_NAMES, type WorkOrder } from '../../core/model';
import { highestRequestNumber, parseRequestId } from '../../core/ids';
import { parseRegisterRow } from '../../core/columns';
import { PROPERTY_KEYS } from './document-properties';
import { withDocumentLock } from './document-lock';
import { Register } from './register';
import { requireSheet } from './workbook';
import { chunkedValues, readChunked } from './chunked-property';
import { scanChunk, startBuild, type ChunkRead } from './review-queue-build';
import {
  advanceWatermark,
  applyOrder,
  decodeIndex,
  emptyIndex,
  fitToBudget,
  removeIds,
  type ReviewIndex,
} from './review-queue-codec';
import { documentPropertiesOrNull } from './service-handles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

const META_KEY = PROPERTY_KEYS.reviewIndex;

/** An order and the row it is on. */
export interface QueueSource {
  row: number;
  order: WorkOrder;
}

type Stored =
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

  /** Writes the index back, in one setProperties call, if it changed. */
  save(): void {
    const index = this.kept;
    if (!index || !this.changed) return;
    const values = indexProperties(index, this.snapshot);
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

/** Parses rows read from the register (from sheet row `firstRow`), skipping blank and invalid ones. */
function parsedRows(register: Register, rows: unknown[][], firstRow: number): QueueSource[] {
  const out: QueueSource[] = [];
  rows.forEach((cells, i) => {
    if (cells.every((v) => v === '' || v === null)) return;
    const parsed = parseRegisterRow(cells, register.layout, firstRow + i);
    if (parsed.ok) out.push({ row: firstRow + i, order: parsed.order });
  });
  return out;
}

/**
 * Rows appended since the index last saw the end of the register, or null when they cannot be
 * trusted: request ids skipping past the last one indexed mean rows were deleted above the watermark
 * and appended ones landed there, unseen.
 */
function tail(register: Register, index: ReviewIndex, lastRow: number): QueueSource[] | null {
  const first = index.lastRow + 1;
  const sources = parsedRows(register, register.readRows(first, lastRow - index.lastRow), first);
  let lowest = Number.POSITIVE_INFINITY;
  for (const s of sources) {
    const seq = parseRequestId(s.order.id);
    if (seq !== null && seq < lowest) lowest = seq;
  }
  if (index.maxSeq > 0 && Number.isFinite(lowest) && lowest > index.maxSeq + 1) return null;
  return sources;
}

/** A tail longer than this is indexed by the chunked build instead (one lock hold stays short). */
const LONGEST_TAIL = 2_000;
/** A load that is still building after this long shows what it has (the next load carries on). */
const BUILD_DEADLINE_MS = 4 * 60_000;

type Step = { done: true; loaded: LoadedQueue } | { done: false };

/** In the execution log: how much each hold of the lock read (what makes it long). */
function logChunk(read: ChunkRead): void {
  console.info(
    `Review queue index: rows ${read.first}–${read.last} scanned (${read.cells} cells in ${read.reads} reads)`,
  );
}

/**
 * One short hold of the document lock: catch up with appended rows, or scan the next chunk of a
 * building index, or start a build. An index too large for the store (overflow) is built in
 * `transient`, in memory, chunk by chunk all the same, and not stored.
 */
function advance(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  register: Register,
  store: Properties,
  transient: { index: ReviewIndex | null },
  /** The last row as read just before (the first hold), or null to read it again under the lock. */
  lastRead: number | null,
): Step {
  const session = QueueSession.open() as QueueSession;
  // Read again when it may have moved: an append between the two reads then shows as rows to catch
  // up with (the next load does), never as rows that disappeared.
  const stale = lastRead === null || (session.kept?.lastRow ?? 0) > lastRead;
  const current = stale ? Math.max(sheet.getLastRow(), 1) : lastRead;
  const loaded = (index: ReviewIndex, source: QueueSourceKind): Step => ({
    done: true,
    loaded: { index, source, marker: session.marker, properties: session.snapshot },
  });
  if (transient.index) {
    const index = transient.index;
    if (index.lastRow > current) transient.index = startBuild(current);
    logChunk(scanChunk(register, transient.index));
    return transient.index.scanNext === 0 ? loaded(transient.index, 'scan') : { done: false };
  }
  let index = session.kept;
  if (index && index.scanNext === 0) {
    if (index.lastRow === current) return loaded(index, 'index');
    if (index.lastRow < current && current - index.lastRow <= LONGEST_TAIL) {
      const appended = tail(register, index, current);
      if (appended) {
        session.apply(appended);
        index.lastRow = current;
        index.maxSeq = Math.max(index.maxSeq, highestRequestNumber(appended.map((s) => s.order.id)));
        session.save();
        return loaded(index, 'tail');
      }
    }
    index = null; // contradicted by the register, or too far behind: built afresh
  }
  // Missing, damaged, too large last time (it may fit again now), or part-built (rows deleted since
  // the build began: started again).
  const building = index && index.scanNext > 0 && index.lastRow <= current ? index : startBuild(current);
  logChunk(scanChunk(register, building));
  const values = indexProperties(building, session.snapshot);
  store.setProperties(values);
  if (readStored(values).kind === 'overflow') {
    // Too many orders await a supervisor to store them: this load builds the queue in memory.
    transient.index = building.scanNext === 0 ? null : building;
    if (building.scanNext === 0) return loaded(building, 'scan');
    return { done: false };
  }
  if (building.scanNext !== 0) return { done: false };
  return {
    done: true,
    loaded: {
      index: building,
      source: 'rebuilt',
      marker: values[META_KEY] ?? '',
      properties: session.snapshot,
    },
  };
}

/**
 * The queue for the sidebar. Fast path (index up to date): the register's sheet and last row, no
 * data: 2 Spreadsheet calls. Rows appended since: plus the header and one read of those rows (4).
 * Index missing, unreadable, contradicted by the register or still being built: built in chunks
 * (review-queue-build.ts), each under its own short hold of the document lock, so writers get in
 * between; stored so the next load is fast again.
 */
export function loadQueue(ss: Spreadsheet): LoadedQueue {
  const store = documentPropertiesOrNull();
  if (!store) throw new Error('loadQueue needs document properties');
  // Properties before the last row: an append between the two then reads as rows to catch up with,
  // never as rows that disappeared.
  const snapshot = store.getProperties();
  const stored = readStored(snapshot);
  const sheet = requireSheet(ss, SHEET_NAMES.register);
  const lastRow = Math.max(sheet.getLastRow(), 1);
  if (stored.kind === 'ok' && stored.index.scanNext === 0 && stored.index.lastRow === lastRow)
    return { index: stored.index, source: 'index', marker: snapshot[META_KEY] ?? '', properties: snapshot };
  const register = Register.onSheet(sheet);
  const transient: { index: ReviewIndex | null } = { index: null };
  const deadline = Date.now() + BUILD_DEADLINE_MS;
  for (let hold = 0; ; hold++) {
    const step = withDocumentLock(() =>
      advance(sheet, register, store, transient, hold === 0 ? lastRow : null),
    );
    if (step.done) return step.loaded;
    if (Date.now() > deadline) {
      // Very slow going: show what is indexed so far; the next load carries on from there.
      const partial = transient.index ?? QueueSession.open()?.kept ?? emptyIndex(lastRow);
      return { index: partial, source: 'indexing', marker: '', properties: store.getProperties() };
    }
  }
}
