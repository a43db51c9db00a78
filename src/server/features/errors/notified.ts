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
  const kept = z.parseStoredJson(NotifiedSchema, readOwnerState(spreadsheetId, NOTIFIED_ERRORS) ?? 'null');
  // Missing, unreadable or another day's: start the day afresh.
  const stored = kept?.day === day ? kept : { day, keys: [] };
  if (stored.keys.includes(key)) return false;
  const keys = [...stored.keys, key].slice(-MAX_KEYS);
  writeOwnerState(spreadsheetId, NOTIFIED_ERRORS, JSON.stringify({ day, keys }));
  return true;
}
