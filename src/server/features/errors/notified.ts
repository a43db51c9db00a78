import * as z from '../../../core/validator';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { withUserLock } from '../../adapters/document-lock';

/** Owner state (per spreadsheet): which problems were emailed today, as short hashes. */
export const NOTIFIED_ERRORS = 'notifiedErrors';
const MAX_KEYS = 200;

const NotifiedSchema = z.lazySchema(() => z.object({ day: z.string(), keys: z.array(z.string()) }));

/**
 * True the first time `key` is seen on `day` (then remembered), false after. Held under the user's lock
 * so two executions failing together email once; when the lock cannot be had, the answer is true:
 * a second email is better than none.
 */
export function firstTimeToday(spreadsheetId: string, key: string, day: string): boolean {
  try {
    return withUserLock(() => claim(spreadsheetId, key, day), 5_000);
  } catch {
    return true;
  }
}

function claim(spreadsheetId: string, key: string, day: string): boolean {
  let stored: z.infer<typeof NotifiedSchema> = { day, keys: [] };
  try {
    const parsed = NotifiedSchema.safeParse(
      JSON.parse(readOwnerState(spreadsheetId, NOTIFIED_ERRORS) ?? 'null'),
    );
    if (parsed.success && parsed.data.day === day) stored = parsed.data;
  } catch {
    // unreadable: start the day afresh
  }
  if (stored.keys.includes(key)) return false;
  const keys = [...stored.keys, key].slice(-MAX_KEYS);
  writeOwnerState(spreadsheetId, NOTIFIED_ERRORS, JSON.stringify({ day, keys }));
  return true;
}
