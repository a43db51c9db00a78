/**
 * What the sidebar receives: the three queue sections (one page each), the active technicians with
 * their open load, and the choices for the approval form. Built from the queue index alone (no
 * register read); every date is an ISO string, since google.script.run cannot pass a Date.
 */
import type { WorkOrder } from '../../../core/model';
import { businessHoursFrom } from '../../../core/business-time';
import { isDueSoon, isEmergency, isOverdue } from '../../../core/sla';
import { keepsPlannedDue } from '../../../core/schedule-order';
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
import { utf8Bytes } from '../../adapters/review-queue-codec';
import {
  loadByAssignee,
  type QueueEntry,
  type QueueStatus,
  type ReviewIndex,
} from '../../adapters/review-queue-entries';
import type { Reviewer } from './caller';

/** Largest reply the sidebar receives (under 100 KB), whatever the queue holds. */
export const PAYLOAD_BUDGET_BYTES = 90 * 1024;

/** Longest text sent for one field of a single order (reviewFind, an action's reply). */
export const FULL_TEXT_LIMIT = 5000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** What the items need beyond the order itself. */
export interface ItemContext {
  priorities: readonly { name: string }[];
  /** Questions put to requestors and not answered yet, by request id. */
  asked: ReadonlyMap<string, string>;
}

const NO_CONTEXT: ItemContext = { priorities: [], asked: new Map() };

export function itemFromEntry(entry: QueueEntry, context: ItemContext = NO_CONTEXT): ReviewItem {
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
    notes: entry.notes,
    reason: entry.reason,
    startedAt: iso(entry.startedAt),
    emergency: isEmergency(entry, context.priorities),
    awaitingReply: context.asked.get(entry.id) ?? '',
    truncated: entry.truncated,
    plannedDue: entry.planned,
    available: sidebarActionsFor(entry.status),
  };
}

/** One order in full (texts capped at FULL_TEXT_LIMIT characters each). */
export function itemFromOrder(order: WorkOrder, row: number, context: ItemContext = NO_CONTEXT): ReviewItem {
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
    notes: full(order.notes),
    reason: full(order.reason),
    startedAt: date(order.startedAt),
    emergency: isEmergency(order, context.priorities),
    awaitingReply: context.asked.get(order.id) ?? '',
    truncated,
    plannedDue: keepsPlannedDue(order),
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

/** Emergencies first, then requests intake flagged for review, then the oldest. */
function needsReviewOrder(priorities: ItemContext['priorities']): (a: QueueEntry, b: QueueEntry) => number {
  const oldest = byTime((e) => e.requestedAt);
  const rank = (e: QueueEntry): number => (isEmergency(e, priorities) ? 0 : e.reviewFlag !== '' ? 1 : 2);
  return (a, b) => rank(a) - rank(b) || oldest(a, b);
}

/** Work in hand grouped by technician (by email), In Progress, then On Hold, then Assigned, by due date. */
const WORK_RANK: Readonly<Partial<Record<QueueStatus, number>>> = {
  'In Progress': 0,
  'On Hold': 1,
  Assigned: 2,
};
const byDue = byTime((e) => e.due ?? e.requestedAt);
function byTechnician(a: QueueEntry, b: QueueEntry): number {
  const who = a.assignee.toLowerCase().localeCompare(b.assignee.toLowerCase());
  return who || (WORK_RANK[a.status] ?? 3) - (WORK_RANK[b.status] ?? 3) || byDue(a, b);
}

function page(
  entries: QueueEntry[],
  order: (a: QueueEntry, b: QueueEntry) => number,
  offset: number,
  context: ItemContext,
): SectionPage {
  const total = entries.length;
  // Past the end (the list shrank since the page was asked for): the last page.
  const start = offset < total ? offset : Math.max(0, total - REVIEW_PAGE_SIZE);
  const items = entries
    .sort(order)
    .slice(start, start + REVIEW_PAGE_SIZE)
    .map((e) => itemFromEntry(e, context));
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
  /** The queue's change marker when it was read (see reviewPoll). */
  marker?: string;
  asked?: ReadonlyMap<string, string>;
}

export function buildView(input: ViewInput): ReviewView {
  return fitPayload(viewOf(input));
}

/** The hours ahead in which work counts as due soon: the reminder's, or a day when reminders are off. */
function soonHours(reference: ReferenceData): number {
  return reference.settings.reminderHoursBeforeDue > 0 ? reference.settings.reminderHoursBeforeDue : 24;
}

function viewOf(input: ViewInput): ReviewView {
  const { index, reference, reviewer, offsets, now, notices = [] } = input;
  const context: ItemContext = { priorities: reference.settings.priorities, asked: input.asked ?? new Map() };
  const lists: Record<SectionKey, QueueEntry[]> = {
    submitted: [],
    overdue: [],
    approved: [],
    working: [],
    completed: [],
  };
  const soon = soonHours(reference);
  for (const entry of index.entries.values()) {
    if (entry.status === 'Submitted') lists.submitted.push(entry);
    else if (entry.status === 'Approved') lists.approved.push(entry);
    else if (entry.status === 'Completed') lists.completed.push(entry);
    else lists.working.push(entry);
    const owed = { status: entry.status, due: entry.due === null ? null : new Date(entry.due) };
    if (isOverdue(owed, now) || isDueSoon(owed, now, soon)) lists.overdue.push(entry);
  }
  const orders: Record<SectionKey, (a: QueueEntry, b: QueueEntry) => number> = {
    submitted: needsReviewOrder(context.priorities),
    overdue: byDue,
    approved: byDue,
    working: byTechnician,
    completed: byTime((e) => e.completedAt),
  };
  const sections = Object.fromEntries(
    SECTION_KEYS.map((k) => [k, page(lists[k], orders[k], offsets[k] ?? 0, context)]),
  ) as Record<SectionKey, SectionPage>;
  const loads = loadByAssignee(index);
  return {
    generatedAt: now.toISOString(),
    timeZone: reference.timeZone,
    user: { email: reviewer.email, name: reviewer.name, role: reviewer.role },
    sections,
    marker: input.marker ?? '',
    technicians: activeTechnicians(reference.staff)
      .map((t) => ({ email: t.email, name: t.name || t.email, openLoad: loads.get(t.email) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    categories: [...reference.settings.categories],
    priorities: reference.settings.priorities.map((p) => ({ ...p })),
    calendar: businessHoursFrom(reference.settings, now, reference.timeZone),
    notify: { requestor: reference.settings.notifyRequestor, assignee: reference.settings.notifyAssignee },
    notices,
  };
}
