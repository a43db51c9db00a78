/**
 * The page half of google.script.run (runtime/html-host/shim.ts), run in a bare context with a
 * recording fetch. The HTML service guide (developers.google.com/apps-script/guides/html/communication,
 * "Parameters and return values"): "Requests fail if you attempt to pass a Date, Function, DOM element
 * besides a form, or other prohibited type, including prohibited types inside objects or arrays.
 * Objects that create circular references will also fail, and undefined fields within arrays become
 * null." The guide gives no error text; pages and sidebars that met it report the page's own
 * google.script.run throwing, at the call and before any request, "Uncaught TypeError: Failed due to
 * illegal value in property: <key>" (0 for a Date as the first argument, `func` for a function in a
 * key `func`) and "Failed due to circular reference." for a cycle, the failure handler never called.
 */
import vm from 'node:vm';
import { shimSource } from '../../runtime/html-host/shim';

interface Page {
  /** Calls google.script.run[fn] with the arguments `args` builds in the page (its own Date, Object…). */
  call(fn: string, args: string): Promise<Outcome>;
  /** The page's record of calls made (window.__gasCalls). */
  calls(): unknown[];
}

interface Outcome {
  /** What the call threw in the page, [name, message]; null if it returned. */
  thrown?: [string, string] | null;
  sent: unknown[] | null;
  failure: string | null;
}

function page(): Page {
  const sent: string[] = [];
  const window: Record<string, unknown> = {};
  const context = vm.createContext({
    window,
    location: { origin: 'http://localhost' },
    setTimeout,
    console,
    Proxy,
    // A page element's class (the DOM's Node): an element is not a plain object.
    Node: class Node {},
    fetch: (_url: string, init: { body: string }) => {
      sent.push(init.body);
      return Promise.resolve({ json: () => Promise.resolve({ ok: true, value: null }) });
    },
  });
  vm.runInContext(
    shimSource({ user: 'u@example.com', spreadsheetId: 'ss', rpcPath: '/rpc', functions: ['act'] }),
    context,
  );
  context.window = window;
  return {
    calls: () => window.__gasCalls as unknown[],
    call: (fn, argsSource) =>
      new Promise((resolve) => {
        const before = sent.length;
        const run = (window.google as { script: { run: Record<string, unknown> } }).script.run;
        const withHandlers = (run.withFailureHandler as (f: (e: Error) => void) => Record<string, unknown>)(
          (e: Error) => resolve({ thrown: null, sent: null, failure: e.message }),
        );
        const args = vm.runInContext(`(function () { return [${argsSource}]; })()`, context) as unknown[];
        let thrown: [string, string] | null = null;
        try {
          (withHandlers[fn] as (...a: unknown[]) => void)(...args);
        } catch (e) {
          const error = e as Error;
          thrown = [error.constructor.name, error.message];
        }
        setTimeout(() => {
          const args = sent.length > before ? (JSON.parse(sent[before]!) as { args: unknown[] }).args : null;
          resolve({ thrown, sent: args, failure: null });
        }, 5);
      }),
  };
}

test('plain values go to the server; undefined inside an array arrives as null', async () => {
  const p = page();
  expect(await p.call('act', "1, 'x', null, { a: [1, undefined, true] }")).toEqual({
    thrown: null,
    sent: [1, 'x', null, { a: [1, null, true] }],
    failure: null,
  });
});

test('a Date, a function, a class instance or a page element is refused at the call with TypeError "Failed due to illegal value in property: <key>"', async () => {
  const p = page();
  // The key is the argument's index at the top level, else the innermost key holding the value.
  const bad: [string, string][] = [
    ['new Date()', '0'],
    ["'fine', new Date()", '1'],
    ['{ when: { at: new Date() } }', 'at'],
    ['{ f: function () { return 1; } }', 'f'],
    ['[1, [function () { return 2; }]]', '0'],
    ['new (function Task() { this.id = 1; })()', '0'],
    ['{ order: new (class Order { constructor() { this.id = 7; } label() { return "x"; } })() }', 'order'],
    ['new Map()', '0'],
    ['{ el: new Node() }', 'el'],
  ];
  for (const [args, key] of bad) {
    const outcome = await p.call('act', args);
    expect(outcome).toEqual({
      thrown: ['TypeError', `Failed due to illegal value in property: ${key}`],
      sent: null,
      failure: null,
    });
  }
  expect(p.calls()).toEqual([]);
});

test('a circular object is refused at the call with "Failed due to circular reference."', async () => {
  const p = page();
  const outcome = await p.call('act', '(function () { var o = { name: "loop" }; o.self = o; return o; })()');
  expect(outcome).toEqual({
    thrown: ['Error', 'Failed due to circular reference.'],
    sent: null,
    failure: null,
  });
  // The same object twice is not a cycle; a plain object without a prototype is legal.
  expect((await p.call('act', '(function () { var s = { id: 1 }; return { a: s, b: s }; })()')).sent).toEqual(
    [{ a: { id: 1 }, b: { id: 1 } }],
  );
  expect((await p.call('act', 'Object.assign(Object.create(null), { id: 2 })')).sent).toEqual([{ id: 2 }]);
});
