/**
 * The sandbox's global scope (runtime/sandbox/worker.ts). The built-ins are re-bound as script-scope
 * constants before Code.js loads, so that the script's global lookups are as fast as in Apps Script's
 * V8 rather than going through Node's vm interceptor; a script may still declare a built-in's name
 * itself, as it may on live Apps Script, and the services keep working. The script's measured JavaScript time leaves out its service
 * calls, the sandbox's encoding and decoding of them included.
 */
import { LocalAppsScript, Scope } from '../../runtime';

const OVERRIDING = `
var Set = function Set() { this.mine = true; };
function Map(label) { this.label = label; }
function ownBuiltins() {
  return {
    set: new Set().mine === true,
    map: new Map('x').label,
    max: Math.max(2, 7),
    realm: Object.getPrototypeOf([]) === Array.prototype && [] instanceof Array,
    json: JSON.stringify({ a: [1, 2] }),
    date: new Date(0).toISOString(),
    // A service call after the script replaced Map: the services must still use the real one.
    name: SpreadsheetApp.getActiveSpreadsheet().getName(),
  };
}
function replaceBuiltins() {
  Math = { max: function () { return 'assigned'; } };
  var seenOnGlobal = globalThis.Math.max();
  globalThis.JSON = { stringify: function () { return 'assigned on the global'; } };
  return [Math.max(), seenOnGlobal, JSON.stringify({}), typeof Reflect.ownKeys];
}
`;

const COSTED = `
function readMany(times) {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 1000, 20);
  var cells = 0;
  for (var i = 0; i < times; i++) cells += range.getValues().length;
  return cells;
}
function spin(n) {
  var x = 0;
  for (var i = 0; i < n; i++) x = (x + i * 7) % 1000003;
  return x;
}
`;

const USER = 'owner@example.com';

/** A runtime loaded with `source` and a spreadsheet named Globals, closed after the block. */
function loaded(source: string): { rt: () => LocalAppsScript; spreadsheetId: () => string } {
  let rt: LocalAppsScript | undefined;
  let spreadsheetId = '';
  beforeAll(() => {
    rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets] });
    spreadsheetId = rt.createSpreadsheet('Globals', USER);
  });
  afterAll(async () => {
    await rt?.close();
  });
  return { rt: () => rt!, spreadsheetId: () => spreadsheetId };
}

describe('a script that declares a built-in name at top level', () => {
  const { rt, spreadsheetId } = loaded(OVERRIDING);

  test('loads, its own declaration wins, and the services still work', async () => {
    for (let run = 0; run < 2; run++) {
      const result = await rt().run('ownBuiltins', { user: USER, spreadsheetId: spreadsheetId() });
      expect(result.error).toBeUndefined();
      expect(result.value).toEqual({
        set: true,
        map: 'x',
        max: 7,
        realm: true,
        json: '{"a":[1,2]}',
        date: '1970-01-01T00:00:00.000Z',
        name: 'Globals',
      });
    }
  });
});

describe('a script that replaces a built-in', () => {
  const { rt, spreadsheetId } = loaded(OVERRIDING);

  test('sees the new one by its name and on the global object, as on Apps Script', async () => {
    const result = await rt().run('replaceBuiltins', { user: USER, spreadsheetId: spreadsheetId() });
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual(['assigned', 'assigned', 'assigned on the global', 'function']);
    // A fresh execution starts from the real ones again.
    const next = await rt().run('ownBuiltins', { user: USER, spreadsheetId: spreadsheetId() });
    expect((next.value as { max: number }).max).toBe(7);
  });
});

describe("the script's measured JavaScript time", () => {
  const { rt, spreadsheetId } = loaded(COSTED);

  test('leaves out service calls: 40 reads of 20,000 cells cost less CPU than a busy loop', async () => {
    const reads = await rt().run('readMany', { user: USER, spreadsheetId: spreadsheetId(), args: [40] });
    expect(reads.error).toBeUndefined();
    expect(reads.value).toBe(40_000);
    const busy = await rt().run('spin', { user: USER, spreadsheetId: spreadsheetId(), args: [20_000_000] });
    expect(busy.ok).toBe(true);
    // The host and the codec handle 800,000 cells for the reads; none of it is the script's time.
    expect(reads.stats.scriptCpuMs).toBeGreaterThanOrEqual(0);
    expect(reads.stats.scriptCpuMs).toBeLessThan(busy.stats.scriptCpuMs / 4);
  });
});
