/**
 * The code that runs *inside* the script's V8 context before `Code.js`, so every object it makes
 * (arrays, dates, errors, proxies) belongs to the script's realm, as in Apps Script. It is ordinary
 * typed, linted code: `installAppsScriptGlobals` is compiled with the worker and its source text is
 * what the worker evaluates in each context (PRELUDE_SOURCE). So it must stay self-contained: it may
 * use only its parameters and the context's own built-ins, never an import or a module-level name.
 *
 * The enums (./prelude-enums) are made the same way, once per context, and handed to the installer.
 *
 * It defines the service globals as proxies over host handles. A call becomes
 * `hostCall(handle, method, argsJson)`; values cross as JSON with dates as `{"$d":ms}` and host objects
 * as `{"$h":id,"$c":"Class"}`, and a number JSON cannot hold (NaN, ±Infinity) as `{"$n":"NaN"}`, so
 * a service receives the very number the script passed (`setProperty('k', NaN)` stores "NaN" on
 * live Apps Script, not "null"). The clock anchor makes `new Date()` follow the world's clock.
 */
import type { GlobalBinding, StartMessage } from './protocol';
import { makeScriptEnums, type ScriptEnums } from './prelude-enums';

export type HostCall = (handle: number, method: string, argsJson: string) => string;

/**
 * Told when a service call starts (true) and ends (false), its arguments' encoding and its reply's
 * decoding included: that work stands for what Google's servers do for the call, which the cost
 * model prices per call and per cell, so the worker keeps it out of the script's JavaScript time.
 */
export type CallMeter = (entering: boolean) => void;

export interface PreludeCodec {
  encode(value: unknown): string;
  decode(json: string): unknown;
}

type Json = Record<string, unknown>;
/** A group of dates at one path of the fast wire format: [pathLength, ...path, key, ms, key, ms, …]. */
type DateGroup = Array<string | number | null>;

export function installAppsScriptGlobals(
  hostCall: HostCall,
  globals: readonly GlobalBinding[],
  clock: StartMessage['clock'],
  meter: CallMeter,
  enums: ScriptEnums,
): PreludeCodec {
  'use strict';
  const RealDate = Date;
  // The world's time: clock.anchorMs at real instant clock.anchorRealMs, running clock.scale times faster.
  const worldNow = (): number => clock.anchorMs + (RealDate.now() - clock.anchorRealMs) * clock.scale;
  if (clock.anchorMs !== clock.anchorRealMs || clock.scale !== 1) {
    // `Date` as a function (not a class) so that calling it without `new` gives a string, as it should.
    const ShiftedDate = function Date(this: unknown, ...parts: number[]): Date | string {
      if (!new.target) return new RealDate(worldNow()).toString();
      const n = parts.length;
      const [a, b, c, d, e, f, g] = parts as [number, number, number, number, number, number, number];
      const inner =
        n === 0
          ? new RealDate(worldNow())
          : n === 1
            ? new RealDate(a)
            : new RealDate(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0);
      Object.setPrototypeOf(inner, ShiftedDate.prototype);
      return inner;
    } as unknown as DateConstructor;
    Object.defineProperty(ShiftedDate, 'prototype', { value: RealDate.prototype });
    // As Date's own (a compiler may rename the function expression, which shadows the global Date).
    Object.defineProperty(ShiftedDate, 'name', { value: 'Date' });
    Object.defineProperty(ShiftedDate, 'length', { value: 7 });
    RealDate.prototype.constructor = ShiftedDate;
    ShiftedDate.now = function now(): number {
      return worldNow();
    };
    ShiftedDate.parse = RealDate.parse;
    ShiftedDate.UTC = RealDate.UTC;
    globalThis.Date = ShiftedDate;
  }
  const DateCtor = globalThis.Date;
  const HANDLE = Symbol('handle');
  const proxies = new Map<number, object>();
  const hasOwn = Object.prototype.hasOwnProperty;

  function proxyFor(handle: number, gasClass: string, props?: Json, text?: string, own?: Json): object {
    const existing = proxies.get(handle);
    if (existing) return existing;
    const methods = new Map<string, (...args: unknown[]) => unknown>();
    const proxy = new Proxy(
      {},
      {
        get(_target, prop) {
          if (prop === HANDLE) return handle;
          if (typeof prop === 'symbol') return undefined;
          if (prop === 'toString') return () => text ?? gasClass;
          if (prop === 'then' || prop === 'toJSON' || prop === 'constructor') return undefined;
          if (props && hasOwn.call(props, prop)) return props[prop];
          if (own && hasOwn.call(own, prop)) return own[prop];
          let fn = methods.get(prop);
          if (!fn) {
            fn = (...args: unknown[]) => call(handle, prop, args);
            methods.set(prop, fn);
          }
          return fn;
        },
        set: () => false,
        has: (_target, prop) =>
          typeof prop === 'string' &&
          ((!!props && hasOwn.call(props, prop)) || (!!own && hasOwn.call(own, prop))),
        // An object's own data fields (an event's e.range: rowStart…) are enumerable, so JSON.stringify
        // and Object.keys show them; read-only, as the script cannot change the event's cells.
        ownKeys: () => (own ? Object.keys(own) : []),
        getOwnPropertyDescriptor: (_target, prop) =>
          own && typeof prop === 'string' && hasOwn.call(own, prop)
            ? { value: own[prop], writable: false, enumerable: true, configurable: true }
            : undefined,
      },
    );
    proxies.set(handle, proxy);
    return proxy;
  }

  const handleOf = (value: object): unknown => (value as Record<symbol, unknown>)[HANDLE];

  const { enumFor, enumMeta } = enums;

  function revive(_key: string, value: unknown): unknown {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Json;
      if (hasOwn.call(v, '$d')) return new DateCtor(v.$d === null ? NaN : (v.$d as number));
      if (hasOwn.call(v, '$e')) return enumFor(v.$e as string, v.$k as string[], v.$v as string | undefined);
      if (hasOwn.call(v, '$h'))
        return proxyFor(
          v.$h as number,
          v.$c as string,
          v.$p as Json | undefined,
          v.$s as string | undefined,
          v.$o as Json | undefined,
        );
    }
    return value;
  }

  function replace(this: Json, key: string, value: unknown): unknown {
    const raw = this[key];
    if (raw instanceof RealDate) {
      const t = raw.getTime();
      return { $d: t === t ? t : null };
    }
    const meta = enumMeta(raw);
    if (meta) return { $e: meta.id, $v: meta.name };
    if (
      raw !== null &&
      (typeof raw === 'object' || typeof raw === 'function') &&
      handleOf(raw) !== undefined
    ) {
      return { $h: handleOf(raw) };
    }
    if (typeof raw === 'function') return null;
    if (typeof raw === 'number' && raw - raw !== 0) return { $n: String(raw) };
    return value;
  }

  // Fast wire format for plain data: the same as runtime/host/dispatcher.ts (read its comment there).
  // '#' + JSON of [[value] with Dates as 0, dateGroups]; a group is [pathLength, ...path, key, ms, …].
  const GIVE_UP = {};
  const ObjectProto = Object.prototype;

  function fastContainer(
    container: unknown[] | Json,
    path: Array<string | number>,
    groups: DateGroup[],
    depth: number,
  ): unknown {
    if (depth > 64) return GIVE_UP;
    let group: DateGroup | null = null;
    let copy: unknown[] | Json | null = null;
    const isArray = Array.isArray(container);
    const keys = isArray ? null : Object.keys(container);
    const length = isArray ? container.length : (keys as string[]).length;
    for (let n = 0; n < length; n++) {
      const key = isArray ? n : (keys as string[])[n]!;
      const v = (container as Record<string | number, unknown>)[key];
      if (v === null || typeof v !== 'object') {
        if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return GIVE_UP;
        // NaN and ±Infinity (x - x is not 0) take the general path, which keeps them.
        if (typeof v === 'number' && v - v !== 0) return GIVE_UP;
        continue;
      }
      let out: unknown;
      if (v instanceof RealDate) {
        const t = v.getTime();
        if (group === null) group = [path.length, ...path];
        group.push(key, t === t ? t : null);
        out = 0;
      } else {
        if (handleOf(v) !== undefined) return GIVE_UP;
        if (!Array.isArray(v)) {
          const proto: unknown = Object.getPrototypeOf(v);
          if (proto !== ObjectProto && proto !== null) return GIVE_UP;
          if ('toJSON' in v || hasOwn.call(v, '$d') || hasOwn.call(v, '$h')) return GIVE_UP;
        }
        path.push(key);
        out = fastContainer(v as unknown[] | Json, path, groups, depth + 1);
        path.pop();
        if (out === GIVE_UP) return GIVE_UP;
      }
      if (out !== v) {
        if (copy === null) copy = isArray ? container.slice() : Object.assign({}, container);
        (copy as Record<string | number, unknown>)[key] = out;
      }
    }
    if (group !== null) groups.push(group);
    return copy === null ? container : copy;
  }

  function fastEncode(value: unknown): string | null {
    const groups: DateGroup[] = [];
    const out = fastContainer([value === undefined ? null : value], [], groups, 0);
    return out === GIVE_UP ? null : `#${JSON.stringify([out, groups])}`;
  }

  function fastDecode(json: string): unknown {
    const [root, groups] = JSON.parse(json.slice(1)) as [unknown[], DateGroup[]];
    for (const group of groups) {
      const depth = group[0] as number;
      let target = root as unknown as Record<string | number, unknown>;
      for (let k = 1; k <= depth; k++)
        target = target[group[k] as string | number] as Record<string | number, unknown>;
      for (let j = depth + 1; j < group.length; j += 2) {
        const ms = group[j + 1] as number | null;
        target[group[j] as string | number] = new DateCtor(ms === null ? NaN : ms);
      }
    }
    return root[0];
  }

  function encode(value: unknown): string {
    const fast = fastEncode(value);
    return fast !== null ? fast : JSON.stringify(value === undefined ? null : value, replace);
  }
  function decode(json: string): unknown {
    return json.charCodeAt(0) === 35 ? fastDecode(json) : JSON.parse(json, revive);
  }

  function call(handle: number, method: string, args: unknown[]): unknown {
    meter(true);
    let reply: { ok?: unknown; err?: { name: string; message: string } };
    try {
      reply = decode(hostCall(handle, method, encode(args))) as typeof reply;
    } finally {
      meter(false);
    }
    if (reply.err) {
      const error = new Error(reply.err.message);
      error.name = reply.err.name;
      throw error;
    }
    return reply.ok;
  }

  for (const g of globals) {
    Object.defineProperty(globalThis, g.name, {
      // Static properties come as plain data; the revival turns their enums into objects.
      value: proxyFor(g.handle, g.gasClass, JSON.parse(JSON.stringify(g.props), revive) as Json),
      writable: true,
      configurable: true,
    });
  }
  return { encode, decode };
}

/**
 * The built-ins the installer's functions use while the script runs. They are captured when the
 * prelude is evaluated, before Code.js loads, because a script may declare a global of the same name
 * (`function Map() {…}` is legal Apps Script and replaces the global): the services must keep working
 * with the real ones, as Google's do.
 */
const CAPTURED_BUILTINS = [
  'Array',
  'Date',
  'Error',
  'JSON',
  'Map',
  'Number',
  'Object',
  'Proxy',
  'String',
  'Symbol',
];

/** The source the worker evaluates in each new context: an expression whose value is the installer. */
export const PRELUDE_SOURCE =
  `((${CAPTURED_BUILTINS.join(', ')}) => {` +
  `const enums = (${makeScriptEnums.toString()})();` +
  `const install = (${installAppsScriptGlobals.toString()});` +
  `return (hostCall, globals, clock, meter) => install(hostCall, globals, clock, meter, enums);` +
  `})(${CAPTURED_BUILTINS.join(', ')})`;
