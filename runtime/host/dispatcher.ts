import { GasError, GasObject, Pending } from './gas-object';
import type { ExecutionContext } from './execution';
import { checkAuthorization } from './authorization';
import { callKind } from './call-cost';

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
        if (raw instanceof GasObject) {
          const props = raw._staticProperties();
          return {
            $h: dispatcher.handleOf(raw),
            $c: raw.gasClass,
            ...(Object.keys(props).length ? { $p: props } : {}),
          };
        }
        return encoded as unknown;
      },
    );
  }

  /** Wire JSON → host values. An unknown handle is a script bug the runtime must not paper over. */
  decode(json: string): unknown {
    return JSON.parse(json, (_key, value: unknown) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const v = value as Record<string, unknown>;
        if ('$d' in v) return new Date(v.$d === null ? NaN : (v.$d as number));
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
      const stats = this.ctx.stats;
      stats.calls[key] = (stats.calls[key] ?? 0) + 1;
      stats.callsByService[object.gasService] = (stats.callsByService[object.gasService] ?? 0) + 1;
      const kind = callKind(object, method);
      if (kind !== 'local') {
        const backend = (stats.backend[object.gasService] ??= { touch: 0, read: 0, write: 0 });
        backend[kind] += 1;
      }
      const fn = scriptVisibleMethod(object, method);
      checkAuthorization(this.ctx, object, method);
      const args = this.decode(argsJson) as unknown[];
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
