/**
 * The record of a register edit still to be checked, one document property per edit (which only the
 * add-on's code can write: nobody can forge or drop one from the sheet). Two kinds share it:
 *
 *  - an edit the trigger could not check at once, because another execution held the lock for the
 *    whole wait (./pending.ts records it and tells the person);
 *  - an edit being checked right now in two locked sections, with the lock given back between them
 *    while the change log is read (a paste over the hidden state column, or refused texts the row's
 *    record keeps only as prints: integrity/log-snapshot.ts). Reading a long log takes about a minute,
 *    and an execution can be stopped in that time (its 6 minutes run out, or Google ends it) without
 *    any catch or finally of its own running: the paste would then stay in the sheet unchecked and
 *    unlogged. So the edit is recorded before the lock is given back, with `notBefore` set past the
 *    longest an execution can run, and forgotten once the edit is checked (or has failed in a way the
 *    trigger handles itself). A record still there after `notBefore` belongs to an execution that was
 *    stopped, and the next edit checks it as any deferred edit.
 */
import * as z from '../../../core/validator';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import type { EditedRange } from './register-edit';

/** One document property per edit to check: `wo.edit.pending.<time>.<random>`. */
export const PENDING_EDIT_PREFIX = 'wo.edit.pending.';
/** A previous value longer than this is not kept (the row's record stands in for it, as for a paste). */
const LONGEST_OLD_VALUE = 2_000;
/**
 * The longest an execution runs: 6 minutes ("Script runtime", developers.google.com/apps-script/guides/
 * services/quotas), plus half a minute for the clocks of two executions to disagree.
 */
export const LONGEST_EXECUTION_MS = 6 * 60_000 + 30_000;

const PendingEditSchema = z.lazySchema(() =>
  z.object({
    row: z.int().check(z.gte(1)),
    column: z.int().check(z.gte(1)),
    numRows: z.int().check(z.gte(1)),
    numColumns: z.int().check(z.gte(1)),
    oldValue: z.optional(z.string()),
    user: z.string(),
    at: z.number(),
    attempts: z.int().check(z.gte(0)),
    /** An edit being checked now: left alone until then (epoch ms). */
    notBefore: z.optional(z.number()),
  }),
);
export type PendingEdit = z.infer<typeof PendingEditSchema>;

export function uniqueSuffix(now: Date): string {
  const random = Math.floor(Math.random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  return `${now.getTime().toString(36).padStart(9, '0')}.${random}`;
}

/** The record of `range` edited by `user` at `now`. */
export function pendingRecord(range: EditedRange, user: string, now: Date): PendingEdit {
  return {
    row: range.row,
    column: range.column,
    numRows: range.numRows,
    numColumns: range.numColumns,
    ...(range.oldValue !== undefined && range.oldValue.length <= LONGEST_OLD_VALUE
      ? { oldValue: range.oldValue }
      : {}),
    user,
    at: now.getTime(),
    attempts: 0,
  };
}

/** A stored record, or null when it does not read as one. */
export function parsePendingEdit(text: string | undefined): PendingEdit | null {
  return text ? z.parseStoredJson(PendingEditSchema, text) : null;
}

/**
 * Records that the edit of `range` is being checked with the lock given back, and returns what forgets
 * it. One property write each way, made only on this rare path.
 */
export function markEditInProgress(range: EditedRange, user: string, now: Date): () => void {
  const store = documentPropertiesOrNull();
  if (!store) return () => undefined;
  const key = PENDING_EDIT_PREFIX + uniqueSuffix(now);
  const record: PendingEdit = {
    ...pendingRecord(range, user, now),
    notBefore: now.getTime() + LONGEST_EXECUTION_MS,
  };
  store.setProperty(key, JSON.stringify(record));
  return () => store.deleteProperty(key);
}
