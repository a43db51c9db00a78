/**
 * What the "Review & assign" functions answer: the queue's view, one order as an item, search hits, the
 * poll's marker, or a refusal (`{ ok: false, message }`, a reply the sidebar shows; only bugs throw).
 * The page checks every reply with these schemas, as the tests do.
 */
import * as z from '../core/validator';
import { STATUSES } from '../core/model';
import { COMPLETE_UNITS, SCALAR_SETTINGS_SCHEMA } from '../core/settings-model';
import { parseIso } from '../core/time';
import { SIDEBAR_ACTIONS } from './review-actions';

/**
 * An instant as the server sends it (toIso: "2026-03-06T09:00:00.000Z"), read by the same parser the
 * add-on uses for ISO text, which also costs far less bundle than zod's ISO formats.
 */
const Instant = z.lazySchema(() =>
  z
    .string()
    .check(
      z.refine((text) => text.includes('T') && parseIso(text) !== null, { error: 'is not an ISO date-time' }),
    ),
);
const Iso = z.lazySchema(() => z.nullable(Instant));

/** One work order as the sidebar shows it. Long texts are previews unless `truncated` is false. */
export const ReviewItemSchema = z.lazySchema(() =>
  z.object({
    id: z.string(),
    status: z.enum(STATUSES),
    revision: z.int(),
    rowHint: z.int(),
    woNumber: z.string(),
    requesterName: z.string(),
    requesterEmail: z.string(),
    location: z.string(),
    urgency: z.string(),
    priority: z.string(),
    category: z.string(),
    assignee: z.string(),
    requestedAt: Iso,
    due: Iso,
    completedAt: Iso,
    description: z.string(),
    resources: z.string(),
    results: z.string(),
    actionsTaken: z.string(),
    reviewFlag: z.string(),
    notes: z.string(),
    /** The last hold, return, cancellation or rejection reason. */
    reason: z.string(),
    startedAt: Iso,
    /** An emergency (the form's first urgency, or the first priority): listed first, marked. */
    emergency: z.boolean(),
    /** The question put to the requestor and not answered yet ('' when none). */
    awaitingReply: z.string(),
    /** True when some text above was shortened: "Show full text" fetches the order with reviewFind. */
    truncated: z.boolean(),
    /** A preventive order's planned due date, which approval keeps (not counted from the SLA). */
    plannedDue: z.boolean(),
    /** What the supervisor may do with it now (from the lifecycle table). */
    available: z.array(z.enum(SIDEBAR_ACTIONS)),
  }),
);
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

export const SectionPageSchema = z.lazySchema(() =>
  z.object({
    total: z.int(),
    offset: z.int(),
    /** Items this page holds: fewer than REVIEW_PAGE_SIZE on the last page, or when long previews
     * would have taken the reply over its size budget (the next page starts at offset + pageSize). */
    pageSize: z.int(),
    items: z.array(ReviewItemSchema),
  }),
);
export type SectionPage = z.infer<typeof SectionPageSchema>;

export const TechnicianSchema = z.lazySchema(() =>
  z.object({
    email: z.string(),
    name: z.string(),
    /** Work orders assigned to them and not yet completed (Assigned, In Progress, On Hold). */
    openLoad: z.int(),
  }),
);
export type Technician = z.infer<typeof TechnicianSchema>;

export const PriorityOptionSchema = z.lazySchema(() =>
  z.object({
    name: z.string(),
    respondHours: z.nullable(z.number()),
    completeWithin: z.number(),
    completeUnit: z.enum(COMPLETE_UNITS),
  }),
);

/**
 * The business clock of the Settings tab (core/business-time.ts), checked as the tab checks it: the
 * approval and change-priority forms preview a due date with the same core dueDate the server stamps.
 */
export const BusinessHoursSchema = z.lazySchema(() =>
  z.pick(SCALAR_SETTINGS_SCHEMA, { workingDays: true, workingHours: true, holidays: true }),
);

export const ReviewViewSchema = z.lazySchema(() =>
  z.object({
    generatedAt: Instant,
    /** The spreadsheet's time zone: dates are shown in it. */
    timeZone: z.string(),
    user: z.object({ email: z.string(), name: z.string(), role: z.string() }),
    sections: z.object({
      submitted: SectionPageSchema,
      overdue: SectionPageSchema,
      approved: SectionPageSchema,
      working: SectionPageSchema,
      completed: SectionPageSchema,
    }),
    /** Changes whenever the lists may have: the page polls with it (reviewPoll). */
    marker: z.string(),
    technicians: z.array(TechnicianSchema),
    categories: z.array(z.string()),
    priorities: z.array(PriorityOptionSchema),
    /** Working days and hours, and the holidays from the day before the view on (businessHoursFrom). */
    calendar: BusinessHoursSchema,
    /** The Settings tab's notifyRequestor and notifyAssignee: a form says who its action emails. */
    notify: z.object({ requestor: z.boolean(), assignee: z.boolean() }),
    notices: z.array(z.string()),
  }),
);
export type ReviewView = z.infer<typeof ReviewViewSchema>;

const Refusal = z.lazySchema(() =>
  z.object({
    ok: z.literal(false),
    message: z.string(),
    /** The order as it is now, when the refusal is that someone else changed it meanwhile. */
    current: z.optional(ReviewItemSchema),
  }),
);
export type Refusal = z.infer<typeof Refusal>;

/** A function's reply: its `success` fields with `ok: true`, or a refusal. */
const replyOf = <S extends z.core.$ZodLooseShape>(success: S) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...success }), Refusal]);

export const ReviewLoadResponseSchema = z.lazySchema(() => replyOf({ view: ReviewViewSchema }));
export type ReviewLoadResponse = z.infer<typeof ReviewLoadResponseSchema>;

export const ReviewActResponseSchema = z.lazySchema(() =>
  replyOf({
    message: z.string(),
    /** The order after the action. */
    item: ReviewItemSchema,
    /** The refreshed lists (null when they must be reloaded with reviewLoad). */
    view: z.nullable(ReviewViewSchema),
  }),
);
export type ReviewActResponse = z.infer<typeof ReviewActResponseSchema>;

export const ReviewFindResponseSchema = z.lazySchema(() => replyOf({ item: ReviewItemSchema }));
export type ReviewFindResponse = z.infer<typeof ReviewFindResponseSchema>;

export const ReviewSearchResponseSchema = z.lazySchema(() =>
  replyOf({ items: z.array(ReviewItemSchema), total: z.int() }),
);
export type ReviewSearchResponse = z.infer<typeof ReviewSearchResponseSchema>;

export const ReviewPollResponseSchema = z.lazySchema(() =>
  replyOf({ changed: z.boolean(), marker: z.string() }),
);
export type ReviewPollResponse = z.infer<typeof ReviewPollResponseSchema>;
