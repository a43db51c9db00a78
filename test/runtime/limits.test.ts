/**
 * Execution time limits, on the world's clock sped up by a time scale so the tests stay short.
 *
 * Sources:
 * - Quotas page (developers.google.com/apps-script/guides/services/quotas), "Script runtime: 6 min /
 *   execution".
 * - Triggers guide (developers.google.com/apps-script/guides/triggers), restrictions of simple triggers:
 *   "They cannot run for longer than 30 seconds."
 * - Google's message when it stops a script: "Exceeded maximum execution time" (the error shown in the
 *   executions log; e.g. labnol.org/code/20016-maximum-execution-time-limit). Google halts the script:
 *   what it wrote before stays, none of its own catch/finally code runs.
 * - Utilities.sleep reference: "The maximum allowed value is 300000 (or 5 minutes)"; the time slept
 *   counts towards the execution's runtime.
 */
import { AuthMode, LocalAppsScript, Scope } from '../../runtime';
import { EXCEEDED_MAXIMUM_EXECUTION_TIME } from '../../runtime/host/executor';
import { LockTable } from '../../runtime/host/services/lock';

const SOURCE = `
function cell(a1, value) { SpreadsheetApp.getActiveSpreadsheet().getRange(a1).setValue(value); }
function steps(n) {
  for (var i = 1; i <= n; i++) { cell('B' + i, i); Utilities.sleep(10000); }
  return 'done';
}
function fiveSteps() { return steps(5); }
function onOpen() { steps(5); }
function spin() {
  LockService.getDocumentLock().waitLock(1000);
  cell('A1', 'before');
  try { while (true) {} } catch (e) { cell('A2', 'caught'); } finally { cell('A3', 'finally'); }
}
function lockIsFree() { return LockService.getDocumentLock().tryLock(0); }
function holdLock() { LockService.getDocumentLock().waitLock(1000); Utilities.sleep(300000); cell('D1', 'held'); }
function onEdit() { LockService.getDocumentLock().waitLock(3600000); cell('D2', 'waited'); }
function sleptFor(ms) { var t = Date.now(); Utilities.sleep(ms); return Date.now() - t; }
`;

function load(timeScale: number) {
  const rt = LocalAppsScript.fromSource(SOURCE, { oauthScopes: [Scope.spreadsheets] }, { timeScale });
  const ssId = rt.createSpreadsheet('Limits', 'owner@example.com');
  const cell = (a1: string) => {
    const sheet = rt.world.spreadsheets.require(ssId).requireSheet('Sheet1');
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    return sheet.readValues(Number(m[2]), m[1]!.charCodeAt(0) - 64, 1, 1)[0]![0];
  };
  return { rt, ssId, cell };
}

describe('time limits (×100: 30 s take 0.3 s, 6 min 3.6 s)', () => {
  const { rt, ssId, cell } = load(100);
  afterAll(() => rt.close());

  test('a simple trigger is stopped at 30 s; what it wrote before stays', async () => {
    const r = (await rt.openSpreadsheet(ssId, 'owner@example.com', AuthMode.LIMITED))!;
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    // B1 is written at once; B5 only after 40 s of sleep, well past the limit.
    expect(cell('B1')).toBe(1);
    expect(cell('B5')).toBe('');
  });

  test('the same 50 s of work finishes as a menu item, which has 6 minutes', async () => {
    const r = await rt.runMenuItem(ssId, 'owner@example.com', 'fiveSteps');
    expect(r.ok).toBe(true);
    expect(r.value).toBe('done');
    expect(cell('B5')).toBe(5);
  });

  test('a simple trigger still waiting for a lock at 30 s is stopped and never takes it', async () => {
    const holder = rt.runMenuItem(ssId, 'owner@example.com', 'holdLock');
    while (rt.world.locks.holderOf(`document:${ssId}`) === null) await new Promise((r) => setTimeout(r, 5));
    const waiter = await rt.run('onEdit', {
      user: 'owner@example.com',
      kind: 'simple-trigger',
      spreadsheetId: ssId,
    });
    expect(waiter).toMatchObject({ ok: false, error: { message: EXCEEDED_MAXIMUM_EXECUTION_TIME } });
    expect((await holder).ok).toBe(true);
    expect([cell('D1'), cell('D2')]).toEqual(['held', '']);
    expect(await rt.runMenuItem(ssId, 'owner@example.com', 'lockIsFree')).toMatchObject({ value: true });
  });

  test("the script's own clock runs at the world's pace: a 20 s sleep reads as 20 s", async () => {
    const r = await rt.run('sleptFor', { user: 'owner@example.com', spreadsheetId: ssId, args: [20000] });
    expect(r.value as number).toBeGreaterThanOrEqual(19_000);
  });
});

describe('a script stopped at 6 minutes (×1000: 0.36 s)', () => {
  const { rt, ssId, cell } = load(1000);
  afterAll(() => rt.close());

  test('is halted where it is: no catch or finally runs, its locks are released, the next run works', async () => {
    const r = await rt.runMenuItem(ssId, 'owner@example.com', 'spin');
    expect(r).toMatchObject({ ok: false, error: { message: EXCEEDED_MAXIMUM_EXECUTION_TIME } });
    expect([cell('A1'), cell('A2'), cell('A3')]).toEqual(['before', '', '']);
    const next = await rt.runMenuItem(ssId, 'owner@example.com', 'lockIsFree');
    expect(next).toMatchObject({ ok: true, value: true });
  });

  test('a google.script.run call past the limit reaches the failure handler with the message', async () => {
    expect(await rt.callFromHtml('spin', [], 'owner@example.com', ssId)).toEqual({
      ok: false,
      error: EXCEEDED_MAXIMUM_EXECUTION_TIME,
    });
  });
});

test('an execution stopped while queued for a lock never receives it', () => {
  const table = new LockTable();
  expect(table.tryAcquire('document:d', 1)).toBe(true);
  const queued = table.acquire('document:d', 2, 60_000);
  expect(table.waitingFor('document:d')).toBe(1);
  table.releaseAll(2); // execution 2 was stopped at its limit
  table.release('document:d', 1);
  expect(table.holderOf('document:d')).toBeNull();
  expect(table.waitingFor('document:d')).toBe(0);
  void queued;
});
