import { UserFacingError } from '../../adapters/workbook';
import { CounterCorruptError } from '../../../core/ids';
import { RowError } from '../../../core/columns';
import type { Refusal } from '../../../shared/review';

export function refusal(message: string): Refusal {
  return { ok: false, message };
}

/**
 * Runs an entry point's body and turns the failures a person can act on (a missing sheet, a busy
 * lock, an unreadable row or counter) into a refusal the sidebar shows. Anything else is a bug and
 * is thrown, so it reaches the execution log with its stack.
 */
export function answer<T>(body: () => T): T | Refusal {
  try {
    return body();
  } catch (error) {
    if (error instanceof UserFacingError || error instanceof CounterCorruptError)
      return refusal(error.message);
    if (error instanceof RowError) {
      return refusal(`${error.message}. Correct that row in the Work Orders sheet, then try again.`);
    }
    throw error;
  }
}
