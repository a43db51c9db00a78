/**
 * The supervisor review queue's data, pure (no Apps Script service): which work orders await a
 * supervisor, the summary the sidebar shows of each, each technician's open work, and how all of it
 * is packed into Document Properties values (9 KB each, 500 KB per document in all). The storage and
 * the public API are in ./review-queue.
 */
import * as z from '../../core/validator';
import type { Status, WorkOrder } from '../../core/model';
import { parseRequestId } from '../../core/ids';
import { cleanText } from '../../core/sanitize';
import { utf8Bytes } from './chunked-property';

/** The UTF-8 size of a text (the unit of Google's property limits). */
export { utf8Bytes };

/**
 * Statuses the sidebar lists: every open order. Those awaiting a supervisor (Submitted, Approved,
 * Completed) are kept in full; work in a technician's hands (LOAD_STATUSES) is kept as a summary that
 * the technician's own edits (starting, notes, results) do not change, so those edits never rewrite
 * the index.
 */
export const QUEUE_STATUSES = [
  'Submitted',
  'Approved',
  'Assigned',
  'In Progress',
  'On Hold',
  'Completed',
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
/** Statuses that count as a technician's open load. */
export const LOAD_STATUSES: readonly Status[] = ['Assigned', 'In Progress', 'On Hold'];
/**
 * The revision stored for work in a technician's hands: unknown (its notes change it without the
 * index being told). The sidebar fetches the order before acting on it.
 */
export const UNKNOWN_REVISION = 0;

export function isQueueStatus(status: Status): status is QueueStatus {
  return (QUEUE_STATUSES as readonly Status[]).includes(status);
}

/** What the sidebar shows of a queued order. Long texts are previews; dates are epoch ms or null. */
export interface QueueEntry {
  id: string;
  status: QueueStatus;
  revision: number;
  /** Where the row was last seen: a hint (users sort and insert rows), checked by id before use. */
  row: number;
  woNumber: string;
  requesterName: string;
  requesterEmail: string;
  location: string;
  urgency: string;
  priority: string;
  category: string;
  assignee: string;
  requestedAt: number | null;
  due: number | null;
  completedAt: number | null;
  description: string;
  resources: string;
  results: string;
  actions: string;
  reviewFlag: string;
  /** Progress notes (preview; completed work only). */
  notes: string;
  /** The last hold, return or other reason (preview). */
  reason: string;
  startedAt: number | null;
  /** True when a preview is shorter than the order's text. */
  truncated: boolean;
}

export interface ReviewIndex {
  /** The register's last row when the index last caught up with appended rows. */
  lastRow: number;
  /** The highest request number among rows up to `lastRow` (to notice rows it could have missed). */
  maxSeq: number;
  entries: Map<string, QueueEntry>;
  /** Open, assigned orders: request id → assignee email. */
  load: Map<string, string>;
  /**
   * While the index is being built in chunks (review-queue-build.ts): the first row not scanned yet;
   * rows from it to `lastRow` are unknown. 0 once the index is complete.
   */
  scanNext: number;
}

export function emptyIndex(lastRow = 1): ReviewIndex {
  return { lastRow, maxSeq: 0, entries: new Map(), load: new Map(), scanNext: 0 };
}

// ---- Summaries ----

type PreviewField = 'description' | 'resources' | 'results' | 'actions' | 'reviewFlag' | 'notes' | 'reason';
/** Preview lengths (characters) of the long texts; the budget shrinks them when the queue is huge. */
export const PREVIEW_LIMITS: Readonly<Record<PreviewField, number>> = {
  description: 160,
  resources: 80,
  results: 160,
  actions: 160,
  reviewFlag: 120,
  notes: 240,
  reason: 120,
};
/** Short fields are cut too, so one odd row cannot blow the budget. */
const SHORT_LIMIT = 100;
const EMAIL_LIMIT = 254;

/** `text` on one line, cut at `limit` characters (never inside a surrogate pair) with an ellipsis. */
export function preview(text: string, limit: number): { text: string; cut: boolean } {
  const line = cleanText(text).replace(/\s+/g, ' ').trim();
  if (line.length <= limit) return { text: line, cut: false };
  if (limit <= 0) return { text: '', cut: true };
  let end = limit - 1;
  const code = line.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: `${line.slice(0, end).trimEnd()}…`, cut: true };
}

const ms = (d: Date | null): number | null => (d && Number.isFinite(d.getTime()) ? d.getTime() : null);

/** The queue entry of an order in a queue status. */
export function entryFor(order: WorkOrder & { status: QueueStatus }, row: number): QueueEntry {
  // Work in a technician's hands: only what their own edits leave alone (see QUEUE_STATUSES).
  const working = LOAD_STATUSES.includes(order.status);
  let truncated = false;
  const cut = (text: string, limit: number): string => {
    const p = preview(text, limit);
    truncated = truncated || p.cut;
    return p.text;
  };
  return {
    id: order.id,
    status: order.status,
    revision: working ? UNKNOWN_REVISION : order.revision,
    row,
    woNumber: cut(order.woNumber, SHORT_LIMIT),
    requesterName: cut(order.requesterName, SHORT_LIMIT),
    requesterEmail: cut(order.requesterEmail, EMAIL_LIMIT),
    location: cut(order.location, SHORT_LIMIT),
    urgency: cut(order.urgency, SHORT_LIMIT),
    priority: cut(order.priority, SHORT_LIMIT),
    category: cut(order.category, SHORT_LIMIT),
    assignee: cut(order.assignee, EMAIL_LIMIT),
    requestedAt: ms(order.requestedAt),
    due: ms(order.due),
    completedAt: ms(order.completedAt),
    description: cut(order.description, PREVIEW_LIMITS.description),
    resources: cut(order.resources, PREVIEW_LIMITS.resources),
    results: working ? '' : cut(order.results, PREVIEW_LIMITS.results),
    actions: working ? '' : cut(order.actions, PREVIEW_LIMITS.actions),
    reviewFlag: cut(order.reviewFlag, PREVIEW_LIMITS.reviewFlag),
    notes: working ? '' : cut(order.notes, PREVIEW_LIMITS.notes),
    // A hold's reason is the point of showing held work; it changes only with the status.
    reason:
      order.status === 'In Progress' || order.status === 'Assigned'
        ? ''
        : cut(order.reason, PREVIEW_LIMITS.reason),
    startedAt: working && order.status !== 'On Hold' ? null : ms(order.startedAt),
    truncated,
  };
}

/** Whose open load an order counts in (normalized email), or null when it counts in none. */
function loadOf(order: WorkOrder): string | null {
  const assignee = order.assignee.trim();
  return LOAD_STATUSES.includes(order.status) && assignee !== '' ? assignee.toLowerCase() : null;
}

/** Makes the index agree with one order as it now is in the register (whatever its status). */
export function applyOrder(index: ReviewIndex, row: number, order: WorkOrder): void {
  index.entries.delete(order.id);
  index.load.delete(order.id);
  if (isQueueStatus(order.status)) {
    index.entries.set(order.id, entryFor(order as WorkOrder & { status: QueueStatus }, row));
  }
  const load = loadOf(order);
  if (load !== null) index.load.set(order.id, load);
}

/**
 * Whether an order's change from `before` to `after` can change an index that agreed with `before`:
 * when it is a queued order on either side (its entry holds the revision, so any change rewrites it)
 * or it moves in or out of a technician's load or between loads. A change to an order out of the
 * queue whose load stays the same (a technician starting work, writing notes or results) leaves the
 * index as it is, so its writer need not read the index at all.
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

export function removeIds(index: ReviewIndex, ids: Iterable<string>): void {
  for (const id of ids) {
    index.entries.delete(id);
    index.load.delete(id);
  }
}

/** Open orders per technician email. */
export function loadByAssignee(index: ReviewIndex): Map<string, number> {
  const counts = new Map<string, number>();
  for (const email of index.load.values()) counts.set(email, (counts.get(email) ?? 0) + 1);
  return counts;
}

/** Records rows appended at the end of the register; returns false when they contradict the index. */
export function advanceWatermark(
  index: ReviewIndex,
  appended: ReadonlyArray<{ row: number; id: string }>,
): boolean {
  for (const { row, id } of [...appended].sort((a, b) => a.row - b.row)) {
    // A row at or above the watermark was appended after rows were deleted behind the index's back.
    if (row <= index.lastRow) return false;
    if (row !== index.lastRow + 1) continue; // rows in between are not indexed yet: a load reads them
    index.lastRow = row;
    index.maxSeq = Math.max(index.maxSeq, parseRequestId(id) ?? 0);
  }
  return true;
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

const text = z.string();
const instant = z.nullable(z.number());

/**
 * How an entry is stored: as a tuple (an array of its values, no field names, a third of the size),
 * in this order. The one declaration of the positions: encoding, decoding and validation all follow it.
 */
const STORED_ENTRY = {
  id: z.string().check(z.minLength(1)),
  status: z.enum(['S', 'A', 'G', 'P', 'H', 'C']),
  revision: z.int().check(z.gte(0)),
  row: z.int().check(z.gte(1)),
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
  truncated: z.union([z.literal(0), z.literal(1)]),
  notes: text,
  reason: text,
  startedAt: instant,
} satisfies Record<keyof QueueEntry, z.ZodMiniType>;
const ENTRY_FIELDS = Object.keys(STORED_ENTRY) as (keyof QueueEntry)[];

function toTuple(e: QueueEntry): unknown[] {
  const stored: Record<keyof QueueEntry, unknown> = {
    ...e,
    status: CODES[e.status],
    truncated: e.truncated ? 1 : 0,
  };
  return ENTRY_FIELDS.map((field) => stored[field]);
}

type StoredEntry = { [F in keyof QueueEntry]: z.infer<(typeof STORED_ENTRY)[F]> };
/** The tuple, position by position (validating it as an object instead is five times slower). */
const StoredTupleSchema = z.tuple(
  Object.values(STORED_ENTRY) as unknown as [z.ZodMiniType, ...z.ZodMiniType[]],
);

const StoredIndexSchema = z.object({
  v: z.literal(2),
  lastRow: z.int().check(z.gte(1)),
  maxSeq: z.int().check(z.gte(0)),
  entries: z.array(StoredTupleSchema),
  load: z.record(z.string(), z.array(z.string())),
  /** The next row to scan while the index is being built (absent once it is complete). */
  scan: z.optional(z.int().check(z.gte(2))),
});

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
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = StoredIndexSchema.safeParse(raw);
  if (!parsed.success) return null;
  const index = emptyIndex(parsed.data.lastRow);
  index.maxSeq = parsed.data.maxSeq;
  index.scanNext = parsed.data.scan ?? 0;
  for (const tuple of parsed.data.entries) {
    const entry = fromTuple(tuple);
    index.entries.set(entry.id, entry);
  }
  for (const [email, ids] of Object.entries(parsed.data.load))
    for (const id of ids) index.load.set(id, email);
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
