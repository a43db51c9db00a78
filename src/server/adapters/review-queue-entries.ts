/**
 * The supervisor review queue's index, pure (no Apps Script service): which work orders await a
 * supervisor, the summary the sidebar shows of each, each technician's open work, and how one order
 * or appended rows change it. How the index is packed into Document Properties values is
 * ./review-queue-codec; the storage and the public API are in ./review-queue.
 */
import { OPEN_STATUS_LIST, type OpenStatus, type Status, type WorkOrder } from '../../core/model';
import { parseRequestId } from '../../core/ids';
import { cleanText } from '../../core/sanitize';
import { keepsPlannedDue } from '../../core/schedule-order';

/**
 * Statuses the sidebar lists: every open order. Those awaiting a supervisor (Submitted, Approved,
 * Completed) are kept in full; work in a technician's hands (LOAD_STATUSES) is kept as a summary that
 * the technician's own edits (starting, notes, results) do not change, so those edits never rewrite
 * the index.
 */
export const QUEUE_STATUSES = OPEN_STATUS_LIST;
export type QueueStatus = OpenStatus;
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
  /** Made by a schedule with a due date, which approval keeps (core/schedule-order keepsPlannedDue). */
  planned: boolean;
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

export type PreviewField =
  'description' | 'resources' | 'results' | 'actions' | 'reviewFlag' | 'notes' | 'reason';
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
    planned: keepsPlannedDue(order),
  };
}

/** Whose open load an order counts in (normalized email), or null when it counts in none. */
export function loadOf(order: WorkOrder): string | null {
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
