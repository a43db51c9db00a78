/**
 * The browser half of `google.script.run`, injected into a page before its own scripts. Calls go to the
 * host's /rpc endpoint, which runs them as separate executions in the local runtime, asynchronously,
 * with Apps Script's semantics: withSuccessHandler/withFailureHandler/withUserObject chain, each call
 * returns void, failures arrive as Error objects. Every call's function name is listed in
 * `window.__gasCalls`, in order, so a test can tell which calls a page made.
 */
export function shimSource(context: { user: string; spreadsheetId: string; rpcPath: string }): string {
  return String.raw`
(function () {
  var context = ${JSON.stringify(context)};
  function containsDate(value) {
    if (value instanceof Date) return true;
    if (Array.isArray(value)) return value.some(containsDate);
    if (value && typeof value === 'object') return Object.keys(value).some(function (k) { return containsDate(value[k]); });
    return false;
  }
  function runner(success, failure, userObject) {
    var target = {};
    var api = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (obj) { return runner(success, failure, obj); },
    };
    return new Proxy(target, {
      get: function (_t, name) {
        if (Object.prototype.hasOwnProperty.call(api, name)) return api[name];
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var fail = function (message) {
            var error = new Error(message);
            setTimeout(function () { if (failure) failure(error, userObject); else console.error(error); }, 0);
          };
          if (args.some(function (a) { return typeof a === 'function'; }) || containsDate(args)) {
            fail('Invalid argument: Dates and functions cannot be passed to the server (google.script.run).');
            return;
          }
          window.__gasCalls.push(name);
          window.__gasPending += 1;
          fetch(context.rpcPath, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ fn: name, args: args, user: context.user, spreadsheetId: context.spreadsheetId }),
          })
            .then(function (r) { return r.json(); })
            .then(function (reply) {
              if (reply.ok) { if (success) success(reply.value, userObject); }
              else fail(reply.error);
            }, function (e) { fail(String(e)); })
            .finally(function () { window.__gasPending -= 1; });
        };
      },
    });
  }
  window.__gasPending = 0;
  window.__gasCalls = [];
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      close: function () { window.__gasClosed = true; if (window.parent !== window) window.parent.postMessage({ gas: 'close' }, '*'); },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} },
      origin: location.origin,
    },
  };
})();
`;
}
