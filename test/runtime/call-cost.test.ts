/**
 * The accounting budgets and the benchmark read: reference-building calls are local, reads and writes
 * of the document are Spreadsheet backend calls, a toast is a round trip to the user's browser (Ui),
 * and the getters that hand out a property store, a lock or a cache are local (the call after is not).
 */
import { LocalAppsScript, Scope } from '../../runtime';
import { spreadsheetCalls } from '../../runtime/host/execution';

test('getRange is local, getValues and setValues reach the backend, a toast is a Ui round trip', async () => {
  const rt = LocalAppsScript.fromSource(
    `function run() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var range = ss.getSheets()[0].getRange(1, 1, 2, 2);
      range.setValues([[1, 2], [3, 4]]);
      var values = range.getValues();
      ss.toast('Saved', 'Work Orders', 3);
      return values[1][1];
    }`,
    { oauthScopes: [Scope.spreadsheets] },
  );
  try {
    const ssId = rt.createSpreadsheet('Costs', 'a@example.com');
    const record = await rt.run('run', { user: 'a@example.com', spreadsheetId: ssId });
    expect(record.value).toBe(4);
    expect(record.stats.backend.Spreadsheet).toEqual({ touch: 1, read: 2, write: 1 }); // getSheets, getValues; setValues
    expect(record.stats.backend.Ui).toEqual({ touch: 0, read: 0, write: 1 });
    expect(spreadsheetCalls(record.stats)).toBe(3);
    expect(record.stats.calls['Sheet.getRange']).toBe(1);
    expect(record.stats.cellsRead).toBe(4);
    expect(record.stats.cellsWritten).toBe(4);
  } finally {
    await rt.close();
  }
});

test('the store, lock and cache getters are local; the get, set, tryLock and put after them are round trips', async () => {
  const rt = LocalAppsScript.fromSource(
    `function run() {
      var doc = PropertiesService.getDocumentProperties();
      var user = PropertiesService.getUserProperties();
      PropertiesService.getScriptProperties();
      doc.setProperty('a', '1');
      var a = doc.getProperty('a');
      user.getProperty('b');
      var lock = LockService.getDocumentLock();
      LockService.getUserLock();
      LockService.getScriptLock();
      lock.tryLock(1000);
      lock.releaseLock();
      var cache = CacheService.getDocumentCache();
      CacheService.getUserCache();
      CacheService.getScriptCache();
      cache.put('c', 'x', 60);
      return a + cache.get('c');
    }`,
    { oauthScopes: [Scope.spreadsheets] },
  );
  try {
    const ssId = rt.createSpreadsheet('Handles', 'a@example.com');
    const record = await rt.run('run', { user: 'a@example.com', spreadsheetId: ssId });
    expect(record.value).toBe('1x');
    expect(record.stats.backend.Properties).toEqual({ touch: 0, read: 2, write: 1 }); // 2 getProperty; setProperty
    expect(record.stats.backend.Lock).toEqual({ touch: 0, read: 0, write: 2 }); // tryLock, releaseLock
    expect(record.stats.backend.Cache).toEqual({ touch: 0, read: 1, write: 1 }); // get; put
    // Still recorded by name, like every call.
    expect(record.stats.calls['PropertiesService.getDocumentProperties']).toBe(1);
    expect(record.stats.calls['LockService.getUserLock']).toBe(1);
    expect(record.stats.calls['CacheService.getScriptCache']).toBe(1);
  } finally {
    await rt.close();
  }
});
