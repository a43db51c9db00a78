/**
 * The code that runs *inside* the script's V8 context before `Code.js`, as source text, so every
 * object it makes (arrays, dates, errors, proxies) belongs to the script's realm, as in Apps Script.
 *
 * It defines the service globals as proxies over host handles. A call becomes
 * `hostCall(handle, method, argsJson)`; values cross as JSON with dates as `{"$d":ms}` and host objects
 * as `{"$h":id,"$c":"Class"}`. The clock anchor makes `new Date()` follow the world's clock.
 */
export const PRELUDE_SOURCE = String.raw`
(function installAppsScriptGlobals(hostCall, globals, clock) {
  'use strict';
  var RealDate = Date;
  // The world's time: clock.anchorMs at real instant clock.anchorRealMs, running clock.scale times faster.
  var worldNow = function () { return clock.anchorMs + (RealDate.now() - clock.anchorRealMs) * clock.scale; };
  if (clock.anchorMs !== clock.anchorRealMs || clock.scale !== 1) {
    var ShiftedDate = function Date(a, b, c, d, e, f, g) {
      if (!(this instanceof ShiftedDate)) return new RealDate(worldNow()).toString();
      var n = arguments.length;
      var inner = n === 0 ? new RealDate(worldNow())
        : n === 1 ? new RealDate(a)
        : new RealDate(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0);
      Object.setPrototypeOf(inner, ShiftedDate.prototype);
      return inner;
    };
    ShiftedDate.prototype = RealDate.prototype;
    RealDate.prototype.constructor = ShiftedDate;
    ShiftedDate.now = function now() { return worldNow(); };
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

  // Fast wire format for plain data: the same as runtime/host/dispatcher.ts (read its comment there).
  // '#' + JSON of [[value] with Dates as 0, dateGroups]; a group is [pathLength, ...path, key, ms, …].
  var GIVE_UP = {};
  var hasOwn = Object.prototype.hasOwnProperty;
  var ObjectProto = Object.prototype;

  function fastContainer(container, path, groups, depth) {
    if (depth > 64) return GIVE_UP;
    var group = null;
    var copy = null;
    var isArray = Array.isArray(container);
    var keys = isArray ? null : Object.keys(container);
    var length = isArray ? container.length : keys.length;
    for (var n = 0; n < length; n++) {
      var key = isArray ? n : keys[n];
      var v = container[key];
      if (v === null || typeof v !== 'object') {
        if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return GIVE_UP;
        continue;
      }
      var out;
      if (v instanceof RealDate) {
        var t = v.getTime();
        if (group === null) { group = [path.length].concat(path); }
        group.push(key, t === t ? t : null);
        out = 0;
      } else {
        if (v[HANDLE] !== undefined) return GIVE_UP;
        if (!Array.isArray(v)) {
          var proto = Object.getPrototypeOf(v);
          if (proto !== ObjectProto && proto !== null) return GIVE_UP;
          if ('toJSON' in v || hasOwn.call(v, '$d') || hasOwn.call(v, '$h')) return GIVE_UP;
        }
        path.push(key);
        out = fastContainer(v, path, groups, depth + 1);
        path.pop();
        if (out === GIVE_UP) return GIVE_UP;
      }
      if (out !== v) {
        if (copy === null) copy = isArray ? container.slice() : Object.assign({}, container);
        copy[key] = out;
      }
    }
    if (group !== null) groups.push(group);
    return copy === null ? container : copy;
  }

  function fastEncode(value) {
    var groups = [];
    var out = fastContainer([value === undefined ? null : value], [], groups, 0);
    return out === GIVE_UP ? null : '#' + JSON.stringify([out, groups]);
  }

  function fastDecode(json) {
    var parsed = JSON.parse(json.slice(1));
    var root = parsed[0];
    var groups = parsed[1];
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g];
      var depth = group[0];
      var target = root;
      for (var k = 1; k <= depth; k++) target = target[group[k]];
      for (var j = depth + 1; j < group.length; j += 2) {
        var ms = group[j + 1];
        target[group[j]] = new DateCtor(ms === null ? NaN : ms);
      }
    }
    return root[0];
  }

  function encode(value) {
    var fast = fastEncode(value);
    return fast !== null ? fast : JSON.stringify(value === undefined ? null : value, replace);
  }
  function decode(json) { return json.charCodeAt(0) === 35 ? fastDecode(json) : JSON.parse(json, revive); }

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
