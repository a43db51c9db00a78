import { LocalAppsScript } from '../../../runtime';

/**
 * CacheService conformance (developers.google.com/apps-script/reference/cache/cache): values are
 * strings that expire (10 minutes by default, 6 hours at most); keys up to 250 characters and
 * values up to 100 KB; the document cache is per document and null without one.
 */
const source = `
function put(scope, key, value, ttl) {
  var c = scope === 'script' ? CacheService.getScriptCache() : scope === 'user' ? CacheService.getUserCache() : CacheService.getDocumentCache();
  if (ttl === undefined) c.put(key, value); else c.put(key, value, ttl);
}
function get(scope, key) {
  var c = scope === 'script' ? CacheService.getScriptCache() : scope === 'user' ? CacheService.getUserCache() : CacheService.getDocumentCache();
  return c === null ? 'no cache' : c.get(key);
}
function bulk() {
  var c = CacheService.getScriptCache();
  c.putAll({ a: '1', b: 2, c: 'three' }, 60);
  var all = c.getAll(['a', 'b', 'missing']);
  c.removeAll(['a', 'b']);
  c.remove('c');
  return { all: all, after: c.getAll(['a', 'b', 'c']) };
}
function longKey() { CacheService.getScriptCache().put(new Array(252).join('k'), 'v'); }
function bigValue() { CacheService.getScriptCache().put('big', new Array(100 * 1024 + 2).join('v')); }
`;

describe('CacheService', () => {
  const rt = LocalAppsScript.fromSource(source);
  afterAll(() => rt.close());
  const run = (
    entry: string,
    args: unknown[] = [],
    user = 'a@example.com',
    spreadsheetId: string | null = 'doc1',
  ) => rt.run(entry, { user, spreadsheetId, args });

  test('entries expire by the world clock: 600 s by default, the given ttl, capped at 21600 s', async () => {
    await run('put', ['script', 'default', 'd']);
    await run('put', ['script', 'short', 's', 30]);
    await run('put', ['script', 'long', 'l', 100000]);
    expect((await run('get', ['script', 'short'])).value).toBe('s');
    rt.world.clock.advance(31_000);
    expect((await run('get', ['script', 'short'])).value).toBeNull();
    expect((await run('get', ['script', 'default'])).value).toBe('d');
    rt.world.clock.advance(570_000);
    expect((await run('get', ['script', 'default'])).value).toBeNull();
    rt.world.clock.advance(21_600_000 - 601_000 - 1000);
    expect((await run('get', ['script', 'long'])).value).toBe('l');
    rt.world.clock.advance(2000);
    expect((await run('get', ['script', 'long'])).value).toBeNull();
  });

  // Measured on live Apps Script: "Negative expiration is ignored/stored"
  // (justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits).
  test('a negative expiration is ignored: the value is stored for the default 600 s', async () => {
    const put = await run('put', ['script', 'negative', 'n', -5]);
    expect(put.ok).toBe(true);
    expect((await run('get', ['script', 'negative'])).value).toBe('n');
    rt.world.clock.advance(601_000);
    expect((await run('get', ['script', 'negative'])).value).toBeNull();
  });

  // The same measurement: the expiration is not validated, so zero and a fraction below one second
  // do not fail the call either; an Integer parameter drops the fraction (1.9 s is 1 s).
  test('an expiration of 0 or below one second is ignored too; a fraction is dropped', async () => {
    expect((await run('put', ['script', 'zero', 'z', 0])).ok).toBe(true);
    expect((await run('put', ['script', 'half', 'h', 0.5])).ok).toBe(true);
    await run('put', ['script', 'almostTwo', 'a', 1.9]);
    rt.world.clock.advance(1_000);
    expect((await run('get', ['script', 'almostTwo'])).value).toBeNull();
    expect((await run('get', ['script', 'zero'])).value).toBe('z');
    expect((await run('get', ['script', 'half'])).value).toBe('h');
    rt.world.clock.advance(600_000);
    expect((await run('get', ['script', 'zero'])).value).toBeNull();
    expect((await run('get', ['script', 'half'])).value).toBeNull();
  });

  test('user caches are per user, document caches per document and null without one', async () => {
    await run('put', ['user', 'k', 'mine']);
    await run('put', ['document', 'k', 'doc1 value']);
    expect((await run('get', ['user', 'k'], 'b@example.com')).value).toBeNull();
    expect((await run('get', ['user', 'k'])).value).toBe('mine');
    expect((await run('get', ['document', 'k'], 'b@example.com')).value).toBe('doc1 value');
    expect((await run('get', ['document', 'k'], 'a@example.com', 'doc2')).value).toBeNull();
    expect((await run('get', ['document', 'k'], 'a@example.com', null)).value).toBe('no cache');
  });

  test('putAll / getAll / removeAll; values become strings', async () => {
    expect((await run('bulk')).value).toEqual({ all: { a: '1', b: '2' }, after: {} });
  });

  test("Google's size limits on keys and values", async () => {
    expect((await run('longKey')).error?.message).toBe('Argument too large: key');
    expect((await run('bigValue')).error?.message).toBe('Argument too large: value');
  });
});
