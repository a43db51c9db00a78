/**
 * Killing an execution at a given service call: the call and every later one of that execution throw,
 * as when Apps Script ends an execution there (a timeout, a quota, the process gone). Unlike
 * `faults.failNthCall`, which makes one call fail and lets the script go on (its catch blocks may still
 * write, queue or send), nothing the killed execution tries after that point reaches Google's services.
 * Calls are counted as the fault plan counts them (local accessors included), in the first execution
 * that makes a call after arming.
 */
import { GasError } from '../../runtime/host/gas-object';
import type { World } from '../../runtime';

export interface Kill {
  /** The call the execution was killed at ('Class.method'), or null when it made fewer calls. */
  readonly hit: string | null;
  /** Stops killing (the next executions run normally). */
  disarm(): void;
}

export function killAtCall(world: World, n: number): Kill {
  if (!Number.isInteger(n) || n < 1) throw new Error(`killAtCall needs a call number ≥ 1, got ${n}`);
  const faults = world.faults;
  const original = faults.beforeCall;
  let executionId: number | null = null;
  let seen = 0;
  const state = {
    hit: null as string | null,
    disarm: () => {
      faults.beforeCall = original;
    },
  };
  faults.beforeCall = function (ctx, key) {
    original.call(faults, ctx, key);
    if (executionId === null) executionId = ctx.executionId;
    if (ctx.executionId !== executionId) return;
    seen++;
    if (seen < n) return;
    if (state.hit === null) state.hit = key;
    throw new GasError(`Execution killed at call ${n} (now at ${key})`);
  };
  return state;
}

/** Records the service calls of the next execution (as killAtCall counts them), for a clean run's trace. */
export function recordCalls(world: World): { calls: string[]; stop(): void } {
  const faults = world.faults;
  const original = faults.beforeCall;
  let executionId: number | null = null;
  const calls: string[] = [];
  faults.beforeCall = function (ctx, key) {
    original.call(faults, ctx, key);
    if (executionId === null) executionId = ctx.executionId;
    if (ctx.executionId === executionId) calls.push(key);
  };
  return { calls, stop: () => (faults.beforeCall = original) };
}
