/**
 * How the supervisor review queue's index (./review-queue-entries) is packed into Document
 * Properties values (9 KB each, 500 KB per document in all), pure (no Apps Script service): entries as
 * tuples, the index as JSON, previews shortened to fit the budget. The storage and the public API
 * are in ./review-queue.
 */
import * as z from '../../core/validator';
import type { WorkOrder } from '../../core/model';
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

const text = () => z.string();
const instant = () => z.nullable(z.number());

/**
 * How an entry is stored: as a tuple (an array of its values, no field names, a third of the size),
 * in this order. The one declaration of the positions: encoding, decoding and validation all follow it.
 * Each position names how to build its schema: the index schema builds them on first use, and holds
 * them directly (a lazySchema per position would add a lookup per value of every entry).
 */
const STORED_ENTRY = {
  id: () => z.string().check(z.minLength(1)),
  status: () => z.enum(['S', 'A', 'G', 'P', 'H', 'C']),
  revision: () => z.int().check(z.gte(0)),
  row: () => z.int().check(z.gte(1)),
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
  truncated: () => z.union([z.literal(0), z.literal(1)]),
  notes: text,
  reason: text,
  startedAt: instant,
} satisfies Record<keyof QueueEntry, () => z.ZodMiniType>;
const ENTRY_FIELDS = Object.keys(STORED_ENTRY) as (keyof QueueEntry)[];

function toTuple(e: QueueEntry): unknown[] {
  const stored: Record<keyof QueueEntry, unknown> = {
    ...e,
    status: CODES[e.status],
    truncated: e.truncated ? 1 : 0,
  };
  return ENTRY_FIELDS.map((field) => stored[field]);
}

type StoredEntry = { [F in keyof QueueEntry]: z.infer<ReturnType<(typeof STORED_ENTRY)[F]>> };

const StoredIndexSchema = z.lazySchema(() =>
  z.object({
    v: z.literal(2),
    lastRow: z.int().check(z.gte(1)),
    maxSeq: z.int().check(z.gte(0)),
    /** Each entry as its tuple, position by position (validating it as an object is five times slower). */
    entries: z.array(
      z.tuple(
        Object.values(STORED_ENTRY).map((build) => build()) as unknown as [z.ZodMiniType, ...z.ZodMiniType[]],
      ),
    ),
    load: z.record(z.string(), z.array(z.string())),
    /** The next row to scan while the index is being built (absent once it is complete). */
    scan: z.optional(z.int().check(z.gte(2))),
  }),
);

function fromTuple(tuple: readonly unknown[]): QueueEntry {
  const stored = {} as Record<keyof QueueEntry, unknown>;
  for (let i = 0; i < ENTRY_FIELDS.length; i++) stored[ENTRY_FIELDS[i] as keyof QueueEntry] = tuple[i];
  const entry = stored as unknown as StoredEntry;
  return Object.assign(stored, {
    status: STATUS_OF_CODE[entry.status] as QueueStatus,
    truncated: entry.truncated === 1,
  }) as unknown as QueueEntry;
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
  const stored = z.parseStoredJson(StoredIndexSchema, json);
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
