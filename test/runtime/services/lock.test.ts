import { LocalAppsScript } from '../../../runtime';

/**
 * LockService conformance (developers.google.com/apps-script/reference/lock): a lock held by one
 * execution blocks another's waitLock/tryLock until released (or the execution ends); waitLock
 * throws "Lock timeout: another process was holding the lock for too long." at its timeout;
 * tryLock returns false; the document lock is per document, the script lock is one for all
 * documents; getDocumentLock() is null without a document.
 */
const source = `
function increment(useLock, kind) {
  var lock = kind === 'script' ? LockService.getScriptLock() : LockService.getDocumentLock();
  if (useLock) lock.waitLock(10000);
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty('n') || 0);
  Utilities.sleep(150);
  p.setProperty('n', String(n + 1));
  if (useLock) lock.releaseLock();
  return n;
}
function holdFor(ms, kind, release) {
  var lock = kind === 'script' ? LockService.getScriptLock() : kind === 'user' ? LockService.getUserLock() : LockService.getDocumentLock();
  lock.waitLock(1000);
  Utilities.sleep(ms);
  if (release) lock.releaseLock();
  return lock.hasLock();
}
function tryFor(ms, kind) {
  var lock = kind === 'script' ? LockService.getScriptLock() : kind === 'user' ? LockService.getUserLock() : LockService.getDocumentLock();
  var got = lock.tryLock(ms);
  return { got: got, has: lock.hasLock() };
}
function waitFor(ms) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(ms);
  return lock.hasLock();
}
function noDocument() {
  return LockService.getDocumentLock() === null;
}
function lifecycle() {
  var lock = LockService.getScriptLock();
  var before = lock.hasLock();
  var got = lock.tryLock(0);
  var during = lock.hasLock();
  lock.releaseLock();
  return [before, got, during, lock.hasLock()];
}
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LockService', () => {
  const rt = LocalAppsScript.fromSource(source);
  afterAll(() => rt.close());
  /** Waits until some execution holds the lock (worker start-up time varies with machine load). */
  const held = async (key: string) => {
    while (rt.world.locks.holderOf(key) === null) await sleep(5);
  };
  beforeEach(() => rt.world.properties.script.clear());

  test('without a lock two concurrent executions lose an update', async () => {
    // Strict interleaving makes the race certain: both read before either writes.
    const runs = await rt.interleaved(() =>
      Promise.all([
        rt.run('increment', { user: 'a@example.com', spreadsheetId: 'doc1', args: [false, 'document'] }),
        rt.run('increment', { user: 'b@example.com', spreadsheetId: 'doc1', args: [false, 'document'] }),
      ]),
    );
    expect(runs.map((r) => r.value)).toEqual([0, 0]);
    expect(rt.world.properties.script.get('n')).toBe('1');
  });

  test('a document lock serializes two concurrent executions on the same document', async () => {
    const runs = await Promise.all([
      rt.run('increment', { user: 'a@example.com', spreadsheetId: 'doc1', args: [true, 'document'] }),
      rt.run('increment', { user: 'b@example.com', spreadsheetId: 'doc1', args: [true, 'document'] }),
    ]);
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(runs.map((r) => r.value as number).sort()).toEqual([0, 1]);
    expect(rt.world.properties.script.get('n')).toBe('2');
    expect(runs.reduce((sum, r) => sum + r.stats.lockWaits, 0)).toBe(1);
    const waited = runs.find((r) => r.stats.lockWaits === 1)!;
    expect(waited.stats.lockWaitMs).toBeGreaterThan(0);
  });

  test('under strict interleaving, waiters are woken and every update survives', async () => {
    const runs = await rt.interleaved(() =>
      Promise.all(
        ['a', 'b', 'c'].map((u) =>
          rt.run('increment', { user: `${u}@example.com`, spreadsheetId: 'doc1', args: [true, 'document'] }),
        ),
      ),
    );
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(runs.map((r) => r.value as number).sort()).toEqual([0, 1, 2]);
    expect(rt.world.properties.script.get('n')).toBe('3');
  });

  test('document locks of different documents do not block each other; the script lock does', async () => {
    const holder = rt.run('holdFor', {
      user: 'a@example.com',
      spreadsheetId: 'doc1',
      args: [1500, 'script', true],
    });
    const holderDoc = rt.run('holdFor', {
      user: 'a@example.com',
      spreadsheetId: 'doc1',
      args: [1500, 'document', true],
    });
    await Promise.all([held('script'), held('document:doc1')]);
    const otherDocScript = await rt.run('tryFor', {
      user: 'b@example.com',
      spreadsheetId: 'doc2',
      args: [0, 'script'],
    });
    const otherDocDocument = await rt.run('tryFor', {
      user: 'b@example.com',
      spreadsheetId: 'doc2',
      args: [0, 'document'],
    });
    const sameDocDocument = await rt.run('tryFor', {
      user: 'b@example.com',
      spreadsheetId: 'doc1',
      args: [0, 'document'],
    });
    expect(otherDocScript.value).toEqual({ got: false, has: false });
    expect(otherDocDocument.value).toEqual({ got: true, has: true });
    expect(sameDocDocument.value).toEqual({ got: false, has: false });
    await Promise.all([holder, holderDoc]);
  });

  test('the user lock is per user', async () => {
    const holder = rt.run('holdFor', {
      user: 'a@example.com',
      spreadsheetId: 'doc1',
      args: [1500, 'user', true],
    });
    await held('user:a@example.com');
    const same = await rt.run('tryFor', { user: 'a@example.com', spreadsheetId: 'doc2', args: [0, 'user'] });
    const other = await rt.run('tryFor', { user: 'b@example.com', spreadsheetId: 'doc1', args: [0, 'user'] });
    expect(same.value).toEqual({ got: false, has: false });
    expect(other.value).toEqual({ got: true, has: true });
    await holder;
  });

  test("waitLock times out with Google's message; tryLock returns false", async () => {
    const holder = rt.run('holdFor', {
      user: 'a@example.com',
      spreadsheetId: 'doc1',
      args: [2000, 'document', true],
    });
    await held('document:doc1');
    let holderDone = false;
    void holder.then(() => (holderDone = true));
    const [waited, tried] = await Promise.all([
      rt.run('waitFor', { user: 'b@example.com', spreadsheetId: 'doc1', args: [250] }),
      rt.run('tryFor', { user: 'c@example.com', spreadsheetId: 'doc1', args: [250, 'document'] }),
    ]);
    // Both gave up at their own timeout, before the holder let go (an order of events, not a clock).
    expect(holderDone).toBe(false);
    expect(waited.ok).toBe(false);
    expect(waited.error?.message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(waited.stats.lockWaits).toBe(1);
    expect(waited.stats.lockWaitMs).toBeGreaterThan(0);
    expect(tried.value).toEqual({ got: false, has: false });
    expect((await holder).value).toBe(false);
  });

  test('a lock still held when its execution ends is released and wakes the waiter', async () => {
    const holder = rt.run('holdFor', {
      user: 'a@example.com',
      spreadsheetId: 'doc1',
      args: [300, 'document', false],
    });
    await held('document:doc1');
    const waiter = await rt.run('waitFor', { user: 'b@example.com', spreadsheetId: 'doc1', args: [5000] });
    const holderRun = await holder;
    expect(holderRun.value).toBe(true);
    expect(waiter.ok).toBe(true);
    expect(waiter.value).toBe(true);
    expect(rt.world.locks.holderOf('document:doc1')).toBeNull();
  });

  test('getDocumentLock() is null without a document; hasLock follows tryLock and releaseLock', async () => {
    const none = await rt.run('noDocument', {
      user: 'a@example.com',
      spreadsheetId: null,
      kind: 'installable-trigger',
    });
    expect(none.value).toBe(true);
    const life = await rt.run('lifecycle', { user: 'a@example.com', spreadsheetId: 'doc1' });
    expect(life.value).toEqual([false, true, true, false]);
  });
});
