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
 * Runs `body` holding the document lock. Appends, counters and read-modify-write of rows must be
 * serialized per spreadsheet; the document lock does exactly that, while an add-on's script lock
 * would serialize every spreadsheet that installed it.
 *
 * Re-entrant: inside a section that holds the document lock already, `body` just runs (Apps Script
 * locks are not counted, so a second tryLock/releaseLock pair would release the outer hold early).
 * That lets an entry point take the lock first and answer every property read under it from one
 * read of the store (document-properties-memo.ts), while the features it calls keep their own locks.
 */
export function withDocumentLock<T>(body: () => T, timeoutMs = 30_000): T {
  if (__WO_NO_LOCKS__) return body();
  if (held.document > 0) return body();
  const lock = LockService.getDocumentLock();
  if (!lock) throw new UserFacingError('Work Orders needs an open spreadsheet to lock it.');
  acquire(lock, timeoutMs);
  held.document++;
  documentLockNowHeld(true);
  try {
    return body();
  } finally {
    held.document--;
    documentLockNowHeld(held.document > 0);
    lock.releaseLock();
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
  const userLock = LockService.getUserLock();
  acquire(userLock, timeoutMs);
  held.owner++;
  try {
    return withDocumentLockIfAny(body, timeoutMs);
  } finally {
    held.owner--;
    userLock.releaseLock();
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
    documentLock.releaseLock();
  }
}
