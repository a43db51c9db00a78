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
import type { Lock } from './apps-script-types';

/**
 * Replaced at build time: false in every real build. Only the negative-control bundle that the
 * concurrency tests build (WO_BUILD_VARIANT=no-locks) compiles the locks out, to show the lost updates
 * they prevent. esbuild folds the constant, so the shipped Code.js holds no trace of the switch.
 */
declare const __WO_NO_LOCKS__: boolean;

/** Which locks this execution holds through the helpers below (the change log checks them). */
const held = { document: 0, owner: 0 };
/** How many times this execution has taken the document lock: names each hold (documentLockHold). */
let documentHolds = 0;

/** True inside withDocumentLock / withOwnerAndDocumentLocks with a document (or a no-locks build). */
export function holdsDocumentLock(): boolean {
  return __WO_NO_LOCKS__ || held.document > 0;
}

/** True inside withUserLock or withOwnerAndDocumentLocks: this execution holds its user's (the owner's) lock. */
export function holdsOwnerLock(): boolean {
  return __WO_NO_LOCKS__ || held.owner > 0;
}

/**
 * Names the document lock's current hold (in a section, or kept after one), null when this execution
 * does not hold it. Two equal answers mean the lock was held without a break in between: nothing
 * another execution does under the lock can have happened between them (change-log-mail.ts).
 */
export function documentLockHold(): number | null {
  if (__WO_NO_LOCKS__) return 0;
  return held.document > 0 || kept.document !== null ? documentHolds : null;
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
 * The locks a section kept when it ended (keepToExit, keepOwnerToExit): still this execution's, given
 * back by Apps Script when the execution ends ("The lock is automatically released when the script
 * terminates", Lock.releaseLock in Google's reference), or, the document's, by releaseKeptDocumentLock
 * before anything slow. A later section reuses one without a tryLock.
 */
const kept: Record<keyof typeof held, Lock | null> = { document: null, owner: null };

/**
 * Gives back the document lock a section kept (one releaseLock call; none when nothing is kept). Call it
 * before anything slow (an email), and before taking another lock (the owner's lock comes first).
 */
export function releaseKeptDocumentLock(): void {
  const lock = kept.document;
  kept.document = null;
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
export function withDocumentLockIfAny<T>(body: () => T, timeoutMs = 30_000, keepToExit = false): T {
  return documentSection(body, timeoutMs, keepToExit, body);
}

/** The one place the document lock is taken and given back; `noDocument` runs when there is none. */
function documentSection<T>(body: () => T, timeoutMs: number, keepToExit: boolean, noDocument: () => T): T {
  if (__WO_NO_LOCKS__) return body();
  if (held.document > 0) return body();
  const lock = kept.document ?? LockService.getDocumentLock();
  if (!lock) return noDocument();
  return section('document', lock, body, timeoutMs, keepToExit);
}

/**
 * Runs `body` holding `lock` (taken unless it is the one kept), counted in `held`; then gives it back,
 * or keeps it to the execution's end when `keepToExit` and `body` returned.
 */
function section<T>(
  which: keyof typeof held,
  lock: Lock,
  body: () => T,
  timeoutMs: number,
  keepToExit: boolean,
): T {
  if (lock !== kept[which]) {
    acquire(lock, timeoutMs);
    if (which === 'document') documentHolds++;
  }
  kept[which] = null;
  held[which]++;
  if (which === 'document') documentLockNowHeld(true);
  let keep = false;
  try {
    const result = body();
    keep = keepToExit;
    return result;
  } finally {
    held[which]--;
    // Nothing read under the lock is kept past the section, held or not (document-properties-memo.ts).
    if (which === 'document') documentLockNowHeld(held.document > 0);
    if (keep) kept[which] = lock;
    else releaseQuietly(lock);
  }
}

/**
 * The signed-in (or trigger-owning) user's lock alone: it serializes this user's executions across
 * documents (the hourly job's lease, the owner's state). Re-entrant: inside a section that holds it
 * already (this one or withOwnerAndDocumentLocks), `body` just runs. `keepToExit`: kept when `body`
 * returns (one kept earlier is then reused and kept again, at no round trip).
 */
export function withUserLock<T>(body: () => T, timeoutMs = 10_000, keepToExit = false): T {
  return userSection(body, timeoutMs, keepToExit);
}

/** The one place the user's lock is taken and given back (or kept to the execution's end). */
function userSection<T>(body: () => T, timeoutMs: number, keepToExit: boolean): T {
  if (__WO_NO_LOCKS__) return body();
  if (held.owner > 0) return body();
  return section('owner', kept.owner ?? LockService.getUserLock(), body, timeoutMs, keepToExit);
}

export interface OwnerAndDocumentLockOptions {
  timeoutMs?: number;
  /** Keep the document lock when `body` returns (keepToExit); the owner's lock is given back. */
  keepDocumentLock?: boolean;
  /**
   * Keep the owner's (user) lock when `body` returns, for Apps Script to give back when the execution
   * ends: a release costs a round trip. The document lock is released as usual, so editors are not
   * held up by what follows; only the owner's own executions (other submissions, the hourly job) wait
   * for the rest of this one. A section that throws still releases both at once.
   */
  keepOwnerToExit?: boolean;
}

/** For a section that mail follows: releaseMailIntent deletes its intent under the lock, then gives it back. */
export const KEEP_DOCUMENT_LOCK_FOR_MAIL: OwnerAndDocumentLockOptions & DocumentLockOptions = {
  keepDocumentLock: true,
  keepToExit: true,
};

/**
 * For work that the hourly job (no document, see owner-state.ts) also does: the trigger owner's user
 * lock first, then the document lock when there is a document. Always in this order, so two
 * executions can never wait on each other's second lock. Re-entrant like withDocumentLock: a lock
 * this execution holds already is neither taken nor released again. `keepDocumentLock`: the document
 * lock is kept when `body` returns, as keepToExit does (for a section that mail follows: see
 * releaseMailIntent).
 */
export function withOwnerAndDocumentLocks<T>(
  body: () => T,
  { timeoutMs = 30_000, keepDocumentLock = false, keepOwnerToExit = false }: OwnerAndDocumentLockOptions = {},
): T {
  if (held.owner > 0) return withDocumentLockIfAny(body, timeoutMs);
  // The owner's lock is always taken first: a document lock kept from an earlier section goes back.
  releaseKeptDocumentLock();
  return userSection(
    () => withDocumentLockIfAny(body, timeoutMs, keepDocumentLock),
    timeoutMs,
    keepOwnerToExit,
  );
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
  // An owner's lock kept from an earlier section is still this execution's: reused, and kept again.
  const wasKept = kept.owner;
  const userLock = wasKept ?? LockService.getUserLock();
  if (!wasKept && !userLock.tryLock(0)) return null;
  kept.owner = null;
  held.owner++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.owner--;
    if (wasKept) kept.owner = userLock;
    else releaseQuietly(userLock);
  };
}
