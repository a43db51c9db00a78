import { LocalAppsScript } from '../../../runtime';

/**
 * PropertiesService conformance (developers.google.com/apps-script/reference/properties):
 * script properties are shared by every document, user properties belong to one user, document
 * properties to one document and are null without one; values are strings; 9 KB / value and
 * 500 KB / store (Google's quotas page).
 */
const source = `
function setAll(scope, key, value) {
  var p = scope === 'script' ? PropertiesService.getScriptProperties()
    : scope === 'user' ? PropertiesService.getUserProperties() : PropertiesService.getDocumentProperties();
  p.setProperty(key, value);
  return p.getProperties();
}
function read(scope, key) {
  var p = scope === 'script' ? PropertiesService.getScriptProperties()
    : scope === 'user' ? PropertiesService.getUserProperties() : PropertiesService.getDocumentProperties();
  return p === null ? 'no store' : p.getProperty(key);
}
function bulk() {
  var p = PropertiesService.getScriptProperties();
  p.setProperties({ a: 1, b: true, c: 'x' });
  var before = p.getKeys().sort();
  p.setProperties({ d: '4' }, true);
  var after = p.getKeys();
  p.deleteProperty('d');
  return { before: before, after: after, gone: p.getProperty('d'), chained: typeof p.setProperty('e', 'f').getProperty };
}
function tooBig(bytes) {
  PropertiesService.getScriptProperties().setProperty('big', new Array(bytes + 1).join('x'));
}
function fill() {
  var p = PropertiesService.getScriptProperties();
  p.deleteAllProperties();
  var chunk = new Array(9001).join('y');
  for (var i = 0; i < 100; i++) p.setProperty('k' + i, chunk);
}
`;

describe('PropertiesService', () => {
  const rt = LocalAppsScript.fromSource(source);
  afterAll(() => rt.close());

  test('script properties are shared across documents; document properties are per document', async () => {
    await rt.run('setAll', { user: 'a@example.com', spreadsheetId: 'doc1', args: ['script', 'k', 'shared'] });
    await rt.run('setAll', { user: 'a@example.com', spreadsheetId: 'doc1', args: ['document', 'k', 'one'] });
    const other = await rt.run('read', {
      user: 'b@example.com',
      spreadsheetId: 'doc2',
      args: ['script', 'k'],
    });
    expect(other.value).toBe('shared');
    const doc2 = await rt.run('read', {
      user: 'a@example.com',
      spreadsheetId: 'doc2',
      args: ['document', 'k'],
    });
    expect(doc2.value).toBeNull();
    const doc1 = await rt.run('read', {
      user: 'b@example.com',
      spreadsheetId: 'doc1',
      args: ['document', 'k'],
    });
    expect(doc1.value).toBe('one');
  });

  test('getDocumentProperties() returns null without an active document (time-driven)', async () => {
    const r = await rt.run('read', {
      user: 'a@example.com',
      spreadsheetId: null,
      kind: 'installable-trigger',
      args: ['document', 'k'],
    });
    expect(r.ok).toBe(true);
    expect(r.value).toBe('no store');
  });

  test('user properties belong to the effective user', async () => {
    await rt.run('setAll', { user: 'a@example.com', spreadsheetId: 'doc1', args: ['user', 'theme', 'dark'] });
    const b = await rt.run('read', { user: 'b@example.com', spreadsheetId: 'doc1', args: ['user', 'theme'] });
    expect(b.value).toBeNull();
    expect(rt.world.properties.user('a@example.com').get('theme')).toBe('dark');
  });

  test('values are stored as strings; setProperties(obj, true) deletes all others', async () => {
    const r = await rt.run('setAll', {
      user: 'a@example.com',
      spreadsheetId: 'doc1',
      args: ['script', 'n', 42],
    });
    expect((r.value as Record<string, unknown>).n).toBe('42');
    const b = await rt.run('bulk', { user: 'a@example.com', spreadsheetId: 'doc1' });
    expect(b.value).toEqual({
      before: ['a', 'b', 'c', 'k', 'n'],
      after: ['d'],
      gone: null,
      chained: 'function',
    });
    expect(rt.world.properties.script.entries()).toEqual({ e: 'f' });
  });

  test('a value over 9 KB fails with "Argument too large: value"', async () => {
    const ok = await rt.run('tooBig', { user: 'a@example.com', spreadsheetId: 'doc1', args: [9 * 1024] });
    expect(ok.ok).toBe(true);
    const r = await rt.run('tooBig', { user: 'a@example.com', spreadsheetId: 'doc1', args: [9 * 1024 + 1] });
    expect(r.error?.message).toBe('Argument too large: value');
  });

  test('a store over 500 KB fails with the property storage quota message', async () => {
    const r = await rt.run('fill', { user: 'a@example.com', spreadsheetId: 'doc1' });
    expect(r.error?.message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(rt.world.properties.script.usedBytes).toBeLessThanOrEqual(500 * 1024);
    expect(rt.world.properties.script.size).toBeGreaterThan(50);
  });

  test('Properties is never authorization-checked against a scope', async () => {
    const r = await rt.run('read', {
      user: 'a@example.com',
      spreadsheetId: 'doc1',
      kind: 'simple-trigger',
      args: ['script', 'k'],
    });
    expect(r.ok).toBe(true);
  });
});
