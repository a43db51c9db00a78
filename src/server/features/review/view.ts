/**
 * What the sidebar receives: the three queue sections (one page each), the active technicians with
 * their open load, and the choices for the approval form. Built from the queue index alone (no
 * register read); every date is an ISO string, since google.script.run cannot pass a Date.
 */
import type { WorkOrder } from '../../../core/model';
import { activeTechnicians } from '../../../core/staff';
import { toIso } from '../../../core/time';
import {
  REVIEW_PAGE_SIZE,
  SECTION_KEYS,
  sidebarActionsFor,
  type Offsets,
  type ReviewItem,
  type ReviewView,
  type SectionKey,
  type SectionPage,
} from '../../../shared/review';
import type { ReferenceData } from '../../adapters/reference-data';
import {
  loadByAssignee,
  utf8Bytes,
  type QueueEntry,
  type QueueStatus,
  type ReviewIndex,
} from '../../adapters/review-queue-codec';
import type { Reviewer } from './caller';

const STATUS_OF_SECTION: Readonly<Record<SectionKey, QueueStatus>> = {
  submitted: 'Submitted',
  approved: 'Approved',
  completed: 'Completed',
};

/** Largest reply the sidebar receives (under 100 KB), whatever the queue holds. */
export const PAYLOAD_BUDGET_BYTES = 90 * 1024;

/** Longest text sent for one field of a single order (reviewFind, an action's reply). */
export const FULL_TEXT_LIMIT = 5000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function itemFromEntry(entry: QueueEntry): ReviewItem {
  return {
    id: entry.id,
    status: entry.status,
    revision: entry.revision,
    rowHint: entry.row,
    woNumber: entry.woNumber,
    requesterName: entry.requesterName,
    requesterEmail: entry.requesterEmail,
    location: entry.location,
    urgency: entry.urgency,
    priority: entry.priority,
    category: entry.category,
    assignee: entry.assignee,
    requestedAt: iso(entry.requestedAt),
    due: iso(entry.due),
    completedAt: iso(entry.completedAt),
    description: entry.description,
    resources: entry.resources,
    results: entry.results,
    actionsTaken: entry.actions,
    reviewFlag: entry.reviewFlag,
    truncated: entry.truncated,
    available: sidebarActionsFor(entry.status),
  };
}

/** One order in full (texts capped at FULL_TEXT_LIMIT characters each). */
export function itemFromOrder(order: WorkOrder, row: number): ReviewItem {
  let truncated = false;
  const full = (text: string): string => {
    if (text.length <= FULL_TEXT_LIMIT) return text;
    truncated = true;
    return `${text.slice(0, FULL_TEXT_LIMIT - 1)}…`;
  };
  const date = (d: Date | null): string | null => toIso(d) || null;
  return {
    id: order.id,
    status: order.status,
    revision: order.revision,
    rowHint: row,
    woNumber: order.woNumber,
    requesterName: full(order.requesterName),
    requesterEmail: order.requesterEmail,
    location: full(order.location),
    urgency: full(order.urgency),
    priority: order.priority,
    category: order.category,
    assignee: order.assignee,
    requestedAt: date(order.requestedAt),
    due: date(order.due),
    completedAt: date(order.completedAt),
    description: full(order.description),
    resources: full(order.resources),
    results: full(order.results),
    actionsTaken: full(order.actions),
    reviewFlag: full(order.reviewFlag),
    truncated,
    available: sidebarActionsFor(order.status),
  };
}

/** Oldest first by the given time (missing times last), then by id. */
function byTime(pick: (e: QueueEntry) => number | null): (a: QueueEntry, b: QueueEntry) => number {
  return (a, b) => {
    const ta = pick(a) ?? Number.POSITIVE_INFINITY;
    const tb = pick(b) ?? Number.POSITIVE_INFINITY;
    return ta !== tb ? (ta < tb ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Requests by age (the respond clock), approved work by due date, completed work by completion. */
const ORDERING: Readonly<Record<SectionKey, (a: QueueEntry, b: QueueEntry) => number>> = {
  submitted: byTime((e) => e.requestedAt),
  approved: byTime((e) => e.due ?? e.requestedAt),
  completed: byTime((e) => e.completedAt),
};

function page(entries: QueueEntry[], key: SectionKey, offset: number): SectionPage {
  const total = entries.length;
  // Past the end (the list shrank since the page was asked for): the last page.
  const start = offset < total ? offset : Math.max(0, total - REVIEW_PAGE_SIZE);
  const items = entries
    .sort(ORDERING[key])
    .slice(start, start + REVIEW_PAGE_SIZE)
    .map(itemFromEntry);
  return { total, offset: start, pageSize: items.length, items };
}

/**
 * Keeps the reply under PAYLOAD_BUDGET_BYTES whatever the previews hold: items are taken off the end
 * of the longest page (the page says how many it holds, so "Next" continues right after them).
 */
function fitPayload(view: ReviewView): ReviewView {
  let bytes = utf8Bytes(JSON.stringify(view));
  while (bytes > PAYLOAD_BUDGET_BYTES) {
    const longest = SECTION_KEYS.map((k) => view.sections[k]).reduce((a, b) =>
      b.items.length > a.items.length ? b : a,
    );
    if (longest.items.length <= 1) break;
    const removed = longest.items.pop() as ReviewItem;
    longest.pageSize = longest.items.length;
    bytes -= utf8Bytes(JSON.stringify(removed)) + 1;
  }
  return view;
}

export interface ViewInput {
  index: ReviewIndex;
  reference: ReferenceData;
  reviewer: Reviewer;
  offsets: Offsets;
  now: Date;
  notices?: string[];
}

export function buildView({ index, reference, reviewer, offsets, now, notices = [] }: ViewInput): ReviewView {
  return fitPayload(viewOf({ index, reference, reviewer, offsets, now, notices }));
}

function viewOf({ index, reference, reviewer, offsets, now, notices = [] }: ViewInput): ReviewView {
  const bySection: Record<SectionKey, QueueEntry[]> = { submitted: [], approved: [], completed: [] };
  const sectionOf = Object.fromEntries(SECTION_KEYS.map((k) => [STATUS_OF_SECTION[k], k])) as Record<
    QueueStatus,
    SectionKey
  >;
  for (const entry of index.entries.values()) bySection[sectionOf[entry.status]].push(entry);
  const loads = loadByAssignee(index);
  return {
    generatedAt: now.toISOString(),
    timeZone: reference.timeZone,
    user: { email: reviewer.email, name: reviewer.name, role: reviewer.role },
    sections: {
      submitted: page(bySection.submitted, 'submitted', offsets.submitted ?? 0),
      approved: page(bySection.approved, 'approved', offsets.approved ?? 0),
      completed: page(bySection.completed, 'completed', offsets.completed ?? 0),
    },
    technicians: activeTechnicians(reference.staff)
      .map((t) => ({ email: t.email, name: t.name || t.email, openLoad: loads.get(t.email) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    categories: [...reference.settings.categories],
    priorities: reference.settings.priorities.map((p) => ({ ...p })),
    notices,
  };
}
