/**
 * The RPC contract of the "Review & assign" sidebar: what the page sends to `reviewLoad`, `reviewAct`
 * and `reviewFind` through google.script.run, and what comes back. The server validates every request
 * with these schemas (anyone who can open a sidebar can call the functions from the browser console);
 * the page validates every reply with the reply schemas, as the tests do. Dates travel as ISO-8601
 * strings: google.script.run cannot pass a Date. A refusal is a reply, `{ ok: false, message }`, so the
 * sidebar can show it; only bugs throw.
 */
import * as z from '../core/validator';
import { STATUSES } from '../core/model';
import { COMPLETE_UNITS } from '../core/settings-model';
import { parseIso } from '../core/time';
import { SIDEBAR_ACTIONS } from './review-actions';
import { MAX_REASON_LENGTH } from './review-sections';
import { hasVisibleText } from './visible-text';

export * from './review-actions';
export * from './review-sections';

// ---- Requests ----

/** A request id as intake makes them (REQ-000123), or any id of letters, digits, '.', '_' and '-'. */
export const RecordIdSchema = z.lazySchema(() =>
  z
    .string({ error: 'The request id is missing.' })
    .check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { error: 'That is not a request id.' })),
);

const OffsetSchema = z.lazySchema(() => z.optional(z.int().check(z.gte(0), z.lte(1_000_000))));
/** Where each section's page starts (paging beyond the first REVIEW_PAGE_SIZE items). */
export const OffsetsSchema = z.lazySchema(() =>
  z.strictObject({
    submitted: OffsetSchema,
    overdue: OffsetSchema,
    approved: OffsetSchema,
    working: OffsetSchema,
    completed: OffsetSchema,
  }),
);
export type Offsets = z.infer<typeof OffsetsSchema>;

/** `reviewLoad()` or `reviewLoad({ offsets })`. */
export const ReviewLoadRequestSchema = z.lazySchema(() =>
  z.pipe(
    z.optional(z.strictObject({ offsets: z.optional(OffsetsSchema) })),
    z.transform((r: { offsets?: Offsets } | undefined) => r ?? {}),
  ),
);
export type ReviewLoadRequest = z.input<typeof ReviewLoadRequestSchema>;

const BAD_REVISION = 'The revision is missing or not a whole number.';
const Revision = z.lazySchema(() =>
  z
    .int({ error: BAD_REVISION })
    .check(z.gte(0, { error: BAD_REVISION }), z.lte(1_000_000_000, { error: BAD_REVISION })),
);
const RowHint = z.lazySchema(() => z.int().check(z.gte(2), z.lte(10_000_000)));
const Choice = (what: string) =>
  z
    .string({ error: `Choose a ${what}.` })
    .check(
      z.trim(),
      z.minLength(1, { error: `Choose a ${what}.` }),
      z.maxLength(200, { error: `That ${what} is too long.` }),
    );
const Text = (what: string) =>
  z.string({ error: `${what} is required.` }).check(
    z.trim(),
    z.minLength(1, { error: `${what} is required.` }),
    z.refine(hasVisibleText, { error: `${what} is required.` }),
    z.maxLength(MAX_REASON_LENGTH, {
      error: `${what} is too long (${MAX_REASON_LENGTH} characters at most).`,
    }),
  );
const Assignee = z.lazySchema(() =>
  z.pipe(
    z.string({ error: 'Choose a technician.' }).check(z.trim(), z.toLowerCase()),
    z.email({ error: 'Choose a technician.' }).check(z.maxLength(254)),
  ),
);

/** A new due date: an ISO date-time with its offset, from the page (its date picker, in the spreadsheet's zone). */
const DueSchema = z.lazySchema(() =>
  z.string({ error: 'Choose a new due date.' }).check(
    z.refine((text) => /(Z|[+-]\d{2}:\d{2})$/.test(text) && parseIso(text) !== null, {
      error: 'Choose a new due date.',
    }),
  ),
);

/** Every action names the order it acts on and the revision the sidebar showed (a stale view is refused). */
const target = {
  id: RecordIdSchema,
  revision: Revision,
  rowHint: z.lazySchema(() => z.optional(RowHint)),
  /** The sidebar's current pages, so the reply can carry the refreshed list. */
  offsets: z.lazySchema(() => z.optional(OffsetsSchema)),
};

export const ReviewActionRequestSchema = z.lazySchema(() =>
  z.discriminatedUnion(
    'action',
    [
      z.strictObject({
        action: z.literal('approve'),
        ...target,
        category: Choice('category'),
        priority: Choice('priority'),
      }),
      z.strictObject({
        action: z.literal('approveAssign'),
        ...target,
        category: Choice('category'),
        priority: Choice('priority'),
        assignee: Assignee,
      }),
      z.strictObject({ action: z.literal('reject'), ...target, reason: Text('A reason') }),
      z.strictObject({ action: z.literal('clarify'), ...target, question: Text('The question') }),
      z.strictObject({ action: z.literal('assign'), ...target, assignee: Assignee }),
      z.strictObject({ action: z.literal('reassign'), ...target, assignee: Assignee }),
      z.strictObject({ action: z.literal('close'), ...target }),
      z.strictObject({ action: z.literal('return'), ...target, reason: Text('A reason') }),
      z.strictObject({ action: z.literal('cancel'), ...target, reason: Text('A reason') }),
      z.strictObject({
        action: z.literal('reprioritize'),
        ...target,
        priority: Choice('priority'),
        reason: Text('A reason'),
      }),
      z.strictObject({ action: z.literal('redate'), ...target, due: DueSchema, reason: Text('A reason') }),
    ],
    { error: 'Unknown action.' },
  ),
);
export type ReviewActionRequest = z.infer<typeof ReviewActionRequestSchema>;
export type ReviewActionInput = z.input<typeof ReviewActionRequestSchema>;

/** `reviewFind({ query })`: a request id (REQ-000123) or a work-order number (WO-2026-00042). */
export const ReviewFindRequestSchema = z.lazySchema(() =>
  z.strictObject({
    query: z
      .string({ error: 'Type a request id or work-order number.' })
      .check(
        z.trim(),
        z.minLength(1, { error: 'Type a request id or work-order number.' }),
        z.maxLength(40, { error: 'That is not a request id or work-order number.' }),
      ),
  }),
);
export type ReviewFindRequest = z.infer<typeof ReviewFindRequestSchema>;

/** `reviewSearch({ query })`: words found in ids, WO numbers, descriptions, locations and requesters. */
export const ReviewSearchRequestSchema = z.lazySchema(() =>
  z.strictObject({
    query: z
      .string({ error: 'Type something to search for.' })
      .check(
        z.trim(),
        z.minLength(1, { error: 'Type something to search for.' }),
        z.maxLength(100, { error: 'Search for 100 characters at most.' }),
      ),
  }),
);

/** `reviewPoll({ marker })`: has anything changed since the view with that marker? */
export const ReviewPollRequestSchema = z.lazySchema(() =>
  z.strictObject({ marker: z.string().check(z.maxLength(200)) }),
);

// ---- Replies ----

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

export const ReviewLoadResponseSchema = z.lazySchema(() =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), view: ReviewViewSchema }), Refusal]),
);
export type ReviewLoadResponse = z.infer<typeof ReviewLoadResponseSchema>;

export const ReviewActResponseSchema = z.lazySchema(() =>
  z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      message: z.string(),
      /** The order after the action. */
      item: ReviewItemSchema,
      /** The refreshed lists (null when they must be reloaded with reviewLoad). */
      view: z.nullable(ReviewViewSchema),
    }),
    Refusal,
  ]),
);
export type ReviewActResponse = z.infer<typeof ReviewActResponseSchema>;

export const ReviewFindResponseSchema = z.lazySchema(() =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), item: ReviewItemSchema }), Refusal]),
);
export type ReviewFindResponse = z.infer<typeof ReviewFindResponseSchema>;

export const ReviewSearchResponseSchema = z.lazySchema(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), items: z.array(ReviewItemSchema), total: z.int() }),
    Refusal,
  ]),
);
export type ReviewSearchResponse = z.infer<typeof ReviewSearchResponseSchema>;

export const ReviewPollResponseSchema = z.lazySchema(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), changed: z.boolean(), marker: z.string() }),
    Refusal,
  ]),
);
export type ReviewPollResponse = z.infer<typeof ReviewPollResponseSchema>;

/** A zod failure as one readable sentence for the sidebar ("A reason is required."). */
export function describeIssues(error: z.Issues): string {
  const messages = [...new Set(error.issues.map((issue) => issue.message))];
  return messages.slice(0, 3).join(' ');
}
