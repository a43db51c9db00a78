/**
 * The browser half of `google.script.run`, injected into a page before its own scripts. Calls go to the
 * host's /rpc endpoint, which runs them as separate executions in the local runtime, asynchronously,
 * with Apps Script's semantics: a runner has a method for each of the project's public functions and
 * no other (`functions`, runtime/host/server-functions.ts), so any other name throws a TypeError at
 * the call; withSuccessHandler/withFailureHandler/withUserObject each return a new runner, each call
 * returns void, at most 10 run at once (later ones wait their turn), failures arrive as Error objects named
 * ScriptError; an
 * argument Google refuses throws at the call instead (checkArguments). Every call's function name is listed in
 * `window.__gasCalls`, in order, so a test can tell which calls a page made.
 */
export function shimSource(context: {
  user: string;
  spreadsheetId: string;
  rpcPath: string;
  functions: readonly string[];
}): string {
  return String.raw`
(function () {
  var context = ${JSON.stringify(context)};
  // The HTML service guide: "Requests fail if you attempt to pass a Date, Function, DOM element besides
  // a form, or other prohibited type, including prohibited types inside objects or arrays. Objects that
  // create circular references will also fail"; a form is legal only as the only parameter. On Google
  // the page's own google.script.run refuses them as it is called, before any request: it throws
  // TypeError "Failed due to illegal value in property: <key>" (the argument's index, or the innermost
  // key holding the value) and "Failed due to circular reference." for a cycle, and the failure handler
  // is never called (pages reporting the error from sidebars: an uncaught exception at the call). Only
  // primitives, arrays and plain objects pass: a class instance, a Map or a Blob is illegal too.
  function plainObject(value) {
    var proto = Object.getPrototypeOf(value);
    if (proto === null) return true;
    // Another frame's Object.prototype is plain too: its own prototype is null and its constructor Object.
    return Object.getPrototypeOf(proto) === null && typeof proto.constructor === 'function' && proto.constructor.name === 'Object';
  }
  function legal(value) {
    if (value === null || value === undefined) return true;
    var type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return true;
    return type === 'object' && (Array.isArray(value) || plainObject(value));
  }
  function checkValue(value, key, path) {
    if (!legal(value)) throw new TypeError('Failed due to illegal value in property: ' + key);
    if (value === null || typeof value !== 'object') return;
    if (path.indexOf(value) >= 0) throw new Error('Failed due to circular reference.');
    var inner = path.concat([value]);
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) checkValue(value[keys[i]], keys[i], inner);
  }
  function checkArguments(args) {
    var isForm = function (a) { return typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement; };
    if (args.length === 1 && isForm(args[0])) return;
    for (var i = 0; i < args.length; i++) checkValue(args[i], String(i), []);
  }
  // A form reaches the server as an object of its named fields (the guide's "Forms" section).
  function formFields(arg) {
    if (typeof HTMLFormElement === 'undefined' || !(arg instanceof HTMLFormElement)) return arg;
    var fields = {};
    new FormData(arg).forEach(function (value, key) {
      var text = typeof value === 'string' ? value : null;
      if (!Object.prototype.hasOwnProperty.call(fields, key)) fields[key] = text;
      else fields[key] = [].concat(fields[key], [text]);
    });
    return fields;
  }
  function call(name, success, failure, userObject, args) {
    // The failure handler gets an Error named "ScriptError" (the type Google's reply carries, as pages
    // show it: "ScriptError: Authorization is required…") whose message is the server's text: for the
    // script's own exception, what it threw as a string ("Error: boom", or "boom" for a thrown string).
    var fail = function (message) {
      var error = new Error(message);
      error.name = 'ScriptError';
      setTimeout(function () { if (failure) failure(error, userObject); else console.error(error); }, 0);
    };
    checkArguments(args);
    window.__gasCalls.push(name);
    window.__gasPending += 1;
    // Copied now, as the page called: a later change to an argument object does not reach the server.
    var body = JSON.stringify({ fn: name, args: args.map(formFields), user: context.user, spreadsheetId: context.spreadsheetId });
    waiting.push(function () {
      return fetch(context.rpcPath, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
        .then(function (r) { return r.json(); })
        .then(function (reply) {
          if (reply.ok) { if (success) success(reply.value, userObject); }
          else fail(reply.error);
        }, function (e) { fail(String(e)); })
        .finally(function () { window.__gasPending -= 1; });
    });
    startWaiting();
  }
  // The communication guide: google.script.run allows 10 concurrent calls; an 11th made while 10 are
  // still running is delayed until one of them finishes.
  var MAX_CONCURRENT = 10;
  var running = 0;
  var waiting = [];
  function startWaiting() {
    while (running < MAX_CONCURRENT && waiting.length > 0) {
      running += 1;
      waiting.shift()().finally(function () { running -= 1; startWaiting(); });
    }
  }
  // A plain object, as Google's: only the project's public functions are methods, so a name the
  // project does not have is undefined and calling it is the browser's own TypeError.
  function runner(success, failure, userObject) {
    var api = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (obj) { return runner(success, failure, obj); },
    };
    context.functions.forEach(function (name) {
      if (Object.prototype.hasOwnProperty.call(api, name)) return;
      api[name] = function () { call(name, success, failure, userObject, Array.prototype.slice.call(arguments)); };
    });
    return api;
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
