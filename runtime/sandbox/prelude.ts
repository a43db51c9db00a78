/**
 * The code that runs *inside* the script's V8 context before `Code.js`, as source text, so every
 * object it makes (arrays, dates, errors, proxies) belongs to the script's realm, as in Apps Script.
 *
 * It defines the service globals as proxies over host handles. A call becomes
 * `hostCall(handle, method, argsJson)`; values cross as JSON with dates as `{"$d":ms}` and host objects
 * as `{"$h":id,"$c":"Class"}`. The clock offset makes `new Date()` follow the world's clock.
 */
export const PRELUDE_SOURCE = String.raw`
(function installAppsScriptGlobals(hostCall, globals, clockOffsetMs) {
  'use strict';
  var RealDate = Date;
  if (clockOffsetMs !== 0) {
    var ShiftedDate = function Date(a, b, c, d, e, f, g) {
      if (!(this instanceof ShiftedDate)) return new RealDate(RealDate.now() + clockOffsetMs).toString();
      var n = arguments.length;
      var inner = n === 0 ? new RealDate(RealDate.now() + clockOffsetMs)
        : n === 1 ? new RealDate(a)
        : new RealDate(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0);
      Object.setPrototypeOf(inner, ShiftedDate.prototype);
      return inner;
    };
    ShiftedDate.prototype = RealDate.prototype;
    RealDate.prototype.constructor = ShiftedDate;
    ShiftedDate.now = function now() { return RealDate.now() + clockOffsetMs; };
    ShiftedDate.parse = RealDate.parse;
    ShiftedDate.UTC = RealDate.UTC;
    globalThis.Date = ShiftedDate;
  }
  var DateCtor = globalThis.Date;
  var HANDLE = Symbol('handle');
  var proxies = new Map();

  function proxyFor(handle, gasClass, props) {
    var existing = proxies.get(handle);
    if (existing) return existing;
    var methods = new Map();
    var target = {};
    var proxy = new Proxy(target, {
      get: function (_t, prop) {
        if (prop === HANDLE) return handle;
        if (typeof prop === 'symbol') return undefined;
        if (prop === 'toString') return function toString() { return gasClass; };
        if (prop === 'then' || prop === 'toJSON' || prop === 'constructor') return undefined;
        if (props && Object.prototype.hasOwnProperty.call(props, prop)) return props[prop];
        var fn = methods.get(prop);
        if (!fn) {
          fn = function () { return call(handle, prop, Array.prototype.slice.call(arguments)); };
          methods.set(prop, fn);
        }
        return fn;
      },
      set: function () { return false; },
      has: function (_t, prop) { return typeof prop === 'string' && !!props && Object.prototype.hasOwnProperty.call(props, prop); },
      ownKeys: function () { return []; },
      getOwnPropertyDescriptor: function () { return undefined; },
    });
    proxies.set(handle, proxy);
    return proxy;
  }

  function revive(_key, value) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (Object.prototype.hasOwnProperty.call(value, '$d')) return new DateCtor(value.$d === null ? NaN : value.$d);
      if (Object.prototype.hasOwnProperty.call(value, '$h')) return proxyFor(value.$h, value.$c, value.$p);
    }
    return value;
  }

  function replace(key, value) {
    var raw = this[key];
    if (raw instanceof RealDate) { var t = raw.getTime(); return { $d: t === t ? t : null }; }
    if (raw !== null && (typeof raw === 'object' || typeof raw === 'function') && raw[HANDLE] !== undefined) {
      return { $h: raw[HANDLE] };
    }
    if (typeof raw === 'function') return null;
    return value;
  }

  function encode(value) { return JSON.stringify(value === undefined ? null : value, replace); }
  function decode(json) { return JSON.parse(json, revive); }

  function call(handle, method, args) {
    var reply = decode(hostCall(handle, method, encode(args)));
    if (reply.err) {
      var error = new Error(reply.err.message);
      error.name = reply.err.name;
      throw error;
    }
    return reply.ok;
  }

  for (var i = 0; i < globals.length; i++) {
    var g = globals[i];
    Object.defineProperty(globalThis, g.name, { value: proxyFor(g.handle, g.gasClass, g.props), writable: true, configurable: true });
  }
  return { encode: encode, decode: decode };
})
`;
