/**
 * The requests of the "My work" sidebar, validated by the server with these zod/mini schemas: anyone
 * who can open a sidebar can call `myWorkLoad` and `myWorkAct` from the browser console with anything.
 * The replies and the steps are in ./my-work-types (zod-free, for the page).
 */
import * as z from '../core/validator';
import { MAX_STEP_TEXT } from './my-work-types';
import { ORDER_TARGET, requiredText } from './request-fields';

export * from './my-work-types';

const Text = (what: string) => requiredText(what, MAX_STEP_TEXT);

/** Every step names the order and the revision the card showed: a stale card is refused. */
const target = ORDER_TARGET;
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

/** The name the My work callers know it by. */
export { describeIssues as describeMyWorkIssues } from './request-fields';
