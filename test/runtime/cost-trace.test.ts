/**
 * The cost tracing budgets and the benchmark price (runtime/host/cost-trace.ts): what an execution did
 * while it held a lock, reads Google's read cache would answer, the cells a structural call covers,
 * and the script's own CPU time.
 */
import { LocalAppsScript, Scope } from '../../runtime';

const source = `
function holdAndRelease() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange(1, 1).setValue('before');
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4]]);
  var v = sheet.getRange(1, 1, 2, 2).getValues();
  PropertiesService.getDocumentProperties().setProperty('k', 'v');
  lock.releaseLock();
  sheet.getRange(5, 1).getValue();
  return v[1][1];
}
function holdToTheEnd() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 3, 1).getValues();
}
function cachedReads() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getLastRow();
  sheet.getLastRow(); // cached: nothing written since
  sheet.getRange(1, 1, 10, 2).getValues();
  sheet.getRange(3, 2).getValue(); // cached: this sheet's cells were read
  sheet.getRange(4, 1).setValue('x'); // the write cache must be committed before the next read
  sheet.getRange(4, 1).getValue(); // not cached
  sheet.getLastRow(); // not cached
  sheet.getLastRow(); // cached
}
function structural() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  var rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  sheet.getRange(2, 1, 100, 2).setDataValidation(rule);
  sheet.deleteRows(2, 5);
  sheet.deleteColumns(20, 4);
  sheet.insertColumnsAfter(1, 2);
  ss.insertSheet('Extra');
}
function busy() {
  var x = 0;
  for (var i = 0; i < 20000000; i++) x = (x + i * 7) % 1000003;
  return x;
}
`;

async function withRuntime(body: (rt: LocalAppsScript, ssId: string) => Promise<void>): Promise<void> {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets] });
  try {
    await body(rt, rt.createSpreadsheet('Costs', 'a@example.com'));
  } finally {
    await rt.close();
  }
}

test('a lock hold records only what the execution did while holding the lock', async () => {
  await withRuntime(async (rt, ssId) => {
    const record = await rt.run('holdAndRelease', { user: 'a@example.com', spreadsheetId: ssId });
    expect(record.ok).toBe(true);
    expect(record.value).toBe(4);
    expect(record.stats.lockHolds).toHaveLength(1);
    const hold = record.stats.lockHolds[0]!;
    expect(hold.key).toBe(`document:${ssId}`);
    expect(hold.endedBy).toBe('releaseLock');
    // The setValue before the lock and the getValue after it are not in the hold.
    expect(hold.during.backend.Spreadsheet).toEqual({ touch: 0, read: 1, write: 1 });
    expect(hold.during.backend.Properties).toEqual({ touch: 0, read: 0, write: 1 });
    expect(hold.during.cellsWritten).toBe(4);
    expect(hold.during.cellsRead).toBe(4);
    expect(hold.during.calls['Lock.releaseLock']).toBe(1);
    expect(record.stats.backend.Spreadsheet?.write).toBe(2);
  });
});

test('a lock still held when the execution ends is a hold ended by the end of the execution', async () => {
  await withRuntime(async (rt, ssId) => {
    const record = await rt.run('holdToTheEnd', { user: 'a@example.com', spreadsheetId: ssId });
    expect(record.stats.lockHolds).toHaveLength(1);
    expect(record.stats.lockHolds[0]!.endedBy).toBe('end of execution');
    expect(record.stats.lockHolds[0]!.during.cellsRead).toBe(3);
  });
});

test('repeated reads with no write between are counted as answered by the read cache', async () => {
  await withRuntime(async (rt, ssId) => {
    const record = await rt.run('cachedReads', { user: 'a@example.com', spreadsheetId: ssId });
    expect(record.ok).toBe(true);
    // getSheets, 4 × getLastRow, getValues, getValue, getValue: 8 reads, 3 of them cached.
    expect(record.stats.backend.Spreadsheet?.read).toBe(8);
    expect(record.stats.cachedReads).toBe(3);
  });
});

test('structural calls count the cells they cover', async () => {
  await withRuntime(async (rt, ssId) => {
    const record = await rt.run('structural', { user: 'a@example.com', spreadsheetId: ssId });
    expect(record.ok).toBe(true);
    // 100 × 2 validated cells, 5 deleted rows × 26 columns, 4 deleted and 2 inserted columns × the
    // 995 rows left, a new 1,000 × 26 sheet.
    expect(record.stats.structuralCells).toBe(200 + 5 * 26 + 4 * 995 + 2 * 995 + 26_000);
  });
});

const linux = process.platform === 'linux' ? test : test.skip;
linux("the script's own CPU time is measured on its thread", async () => {
  await withRuntime(async (rt, ssId) => {
    const busy = await rt.run('busy', { user: 'a@example.com', spreadsheetId: ssId });
    expect(Number.isFinite(busy.stats.scriptCpuMs)).toBe(true);
    expect(busy.stats.scriptCpuMs).toBeGreaterThan(0);
  });
});
