/**
 * The requests of the "My work" sidebar, validated by the server with these zod/mini schemas: anyone
 * who can open a sidebar can call `myWorkLoad` and `myWorkAct` from the browser console with anything.
 * The replies and the steps are in ./my-work-types (zod-free, for the page).
 */
import * as z from '../core/validator';
import { MAX_STEP_TEXT } from './my-work-types';
import { hasVisibleText } from './visible-text';

export * from './my-work-types';

const RecordId = z.lazySchema(() =>
  z
    .string({ error: 'The request id is missing.' })
    .check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { error: 'That is not a request id.' })),
);

const BAD_REVISION = 'The revision is missing or not a whole number.';
const Revision = z.lazySchema(() =>
  z
    .int({ error: BAD_REVISION })
    .check(z.minimum(0, { error: BAD_REVISION }), z.maximum(1_000_000_000, { error: BAD_REVISION })),
);
const RowHint = z.lazySchema(() => z.int().check(z.minimum(2), z.maximum(10_000_000)));

const Text = (what: string) =>
  z
    .string({ error: `${what} is required.` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${what} is required.` }),
      z.refine(hasVisibleText, { error: `${what} is required.` }),
      z.maxLength(MAX_STEP_TEXT, { error: `${what} is too long (${MAX_STEP_TEXT} characters at most).` }),
    );

/** Every step names the order and the revision the card showed: a stale card is refused. */
const target = { id: RecordId, revision: Revision, rowHint: z.lazySchema(() => z.optional(RowHint)) };
const note = z.lazySchema(() => z.optional(Text('The note')));

export const MyWorkActionRequestSchema = z.lazySchema(() =>
  z.discriminatedUnion(
    'action',
    [
      z.strictObject({ action: z.literal('start'), ...target, note }),
      z.strictObject({ action: z.literal('hold'), ...target, reason: Text('A reason for the hold'), note }),
      z.strictObject({ action: z.literal('resume'), ...target, note }),
      z.strictObject({ action: z.literal('note'), ...target, note: Text('The note') }),
      z.strictObject({
        action: z.literal('complete'),
        ...target,
        results: Text('Results'),
        actionsTaken: Text('Actions taken'),
        note,
      }),
    ],
    { error: 'Unknown step: use start, hold, resume, note or complete.' },
  ),
);
export type MyWorkActionRequest = z.infer<typeof MyWorkActionRequestSchema>;
export type MyWorkActionInput = z.input<typeof MyWorkActionRequestSchema>;

/** `myWorkLoad()` or `myWorkLoad({})`: nothing to choose yet. */
export const MyWorkLoadRequestSchema = z.lazySchema(() => z.optional(z.strictObject({})));

/** The first few distinct messages of a failed parse, as one sentence for the sidebar. */
export function describeMyWorkIssues(error: { issues: ReadonlyArray<{ message: string }> }): string {
  return [...new Set(error.issues.map((issue) => issue.message))].slice(0, 3).join(' ');
}
