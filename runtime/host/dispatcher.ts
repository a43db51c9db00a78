import { GasError, GasObject, Pending } from './gas-object';
import { GasEnum, GasEnumValue, enumFromWire } from './gas-enum';
import type { ExecutionContext } from './execution';
import { checkAuthorization } from './authorization';
import { callFamily, callKind } from './call-cost';
import { noteReadCache, structuralCellsOf } from './cost-trace';

type Reply = { ok: unknown } | { err: { name: string; message: string } };

/**
 * One execution's view of host objects: the handle table, the wire codec, and the call path
 * (authorization check, accounting, the method itself).
 */
export class Dispatcher {
  private readonly objects = new Map<number, GasObject>();
  private readonly handles = new WeakMap<GasObject, number>();
  private nextHandle = 1;

  constructor(private readonly ctx: ExecutionContext) {}

  handleOf(object: GasObject): number {
    let handle = this.handles.get(object);
    if (handle === undefined) {
      handle = this.nextHandle++;
      this.handles.set(object, handle);
      this.objects.set(handle, object);
    }
    return handle;
  }

  /** Host value → wire JSON (dates as `{$d}`, host objects as handles). */
  encode(value: unknown): string {
    // Bulk data (getValues of a 100,000-row register) takes the fast path; anything holding a host
    // object, or a shape the fast path does not model, takes the general one below.
    const fast = fastEncode(value);
    if (fast !== null) return fast;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const dispatcher = this;
    return JSON.stringify(
      value === undefined ? null : value,
      function (this: Record<string, unknown>, key, encoded) {
        const raw = this[key];
        if (raw instanceof Date) {
          const t = raw.getTime();
          return { $d: Number.isNaN(t) ? null : t };
        }
        // An enum value (or an enum, in a handle's static properties) becomes one object per value
        // in the script's context, so a getter's value is === the constant (gas-enum.ts).
        if (raw instanceof GasEnumValue || raw instanceof GasEnum) return raw.toWire();
        if (raw instanceof GasObject) {
          const props = raw._staticProperties();
          const own = raw._ownProperties();
          // Most objects print as their class; a few (a User prints its email) say more.
          const text = raw.toString();
          return {
            $h: dispatcher.handleOf(raw),
            $c: raw.gasClass,
            ...(Object.keys(props).length ? { $p: props } : {}),
            ...(own ? { $o: own } : {}),
            ...(text === raw.gasClass ? {} : { $s: text }),
          };
        }
        return encoded as unknown;
      },
    );
  }

  /**
   * Wire JSON → host values. An unknown handle is a script bug the runtime must not paper over.
   * `enumNames`: enum values as their names, for a result leaving the execution.
   */
  decode(json: string, enumNames = false): unknown {
    if (json.charCodeAt(0) === FAST_MARK) return fastDecode(json);
    return JSON.parse(json, (_key, value: unknown) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const v = value as Record<string, unknown>;
        if ('$d' in v) return new Date(v.$d === null ? NaN : (v.$d as number));
        if ('$n' in v) return Number(v.$n);
        if ('$e' in v) {
          const value = enumFromWire(v.$e, v.$v);
          if (!value) throw new GasError(`Invalid argument: ${String(v.$e)}.${String(v.$v)}`);
          return enumNames ? value.name : value;
        }
        if ('$h' in v) {
          const object = this.objects.get(v.$h as number);
          if (!object) throw new GasError(`Invalid argument: object handle ${String(v.$h)} is not known`);
          return object;
        }
      }
      return value;
    });
  }

  /** Runs one service call. May return a Pending (the script stays blocked until it settles). */
  call(handle: number, method: string, argsJson: string): string | Pending<string> {
    const object = this.objects.get(handle);
    const started = performance.now();
    try {
      if (!object) throw new GasError(`Invalid object handle ${handle}`);
      const key = `${object.gasClass}.${method}`;
      const paused = this.ctx.world.faults.pauseFor(key, object);
      if (paused)
        return new Pending(
          paused.then(() => {
            const answer = this.call(handle, method, argsJson);
            return answer instanceof Pending ? answer.promise : answer;
          }),
        );
      this.ctx.world.faults.beforeCall(this.ctx, key);
      const stats = this.ctx.stats;
      stats.calls[key] = (stats.calls[key] ?? 0) + 1;
      stats.callsByService[object.gasService] = (stats.callsByService[object.gasService] ?? 0) + 1;
      const kind = callKind(object, method);
      if (kind !== 'local') {
        const backend = (stats.backend[callFamily(object, method)] ??= { touch: 0, read: 0, write: 0 });
        backend[kind] += 1;
      }
      noteReadCache(this.ctx, object, method, kind);
      const fn = scriptVisibleMethod(object, method);
      checkAuthorization(this.ctx, object, method);
      const args = this.decode(argsJson) as unknown[];
      stats.structuralCells += structuralCellsOf(object, method, args);
      const result = fn.apply(object, args);
      if (result instanceof Pending) {
        return new Pending(
          (result as Pending<unknown>).promise.then(
            (value) => this.reply({ ok: value }),
            (error: unknown) => this.reply(errorReply(error)),
          ),
        );
      }
      return this.reply({ ok: result });
    } catch (error) {
      return this.reply(errorReply(error));
    } finally {
      this.ctx.stats.serviceMs += performance.now() - started;
    }
  }

  private reply(reply: Reply): string {
    return this.encode(reply);
  }
}

function errorReply(error: unknown): Reply {
  if (error instanceof GasError) return { err: { name: error.name, message: error.message } };
  // A host bug is not an Apps Script exception: keep its stack visible for whoever reads the failure.
  const e = error instanceof Error ? error : new Error(String(error));
  return { err: { name: 'InternalError', message: `local runtime error: ${e.message}\n${e.stack ?? ''}` } };
}

function scriptVisibleMethod(object: GasObject, method: string): (...args: unknown[]) => unknown {
  if (
    method.startsWith('_') ||
    method === 'constructor' ||
    method === 'gasClass' ||
    method === 'gasService'
  ) {
    throw new GasError(`not implemented in the local runtime: ${object.gasClass}.${method}`);
  }
  const fn = (object as unknown as Record<string, unknown>)[method];
  if (typeof fn !== 'function') {
    throw new GasError(`not implemented in the local runtime: ${object.gasClass}.${method}`);
  }
  return fn as (...args: unknown[]) => unknown;
}

// ---------------------------------------------------------------------------------------------
// Fast wire format for plain data.
//
// The general codec calls a replacer (encode) and a reviver (decode) for every value, which costs
// seconds on a 100,000 × 28 getValues. Plain data (arrays, plain objects, primitives and Dates, no
// host objects) is sent instead as `#` + JSON of [value with each Date replaced by 0, dateGroups]
// and parsed without a reviver. A date group is one container holding Dates, flattened:
// [pathLength, ...path from the root, key, ms, key, ms, …], ms null for an Invalid Date.
// The value is wrapped as [value] so a Date at the top level has a container too.
// Anything else (host objects, functions, objects with their own `$d`/`$h` keys that the general
// decoder would turn into Dates or handles, class instances, toJSON, very deep or cyclic values)
// makes the encoder give up and the general codec runs, so the result is the same either way. The
// sandbox's prelude implements the same format for the other direction.

const FAST_MARK = 0x23; // '#': no JSON text starts with it
const FAST_MAX_DEPTH = 64;
const GIVE_UP: unique symbol = Symbol('give up');
type Key = string | number;

function fastEncode(value: unknown): string | null {
  const groups: unknown[][] = [];
  const root = [value === undefined ? null : value];
  const out = fastContainer(root, [], groups, 0);
  if (out === GIVE_UP) return null;
  return '#' + JSON.stringify([out, groups]);
}

function fastContainer(
  container: unknown[] | Record<string, unknown>,
  path: Key[],
  groups: unknown[][],
  depth: number,
): unknown {
  if (depth > FAST_MAX_DEPTH) return GIVE_UP;
  let group: unknown[] | null = null;
  let copy: unknown[] | Record<string, unknown> | null = null;
  const isArray = Array.isArray(container);
  const keys: Key[] | null = isArray ? null : Object.keys(container);
  const length = isArray ? container.length : (keys as Key[]).length;
  for (let n = 0; n < length; n++) {
    const key: Key = isArray ? n : (keys as Key[])[n]!;
    const v = (container as Record<Key, unknown>)[key];
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return GIVE_UP;
      continue;
    }
    let out: unknown;
    if (v instanceof Date) {
      const t = v.getTime();
      group ??= [path.length, ...path];
      group.push(key, Number.isNaN(t) ? null : t);
      out = 0;
    } else {
      if (!Array.isArray(v)) {
        const proto: unknown = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return GIVE_UP;
        const own = v as Record<string, unknown>;
        if (
          'toJSON' in own ||
          Object.prototype.hasOwnProperty.call(own, '$d') ||
          Object.prototype.hasOwnProperty.call(own, '$h')
        ) {
          return GIVE_UP;
        }
      }
      path.push(key);
      out = fastContainer(v as unknown[] | Record<string, unknown>, path, groups, depth + 1);
      path.pop();
      if (out === GIVE_UP) return GIVE_UP;
    }
    if (out !== v) {
      copy ??= isArray ? (container as unknown[]).slice() : { ...container };
      (copy as Record<Key, unknown>)[key] = out;
    }
  }
  if (group) groups.push(group);
  return copy ?? container;
}

function fastDecode(json: string): unknown {
  const [root, groups] = JSON.parse(json.slice(1)) as [unknown[], unknown[][]];
  for (const group of groups) {
    const depth = group[0] as number;
    let target = root as unknown as Record<Key, unknown>;
    for (let k = 1; k <= depth; k++) target = target[group[k] as Key] as Record<Key, unknown>;
    for (let j = depth + 1; j < group.length; j += 2) {
      const ms = group[j + 1];
      target[group[j] as Key] = new Date(ms === null ? NaN : (ms as number));
    }
  }
  return root[0];
}
