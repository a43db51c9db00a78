/**
 * How the supervisor review queue's index (./review-queue-entries) is packed into Document
 * Properties values (9 KB each, 500 KB per document in all), pure (no Apps Script service): entries as
 * tuples, the index as JSON, previews shortened to fit the budget. The storage and the public API
 * are in ./review-queue.
 */
import type { WorkOrder } from '../../core/model';
import { isJsonObject, parseCheckedJson } from '../../core/validator';
import { utf8Bytes } from './chunked-property';
import {
  PREVIEW_LIMITS,
  emptyIndex,
  entryFor,
  isQueueStatus,
  loadOf,
  preview,
  type PreviewField,
  type QueueEntry,
  type QueueStatus,
  type ReviewIndex,
} from './review-queue-entries';

/** The UTF-8 size of a text (the unit of Google's property limits). */
export { utf8Bytes };

/**
 * Whether an order's change from `before` to `after` can change an index that agreed with `before`:
 * when it is a queued order on either side (its entry holds the revision, so any change rewrites it)
 * or it moves in or out of a technician's load or between loads. A change to an order out of the
 * queue whose load stays the same (a technician starting work, writing notes or results) leaves the
 * index as it is, so its writer need not read the index at all. It compares entries as stored (tuples),
 * which is why it lives here.
 */
export function changesQueue(before: WorkOrder, after: WorkOrder): boolean {
  if (before.id !== after.id) return true;
  if (loadOf(before) !== loadOf(after)) return true;
  const summary = (order: WorkOrder): string | null =>
    isQueueStatus(order.status)
      ? JSON.stringify(toTuple(entryFor(order as WorkOrder & { status: QueueStatus }, 0)))
      : null;
  return summary(before) !== summary(after);
}

// ---- Serialization ----

const CODES: Readonly<Record<QueueStatus, string>> = {
  Submitted: 'S',
  Approved: 'A',
  Assigned: 'G',
  'In Progress': 'P',
  'On Hold': 'H',
  Completed: 'C',
};
const STATUS_OF_CODE: Readonly<Record<string, QueueStatus>> = Object.fromEntries(
  Object.entries(CODES).map(([status, code]) => [code, status as QueueStatus]),
);
/** The codes alone (a Set: a name every object inherits, such as "toString", is not one of them). */
const STATUS_CODES: ReadonlySet<string> = new Set(Object.values(CODES));

/** A check of one stored value: what zod would say of it, written out (see STORED_ENTRY). */
type Check = (value: unknown) => boolean;
const text: Check = (v) => typeof v === 'string';
/** A time in ms or none (JSON has no NaN or Infinity, and a hand edit could not put one there). */
const instant: Check = (v) => v === null || (typeof v === 'number' && Number.isFinite(v));
const intAtLeast =
  (min: number): Check =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min;

/**
 * How an entry is stored: as a tuple (an array of its values, no field names, a third of the size),
 * in this order, with the check of each position. The one declaration of the positions: encoding,
 * decoding and validation all follow it. The checks are plain predicates, not zod schemas: an index
 * holds thousands of entries of 24 values, and zod took about fifteen times as long as JSON.parse to
 * check them (220 ms for 2,500 entries here), which every sidebar opening paid.
 */
const STORED_ENTRY = {
  id: (v) => typeof v === 'string' && v.length > 0,
  status: (v) => typeof v === 'string' && STATUS_CODES.has(v),
  revision: intAtLeast(0),
  row: intAtLeast(1),
  woNumber: text,
  requesterName: text,
  requesterEmail: text,
  location: text,
  urgency: text,
  priority: text,
  category: text,
  assignee: text,
  requestedAt: instant,
  due: instant,
  completedAt: instant,
  description: text,
  resources: text,
  results: text,
  actions: text,
  reviewFlag: text,
  truncated: (v) => v === 0 || v === 1,
  notes: text,
  reason: text,
  startedAt: instant,
  // Last, so that an index stored before it (one value short) is refused and built again.
  planned: (v) => v === 0 || v === 1,
} satisfies Record<keyof QueueEntry, Check>;
const ENTRY_FIELDS = Object.keys(STORED_ENTRY) as (keyof QueueEntry)[];
const ENTRY_CHECKS: readonly Check[] = Object.values(STORED_ENTRY);

/** Whether a stored value is an entry's tuple: exactly one value per position, each passing its check. */
function isStoredEntry(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || value.length !== ENTRY_CHECKS.length) return false;
  for (let i = 0; i < ENTRY_CHECKS.length; i++) if (!ENTRY_CHECKS[i]!(value[i])) return false;
  return true;
}

function toTuple(e: QueueEntry): unknown[] {
  const stored: Record<keyof QueueEntry, unknown> = {
    ...e,
    status: CODES[e.status],
    truncated: e.truncated ? 1 : 0,
    planned: e.planned ? 1 : 0,
  };
  return ENTRY_FIELDS.map((field) => stored[field]);
}

/** The stored index: its version, watermark and build position, entries as tuples, loads by email. */
interface StoredIndex {
  v: 2;
  lastRow: number;
  maxSeq: number;
  entries: unknown[][];
  load: Record<string, string[]>;
  /** The next row to scan while the index is being built (absent once it is complete). */
  scan?: number;
}

/**
 * Whether a parsed value is a stored index, checked as plain predicates like its entries (and for the
 * same reason: the index is decoded by every change to the queue, a technician starting work included,
 * where building a zod schema in the execution's fresh context cost more than the check itself).
 * Unknown keys are ignored, as a zod object drops them.
 */
function isStoredIndex(value: unknown): value is StoredIndex {
  if (!isJsonObject(value)) return false;
  const v = value;
  if (v.v !== 2 || !intAtLeast(1)(v.lastRow) || !intAtLeast(0)(v.maxSeq)) return false;
  if (v.scan !== undefined && !intAtLeast(2)(v.scan)) return false;
  if (!Array.isArray(v.entries) || !v.entries.every(isStoredEntry)) return false;
  const load = v.load;
  if (!isJsonObject(load)) return false;
  for (const ids of Object.values(load)) if (!Array.isArray(ids) || !ids.every(text)) return false;
  return true;
}

/** Where each field sits in a stored tuple (STORED_ENTRY's order). */
const AT = Object.fromEntries(ENTRY_FIELDS.map((field, i) => [field, i])) as Record<keyof QueueEntry, number>;

/**
 * An entry from its checked tuple (isStoredEntry: the status is one of the codes, truncated 0 or 1).
 * Written as one literal so that every entry has the same shape from the start: filling an empty
 * object field by field took four times as long, for every entry of every load.
 */
function fromTuple(t: readonly unknown[]): QueueEntry {
  return {
    id: t[AT.id] as string,
    status: STATUS_OF_CODE[t[AT.status] as string] as QueueStatus,
    revision: t[AT.revision] as number,
    row: t[AT.row] as number,
    woNumber: t[AT.woNumber] as string,
    requesterName: t[AT.requesterName] as string,
    requesterEmail: t[AT.requesterEmail] as string,
    location: t[AT.location] as string,
    urgency: t[AT.urgency] as string,
    priority: t[AT.priority] as string,
    category: t[AT.category] as string,
    assignee: t[AT.assignee] as string,
    requestedAt: t[AT.requestedAt] as number | null,
    due: t[AT.due] as number | null,
    completedAt: t[AT.completedAt] as number | null,
    description: t[AT.description] as string,
    resources: t[AT.resources] as string,
    results: t[AT.results] as string,
    actions: t[AT.actions] as string,
    reviewFlag: t[AT.reviewFlag] as string,
    notes: t[AT.notes] as string,
    reason: t[AT.reason] as string,
    startedAt: t[AT.startedAt] as number | null,
    truncated: t[AT.truncated] === 1,
    planned: t[AT.planned] === 1,
  };
}

export function encodeIndex(index: ReviewIndex): string {
  const load: Record<string, string[]> = {};
  for (const [id, email] of index.load) (load[email] ??= []).push(id);
  return JSON.stringify({
    v: 2,
    lastRow: index.lastRow,
    maxSeq: index.maxSeq,
    entries: [...index.entries.values()].map(toTuple),
    load,
    ...(index.scanNext > 0 ? { scan: index.scanNext } : {}),
  });
}

/** The index from its JSON, or null when it is not a valid index (then it is rebuilt). */
export function decodeIndex(json: string): ReviewIndex | null {
  const stored = parseCheckedJson(json, isStoredIndex);
  if (!stored) return null;
  const index = emptyIndex(stored.lastRow);
  index.maxSeq = stored.maxSeq;
  index.scanNext = stored.scan ?? 0;
  for (const tuple of stored.entries) {
    const entry = fromTuple(tuple);
    index.entries.set(entry.id, entry);
  }
  for (const [email, ids] of Object.entries(stored.load)) for (const id of ids) index.load.set(id, email);
  return index;
}

// ---- Fitting into Document Properties ----

/**
 * Google: 500 KB per document's property store, shared with the counters and settings of other
 * features; the queue takes at most this much. Beyond it previews are shortened, then dropped.
 */
export const INDEX_BUDGET_BYTES = 320 * 1024;

/** Shortens every preview to `factor` of its normal length (marking the entries truncated). */
function shrinkPreviews(index: ReviewIndex, factor: number): void {
  for (const entry of index.entries.values()) {
    for (const field of Object.keys(PREVIEW_LIMITS) as PreviewField[]) {
      const p = preview(entry[field], Math.floor(PREVIEW_LIMITS[field] * factor));
      if (p.cut) {
        entry[field] = p.text;
        entry.truncated = true;
      }
    }
  }
}

/**
 * The index as JSON within the budget: previews are shortened (½, ¼, none) until it fits; null when
 * even bare entries do not (thousands of orders awaiting a supervisor), and the caller stores none.
 */
export function fitToBudget(index: ReviewIndex, budget = INDEX_BUDGET_BYTES): string | null {
  let json = encodeIndex(index);
  for (const factor of [0.5, 0.25, 0]) {
    if (utf8Bytes(json) <= budget) return json;
    shrinkPreviews(index, factor);
    json = encodeIndex(index);
  }
  return utf8Bytes(json) <= budget ? json : null;
}
