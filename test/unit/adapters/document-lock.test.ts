/**
 * The add-on's one lock module: every helper counts the holds it takes, so a section nested in another
 * (in any order: the user's lock alone, the owner's and the document's, the document's alone) neither
 * takes again nor gives back early a lock this execution already holds. Apps Script locks are not
 * counted: an inner releaseLock() would release the outer hold too.
 */
import {
  LockBusyError,
  withDocumentLock,
  withDocumentLockIfAny,
  withOwnerAndDocumentLocks,
  withUserLock,
} from '../../../src/server/adapters/document-lock';

interface FakeLock {
  held: boolean;
  calls: string[];
}

function fakeLock(name: string, log: string[], busy = false): FakeLock & GoogleAppsScript.Lock.Lock {
  const lock = {
    held: false,
    calls: log,
    tryLock: () => {
      log.push(`${name}.tryLock`);
      if (busy) return false;
      lock.held = true;
      return true;
    },
    releaseLock: () => {
      log.push(`${name}.releaseLock`);
      lock.held = false;
    },
    hasLock: () => lock.held,
  };
  return lock as unknown as FakeLock & GoogleAppsScript.Lock.Lock;
}

function installLocks(options: { document?: boolean; busy?: boolean } = {}) {
  const log: string[] = [];
  const user = fakeLock('user', log, options.busy);
  const document = fakeLock('document', log, options.busy);
  (globalThis as Record<string, unknown>).LockService = {
    getUserLock: () => user,
    getDocumentLock: () => (options.document === false ? null : document),
  };
  return { log, user, document };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).LockService;
});

test('the owner-and-document section inside a user-lock section takes the user lock once and keeps it to the end', () => {
  const { log, user, document } = installLocks();
  const seen: boolean[] = [];
  withUserLock(() => {
    withOwnerAndDocumentLocks(() => seen.push(user.held && document.held));
    // Still held here: the inner section must not have given back the outer hold.
    seen.push(user.held);
  });
  expect(seen).toEqual([true, true]);
  expect(log).toEqual(['user.tryLock', 'document.tryLock', 'document.releaseLock', 'user.releaseLock']);
});

test('every document helper inside another is free, whichever opened the section', () => {
  const { log, document } = installLocks();
  withDocumentLock(() =>
    withDocumentLockIfAny(() => withOwnerAndDocumentLocks(() => withDocumentLock(() => document.held))),
  );
  // The owner's lock comes after the document's here (nested), but the document lock is not retaken.
  expect(log.filter((c) => c.startsWith('document'))).toEqual(['document.tryLock', 'document.releaseLock']);
});

test('without a document, withDocumentLockIfAny runs unlocked and withDocumentLock refuses', () => {
  const { log } = installLocks({ document: false });
  expect(withDocumentLockIfAny(() => 'ran')).toBe('ran');
  expect(withOwnerAndDocumentLocks(() => 'ran')).toBe('ran');
  expect(log).toEqual(['user.tryLock', 'user.releaseLock']);
  expect(() => withDocumentLock(() => 'ran')).toThrow('Work Orders needs an open spreadsheet to lock it.');
});

test('a lock that stays busy is the same LockBusyError from every helper, and the body never runs', () => {
  installLocks({ busy: true });
  const body = jest.fn();
  for (const run of [
    () => withUserLock(body),
    () => withDocumentLockIfAny(body),
    () => withDocumentLock(body),
    () => withOwnerAndDocumentLocks(body),
  ]) {
    expect(run).toThrow(LockBusyError);
  }
  expect(body).not.toHaveBeenCalled();
});

test('a section that throws gives its locks back', () => {
  const { log, user, document } = installLocks();
  expect(() =>
    withOwnerAndDocumentLocks(() => {
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect(user.held || document.held).toBe(false);
  expect(log).toEqual(['user.tryLock', 'document.tryLock', 'document.releaseLock', 'user.releaseLock']);
});
