/**
 * Which functions google.script.run offers a page, and how its runners chain
 * (runtime/host/server-functions.ts, runtime/html-host/shim.ts).
 *
 * Sources:
 * - google.script.run reference (developers.google.com/apps-script/guides/html/reference/run): its
 *   methods are "any server-side function" plus withFailureHandler, withSuccessHandler and
 *   withUserObject, which set a handler or user object and return a runner for chaining; the failure
 *   handler's first parameter is "the Error object" thrown on the server.
 * - HTML service guide, communication, "Private functions": a server function whose name ends in an
 *   underscore is private; it cannot be called from google.script.run and its name is not sent to the
 *   page. A name the page's google.script.run does not have is the browser's TypeError ("… is not a
 *   function", the error people report for a misspelt or private server function), thrown at the call,
 *   before any request.
 * - Same guide: google.script.run allows 10 concurrent calls; an 11th made while 10 are still running
 *   is delayed until one of the 10 finishes. Objects passed become copies of the originals.
 * - A function expression assigned to a variable is not one of the project's functions to run (the
 *   editor does not list it; stackoverflow.com/q/59448144 shows google.script.run cannot call it).
 */
import vm from 'node:vm';
import { LocalAppsScript, Scope } from '../../runtime';
import { shimSource } from '../../runtime/html-host/shim';

const SOURCE = `
function act(x) { return 'did ' + x; }
function refuse() { throw new Error('Nothing to do: pick a work order first.'); }
function refuseWithText() { throw 'Nothing to do: pick a work order first.'; }
function refuseByService() { SpreadsheetApp.getActive().getRange('not a range'); }
function refuseByBug() { var row = null; return row.length; }
function helper_() { return 'private'; }
var expression = function () { return 'expression'; };
var WorkOrders = (function () { function nested() { return 'nested'; } return { nested: nested }; })();
`;

interface Page {
  run: Record<string, unknown>;
  sent: string[];
  /** Runs `source` in the page (where `run` is google.script.run); returns what it returns. */
  eval(source: string): unknown;
}

type Fetch = (url: string, init: { body: string }) => Promise<{ json(): Promise<unknown> }>;

function page(
  functions: readonly string[],
  reply: unknown = { ok: true, value: 'ok' },
  answer: (body: { fn: string; args: unknown[] }) => Promise<unknown> = () => Promise.resolve(reply),
): Page {
  const sent: string[] = [];
  const window: Record<string, unknown> = {};
  const context = vm.createContext({
    window,
    location: { origin: 'http://localhost' },
    setTimeout,
    console,
    fetch: ((_url, init) => {
      const body = JSON.parse(init.body) as { fn: string; args: unknown[] };
      sent.push(body.fn);
      return answer(body).then((value) => ({ json: () => Promise.resolve(value) }));
    }) satisfies Fetch,
  });
  vm.runInContext(
    shimSource({ user: 'u@example.com', spreadsheetId: 'ss', rpcPath: '/rpc', functions }),
    context,
  );
  const run = (window.google as { script: { run: Record<string, unknown> } }).script.run;
  context.run = run;
  return { run, sent, eval: (source) => vm.runInContext(source, context) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * Waits until the page's `expression` is defined (the handler has run), however busy the machine: a
 * fixed pause was too short on a loaded one. Gives up after many polls, and the test then fails on it.
 */
async function defined(p: { eval: (source: string) => unknown }, expression: string): Promise<unknown> {
  for (let i = 0; i < 1_000; i++) {
    const value = p.eval(`typeof ${expression} === 'undefined' ? undefined : JSON.stringify(${expression})`);
    if (value !== undefined) return JSON.parse(value as string) as unknown;
    await settle();
  }
  return undefined;
}

test("the page is offered the project's public top-level functions only", () => {
  const rt = LocalAppsScript.fromSource(SOURCE);
  expect(rt.serverFunctions()).toEqual(['act', 'refuse', 'refuseWithText', 'refuseByService', 'refuseByBug']);
});

test('a name the project does not offer is a TypeError at the call, and nothing is sent', async () => {
  const p = page(['act']);
  // Caught in the page, whose TypeError is its own.
  const thrown = (call: string) =>
    p.eval(
      `(function () { try { ${call}; return null; } catch (e) { return [e instanceof TypeError, e.message]; } })()`,
    );
  for (const name of ['missing', 'helper_']) {
    expect(thrown(`run.${name}()`)).toEqual([true, `run.${name} is not a function`]);
    expect(thrown(`run.withFailureHandler(function () {}).${name}()`)).toEqual([
      true,
      `run.withFailureHandler(...).${name} is not a function`,
    ]);
  }
  expect(p.eval('typeof run.act')).toBe('function');
  expect(p.eval('run.act(1)')).toBeUndefined();
  await settle();
  expect(p.sent).toEqual(['act']);
});

test('a call forged past the page to a private, nested or undeclared function runs nothing', async () => {
  const rt = LocalAppsScript.fromSource(SOURCE);
  const ssId = rt.createSpreadsheet('Calls', 'owner@example.com');
  try {
    for (const fn of ['helper_', 'expression', 'nested', 'WorkOrders', 'constructor']) {
      expect(await rt.callFromHtml(fn, [], 'owner@example.com', ssId)).toEqual({
        ok: false,
        error: `Script function not found: ${fn}`,
      });
    }
    expect(rt.executions).toHaveLength(0);
    expect(await rt.callFromHtml('act', [2], 'owner@example.com', ssId)).toEqual({
      ok: true,
      value: 'did 2',
    });
  } finally {
    await rt.close();
  }
});

test('each with… returns a new runner: the one it was called on keeps its own handlers', async () => {
  const p = page(['act']);
  p.eval(`
    window.seen = [];
    var a = run.withSuccessHandler(function (v, o) { window.seen.push(['a', v, o]); });
    var b = a.withUserObject('mine');
    window.distinct = a !== run && b !== a;
    run.act();
    a.act();
    b.act();
  `);
  await settle();
  expect(p.eval('window.distinct')).toBe(true);
  expect(p.eval('JSON.stringify(window.seen)')).toBe(
    JSON.stringify([
      ['a', 'ok', null],
      ['a', 'ok', 'mine'],
    ]),
  );
});

test('the failure handler gets a ScriptError whose message is what the server threw, as a string, and the user object', async () => {
  // A thrown Error arrives as "Error: <message>" (its toString: scripts calling google.script.run strip
  // that prefix themselves), a thrown string as itself, a service's exception as "Exception: …"; the
  // error's name is ScriptError, the type Google's reply carries ("ScriptError: Authorization is
  // required…" as pages print a failure).
  const rt = LocalAppsScript.fromSource(SOURCE, { oauthScopes: [Scope.spreadsheets] });
  const ssId = rt.createSpreadsheet('Calls', 'owner@example.com');
  try {
    const failureOf = async (fn: string) => {
      const p = page([fn], await rt.callFromHtml(fn, [], 'owner@example.com', ssId));
      p.eval(`
        run.withUserObject('row 7').withFailureHandler(function (e, o) {
          window.failure = [e instanceof Error, e.name, e.message, o];
        }).${fn}();
      `);
      return defined(p, 'window.failure');
    };
    expect(await failureOf('refuse')).toEqual([
      true,
      'ScriptError',
      'Error: Nothing to do: pick a work order first.',
      'row 7',
    ]);
    expect(await failureOf('refuseWithText')).toEqual([
      true,
      'ScriptError',
      'Nothing to do: pick a work order first.',
      'row 7',
    ]);
    expect(await failureOf('refuseByService')).toEqual([
      true,
      'ScriptError',
      'Exception: Range not found',
      'row 7',
    ]);
    expect(await failureOf('refuseByBug')).toEqual([
      true,
      'ScriptError',
      "TypeError: Cannot read properties of null (reading 'length')",
      'row 7',
    ]);
  } finally {
    await rt.close();
  }
});

test('at most 10 calls run at once: the 11th waits for one to finish, with its arguments as they were', async () => {
  const finish: (() => void)[] = [];
  const p = page(['act'], null, (body) => {
    return new Promise((resolve) => finish.push(() => resolve({ ok: true, value: body.args[0] })));
  });
  p.eval(`
    window.done = [];
    var ok = run.withSuccessHandler(function (v) { window.done.push(v); });
    var last = { n: 11 };
    for (var i = 1; i <= 10; i++) ok.act({ n: i });
    ok.act(last);
    last.n = 'changed';
  `);
  await settle();
  expect(p.sent).toHaveLength(10);
  expect(p.eval('window.__gasPending')).toBe(11);
  finish[3]!();
  await settle();
  expect(p.sent).toHaveLength(11);
  for (const f of finish.slice()) f();
  await settle();
  expect(
    p.eval(
      'JSON.stringify(window.done.map(function (v) { return v.n; }).sort(function (a, b) { return a - b; }))',
    ),
  ).toBe(JSON.stringify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
  expect(p.eval('window.__gasPending')).toBe(0);
});

test("a returned Date makes the page's value null; a returned service object arrives as {}", async () => {
  // HTML service guide, "Parameters and return values": a Date is not a legal value, and pages that
  // return one get null in the success handler. A Spreadsheet has no fields of its own: {} (the
  // runtime's reading); the host used to overflow its stack walking the object's internals.
  const rt = LocalAppsScript.fromSource(
    `function when() { return { at: new Date(0), n: 1 }; }
     function book() { return SpreadsheetApp.getActive(); }
     function mixed() { return { sheet: SpreadsheetApp.getActive().getSheets()[0], rows: [1, 2], name: 'x' }; }`,
    { oauthScopes: [Scope.spreadsheets] },
  );
  const ssId = rt.createSpreadsheet('Returns', 'owner@example.com');
  try {
    const call = (fn: string) => rt.callFromHtml(fn, [], 'owner@example.com', ssId);
    expect(await call('when')).toEqual({ ok: true, value: null });
    expect(await call('book')).toEqual({ ok: true, value: {} });
    expect(await call('mixed')).toEqual({ ok: true, value: { sheet: {}, rows: [1, 2], name: 'x' } });
  } finally {
    await rt.close();
  }
});
