/**
 * The add-on's locks, all taken here: the document lock (one spreadsheet's writers, one at a time)
 * and the user's lock (one account's executions across documents: the hourly job's owner state).
 * Every helper counts the holds it takes, so a section nested in another, in any order, neither takes
 * again nor gives back early a lock this execution already holds: Apps Script locks are not counted,
 * and an inner releaseLock() would release the outer hold too.
 */
import { UserFacingError } from './workbook';
import { documentLockChanged } from './service-handles';
import { noteDocumentLockHeld } from './document-properties-memo';

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

/** True inside withUserLock or withOwnerAndDocumentLocks: this execution holds its user's (the owner's) lock. */
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
  const { timeoutMs = 30_000, keepToExit = false } =
    typeof options === 'number' ? { timeoutMs: options } : options;
  return documentSection(body, timeoutMs, keepToExit, () => {
    throw new UserFacingError('Work Orders needs an open spreadsheet to lock it.');
  });
}

/**
 * The document lock when there is a document; outside one (the hourly job, which runs for no
 * document) `body` runs unlocked. Re-entrant like withDocumentLock.
 */
export function withDocumentLockIfAny<T>(body: () => T, timeoutMs = 30_000): T {
  return documentSection(body, timeoutMs, false, body);
}

/** The one place the document lock is taken and given back; `noDocument` runs when there is none. */
function documentSection<T>(body: () => T, timeoutMs: number, keepToExit: boolean, noDocument: () => T): T {
  if (__WO_NO_LOCKS__) return body();
  if (held.document > 0) return body();
  const lock = kept ?? LockService.getDocumentLock();
  if (!lock) return noDocument();
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
 * The signed-in (or trigger-owning) user's lock alone: it serializes this user's executions across
 * documents (the hourly job's lease, the owner's state). Re-entrant: inside a section that holds it
 * already (this one or withOwnerAndDocumentLocks), `body` just runs.
 */
export function withUserLock<T>(body: () => T, timeoutMs = 10_000): T {
  if (__WO_NO_LOCKS__) return body();
  if (held.owner > 0) return body();
  const lock = LockService.getUserLock();
  acquire(lock, timeoutMs);
  held.owner++;
  try {
    return body();
  } finally {
    held.owner--;
    releaseQuietly(lock);
  }
}

/**
 * For work that the hourly job (no document, see owner-state.ts) also does: the trigger owner's user
 * lock first, then the document lock when there is a document. Always in this order, so two
 * executions can never wait on each other's second lock. Re-entrant like withDocumentLock: a lock
 * this execution holds already is neither taken nor released again.
 */
export function withOwnerAndDocumentLocks<T>(body: () => T, timeoutMs = 30_000): T {
  // The owner's lock is always taken first: a document lock kept from an earlier section goes back.
  if (held.owner === 0) releaseKeptDocumentLock();
  return withUserLock(() => withDocumentLockIfAny(body, timeoutMs), timeoutMs);
}

/**
 * Gives a lock back once its section's work is done. A release that fails leaves the lock to lapse
 * when the execution ends (Lock.releaseLock in Google's reference); it must not turn finished work into
 * an error, or a caller would redo it (an email queued, then sent as well).
 */
function releaseQuietly(lock: Lock): void {
  try {
    lock.releaseLock();
  } catch (error) {
    console.error(`A lock could not be released; it lapses when this execution ends: ${String(error)}`);
  }
}
