import { UserFacingError } from './workbook';
import { documentLockChanged } from './service-handles';
import { noteDocumentLockHeld } from './document-properties-memo';
import { releaseQuietly } from './reentrant-lock';

type Lock = GoogleAppsScript.Lock.Lock;

/**
 * Replaced at build time: false in every real build. Only the negative-control bundle that the
 * concurrency tests build (WO_BUILD_VARIANT=no-locks) compiles the locks out, to show the lost updates
 * they prevent. esbuild folds the constant, so the shipped Code.js holds no trace of the switch.
 */
declare const __WO_NO_LOCKS__: boolean;

/** Which locks this execution holds through the helpers below (the change log checks them). */
const held = { document: 0, owner: 0 };

/** True inside withDocumentLock / withOwnerAndDocumentLocks with a document (or a no-locks build). */
export function holdsDocumentLock(): boolean {
  return __WO_NO_LOCKS__ || held.document > 0;
}

/** True inside withOwnerAndDocumentLocks: this execution holds its user's (the owner's) lock. */
export function holdsOwnerLock(): boolean {
  return __WO_NO_LOCKS__ || held.owner > 0;
}

/** The lock stayed taken for the whole wait: nothing was done (a caller may record the work for later). */
export class LockBusyError extends UserFacingError {
  constructor() {
    super('Another Work Orders change is still running on this spreadsheet. Please try again in a moment.');
    this.name = 'LockBusyError';
  }
}

function acquire(lock: Lock, timeoutMs: number): void {
  if (!lock.tryLock(timeoutMs)) throw new LockBusyError();
}

/** The document lock was taken or given back: the property memo learns it (document-properties-memo.ts). */
function documentLockNowHeld(held: boolean): void {
  noteDocumentLockHeld(held);
  documentLockChanged(held);
}

/**
 * The document lock a section kept when it ended (keepToExit): still this execution's, given back by
 * Apps Script when the execution ends ("The lock is automatically released when the script
 * terminates", Lock.releaseLock in Google's reference), or by releaseKeptDocumentLock before anything
 * slow. A later section reuses it without a tryLock.
 */
let kept: Lock | null = null;

/**
 * Gives back the document lock a section kept (one releaseLock call; none when nothing is kept). Call it
 * before anything slow (an email), and before taking another lock (the owner's lock comes first).
 */
export function releaseKeptDocumentLock(): void {
  const lock = kept;
  kept = null;
  if (lock) releaseQuietly(lock);
}

export interface DocumentLockOptions {
  timeoutMs?: number;
  /**
   * Keep the lock when `body` returns instead of releasing it: for an entry point whose locked section
   * is nearly the last thing it does, so the execution's end gives it back and the release costs no
   * round trip. A section that throws still releases it at once.
   */
  keepToExit?: boolean;
}

/**
 * Runs `body` holding the document lock. Appends, counters and read-modify-write of rows must be
 * serialized per spreadsheet; the document lock does exactly that, while an add-on's script lock
 * would serialize every spreadsheet that installed it.
 *
 * Re-entrant: inside a section that holds the document lock already, `body` just runs (Apps Script
 * locks are not counted, so a second tryLock/releaseLock pair would release the outer hold early).
 * That lets an entry point take the lock first and answer every property read under it from one
 * read of the store (document-properties-memo.ts), while the features it calls keep their own locks.
 */
export function withDocumentLock<T>(body: () => T, options: number | DocumentLockOptions = {}): T {
  if (__WO_NO_LOCKS__) return body();
  if (held.document > 0) return body();
  const { timeoutMs = 30_000, keepToExit = false } =
    typeof options === 'number' ? { timeoutMs: options } : options;
  const lock = kept ?? LockService.getDocumentLock();
  if (!lock) throw new UserFacingError('Work Orders needs an open spreadsheet to lock it.');
  if (lock !== kept) acquire(lock, timeoutMs);
  kept = null;
  held.document++;
  documentLockNowHeld(true);
  let keep = false;
  try {
    const result = body();
    keep = keepToExit;
    return result;
  } finally {
    held.document--;
    // Nothing read under the lock is kept past the section, held or not (document-properties-memo.ts).
    documentLockNowHeld(held.document > 0);
    if (keep) kept = lock;
    else releaseQuietly(lock);
  }
}

/**
 * For work that the hourly job (no document, see owner-state.ts) also does: the trigger owner's user
 * lock first, then the document lock when there is a document. Always in this order, so two
 * executions can never wait on each other's second lock. Re-entrant like withDocumentLock: a lock
 * this execution holds already is neither taken nor released again.
 */
export function withOwnerAndDocumentLocks<T>(body: () => T, timeoutMs = 30_000): T {
  if (__WO_NO_LOCKS__) return body();
  if (held.owner > 0) return withDocumentLockIfAny(body, timeoutMs);
  // The owner's lock is always taken first: a document lock kept from an earlier section goes back.
  releaseKeptDocumentLock();
  const userLock = LockService.getUserLock();
  acquire(userLock, timeoutMs);
  held.owner++;
  try {
    return withDocumentLockIfAny(body, timeoutMs);
  } finally {
    held.owner--;
    releaseQuietly(userLock);
  }
}

/** Inside the owner's lock: the document lock too when there is a document (none in the hourly job). */
function withDocumentLockIfAny<T>(body: () => T, timeoutMs: number): T {
  if (held.document > 0) return body();
  const documentLock = LockService.getDocumentLock();
  if (!documentLock) return body();
  acquire(documentLock, timeoutMs);
  held.document++;
  documentLockNowHeld(true);
  try {
    return body();
  } finally {
    held.document--;
    documentLockNowHeld(held.document > 0);
    releaseQuietly(documentLock);
  }
}

/**
 * Inside a document-lock section, the owner's lock as well, but only if it is free at this instant
 * (tryLock(0)): for a writer that may append the hourly job's hand-off when nobody holds it. The
 * order rule above (the owner's lock first) is what keeps two executions from waiting on each other's
 * second lock; a try that never waits cannot wait on anyone. Returns the release to call when the
 * section ends, or null when the lock was busy (nothing taken).
 */
export function tryOwnerLockWithinDocumentLock(): (() => void) | null {
  if (__WO_NO_LOCKS__ || held.owner > 0) return () => undefined;
  if (held.document === 0)
    throw new Error('tryOwnerLockWithinDocumentLock runs inside withDocumentLock only.');
  const userLock = LockService.getUserLock();
  if (!userLock.tryLock(0)) return null;
  held.owner++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.owner--;
    releaseQuietly(userLock);
  };
}
