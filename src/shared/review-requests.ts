/**
 * What the "Review & assign" page sends to `reviewLoad`, `reviewAct`, `reviewFind`, `reviewSearch` and
 * `reviewPoll`, validated by the server with these schemas (anyone who can open a sidebar can call the
 * functions from the browser console). Dates travel as ISO-8601 strings: google.script.run cannot pass
 * a Date.
 */
import * as z from '../core/validator';
import { parseIso } from '../core/time';
import { ORDER_TARGET, requiredText } from './request-fields';
import { MAX_REASON_LENGTH } from './review-sections';

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

/** Text the person must type or pick, trimmed: `missing` when empty, `tooLong` past `max` characters. */
const Typed = (missing: string, max: number, tooLong: string) =>
  z
    .string({ error: missing })
    .check(z.trim(), z.minLength(1, { error: missing }), z.maxLength(max, { error: tooLong }));
const Choice = (what: string) => Typed(`Choose a ${what}.`, 200, `That ${what} is too long.`);
const Text = (what: string) => requiredText(what, MAX_REASON_LENGTH);
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
  ...ORDER_TARGET,
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
    query: Typed(
      'Type a request id or work-order number.',
      40,
      'That is not a request id or work-order number.',
    ),
  }),
);
export type ReviewFindRequest = z.infer<typeof ReviewFindRequestSchema>;

/** `reviewSearch({ query })`: words found in ids, WO numbers, descriptions, locations and requesters. */
export const ReviewSearchRequestSchema = z.lazySchema(() =>
  z.strictObject({
    query: Typed('Type something to search for.', 100, 'Search for 100 characters at most.'),
  }),
);

/** `reviewPoll({ marker })`: has anything changed since the view with that marker? */
export const ReviewPollRequestSchema = z.lazySchema(() =>
  z.strictObject({ marker: z.string().check(z.maxLength(200)) }),
);
