/**
 * Loading the review queue for the sidebars (./review-queue holds the index's storage and the writers'
 * API): the stored index when it is up to date, else the rows appended since, else a build in chunks
 * (./review-queue-build), each under a short hold of the document lock of its own.
 */
import { highestRequestNumber, parseRequestId } from '../../core/ids';
import { parseRegisterRow } from '../../core/columns';
import { PROPERTY_KEYS } from './document-properties';
import { withDocumentLock } from './document-lock';
import { Register } from './register';
import { registerTab } from './register-tab';
import { scanChunk, startBuild, type ChunkRead } from './review-queue-build';
import { emptyIndex, type ReviewIndex } from './review-queue-entries';
import { documentPropertiesOrNull } from './service-handles';
import {
  QueueSession,
  indexProperties,
  readStored,
  type LoadedQueue,
  type QueueSource,
  type QueueSourceKind,
} from './review-queue';
import type { Properties, Spreadsheet } from './apps-script-types';

const META_KEY = PROPERTY_KEYS.reviewIndex;

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
  const sheet = registerTab(ss, { keptId: snapshot[PROPERTY_KEYS.registerSheetId] ?? null });
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
