import { UserFacingError } from './workbook';

type Lock = GoogleAppsScript.Lock.Lock;

/**
 * Runs `body` holding `lock`, unless this execution already holds it. Apps Script locks are not
 * counted: an inner releaseLock() would release the caller's hold too, so a helper that may be called
 * both inside and outside a locked section must neither take nor release a lock it already has.
 */
export function withLockHeld<T>(lock: Lock, timeoutMs: number, body: () => T): T {
  if (lock.hasLock()) return body();
  if (!lock.tryLock(timeoutMs)) {
    throw new UserFacingError(
      'Another Work Orders change is still running on this spreadsheet. Please try again in a moment.',
    );
  }
  try {
    return body();
  } finally {
    releaseQuietly(lock);
  }
}

/**
 * Gives a lock back once its section's work is done. A release that fails leaves the lock to lapse
 * when the execution ends (Lock.releaseLock in Google's reference); it must not turn finished work into
 * an error, or a caller would redo it (an email queued, then sent as well).
 */
export function releaseQuietly(lock: Lock): void {
  try {
    lock.releaseLock();
  } catch (error) {
    console.error(`A lock could not be released; it lapses when this execution ends: ${String(error)}`);
  }
}

/** The signed-in (or trigger-owning) user's lock: it serializes this user's executions across documents. */
export function withUserLock<T>(body: () => T, timeoutMs = 10_000): T {
  return withLockHeld(LockService.getUserLock(), timeoutMs, body);
}

/** The document lock when there is a document; outside one (the hourly job) the body runs unlocked. */
export function withDocumentLockIfAny<T>(body: () => T, timeoutMs = 30_000): T {
  const lock = LockService.getDocumentLock();
  return lock ? withLockHeld(lock, timeoutMs, body) : body();
}
