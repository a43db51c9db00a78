/**
 * The page half of google.script.run (runtime/html-host/shim.ts), run in a bare context with a
 * recording fetch. The HTML service guide (developers.google.com/apps-script/guides/html/communication,
 * "Parameters and return values"): "Requests fail if you attempt to pass a Date, Function, DOM element
 * besides a form, or other prohibited type, including prohibited types inside objects or arrays.
 * Objects that create circular references will also fail, and undefined fields within arrays become
 * null."
 */
import vm from 'node:vm';
import { shimSource } from '../../runtime/html-host/shim';

interface Page {
  /** Calls google.script.run[fn] with the arguments `args` builds in the page (its own Date, Object…). */
  call(fn: string, args: string): Promise<{ sent: unknown[] | null; failure: string | null }>;
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
    call: (fn, argsSource) =>
      new Promise((resolve) => {
        const before = sent.length;
        const run = (window.google as { script: { run: Record<string, unknown> } }).script.run;
        const withHandlers = (run.withFailureHandler as (f: (e: Error) => void) => Record<string, unknown>)(
          (e: Error) => resolve({ sent: null, failure: e.message }),
        );
        const args = vm.runInContext(`(function () { return [${argsSource}]; })()`, context) as unknown[];
        (withHandlers[fn] as (...a: unknown[]) => void)(...args);
        setTimeout(() => {
          if (sent.length > before)
            resolve({ sent: (JSON.parse(sent[before]!) as { args: unknown[] }).args, failure: null });
        }, 5);
      }),
  };
}

test('plain values go to the server; undefined inside an array arrives as null', async () => {
  const p = page();
  expect(await p.call('act', "1, 'x', null, { a: [1, undefined, true] }")).toEqual({
    sent: [1, 'x', null, { a: [1, null, true] }],
    failure: null,
  });
});

test('a Date, a function or a circular object, even nested, fails the request and calls nothing', async () => {
  const p = page();
  const bad = [
    'new Date()',
    '{ when: { at: new Date() } }',
    '{ f: function () { return 1; } }',
    '[1, [function () { return 2; }]]',
    '(function () { var o = { name: "loop" }; o.self = o; return o; })()',
  ];
  for (const args of bad) {
    const outcome = await p.call('act', args);
    expect(outcome.sent).toBeNull();
    expect(outcome.failure).toMatch(/^Invalid argument: .* cannot be passed to the server/);
  }
  // The same object twice is not a cycle.
  expect(
    (await p.call('act', '(function () { var s = { id: 1 }; return { a: s, b: s }; })()')).failure,
  ).toBeNull();
});
