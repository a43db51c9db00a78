/**
 * The fields every sidebar request shares (Review & assign, My work and its records), validated by the
 * server with zod/mini: anyone who can open a sidebar can call the functions from the browser console
 * with anything. Each request names the order by id, the revision its page showed and, as a hint, the
 * row it was on; a failed parse is answered in one readable sentence.
 */
import * as z from '../core/validator';
import { hasVisibleText } from './visible-text';

/** A request id as intake makes them (REQ-000123), or any id of letters, digits, '.', '_' and '-'. */
export const RecordIdSchema = z.lazySchema(() =>
  z
    .string({ error: 'The request id is missing.' })
    .check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { error: 'That is not a request id.' })),
);

const BAD_REVISION = 'The revision is missing or not a whole number.';
/** The order's revision as the page showed it: a stale view is refused. */
export const RevisionSchema = z.lazySchema(() =>
  z
    .int({ error: BAD_REVISION })
    .check(z.minimum(0, { error: BAD_REVISION }), z.maximum(1_000_000_000, { error: BAD_REVISION })),
);

/** Where the page last saw the order's row: checked by id before use, a miss costs one more read. */
export const RowHintSchema = z.lazySchema(() => z.int().check(z.minimum(2), z.maximum(10_000_000)));

/** What every request acting on an order names: the order, and the revision its page showed (a stale view is refused). */
export const ORDER_TARGET = {
  id: RecordIdSchema,
  revision: RevisionSchema,
  rowHint: z.lazySchema(() => z.optional(RowHintSchema)),
};

/** Text a person must type (a reason, a note, a result): trimmed, visible, at most `max` characters. */
export function requiredText(what: string, max: number) {
  return z
    .string({ error: `${what} is required.` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${what} is required.` }),
      z.refine(hasVisibleText, { error: `${what} is required.` }),
      z.maxLength(max, { error: `${what} is too long (${max} characters at most).` }),
    );
}

/** A failed parse as one sentence for the sidebar: its first few distinct messages ("A reason is required."). */
export function describeIssues(error: { issues: ReadonlyArray<{ message: string }> }): string {
  return [...new Set(error.issues.map((issue) => issue.message))].slice(0, 3).join(' ');
}
