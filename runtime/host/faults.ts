import { GasError, type GasObject } from './gas-object';
import type { ExecutionContext } from './execution';

/**
 * Fault injection for tests: makes the Nth service call of the next execution throw, as a Google
 * service that fails mid-execution would (a backend error, a timeout). Only the first execution that
 * makes a call after `failNthCall` is affected, and only once; every call is counted, local accessors
 * included, in the order the script makes them. Nothing is armed unless a test asks.
 */
export class FaultPlan {
  private armed: { n: number; executionId: number | null; seen: number } | null = null;
  /** What the last armed fault hit ('Class.method'), or null when the execution made fewer calls. */
  lastFault: string | null = null;

  failNthCall(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failNthCall needs a call number ≥ 1, got ${n}`);
    this.armed = { n, executionId: null, seen: 0 };
    this.lastFault = null;
  }

  disarm(): void {
    this.armed = null;
  }

  private pauses: { match: (key: string, object: GasObject) => boolean; pause: CallPause }[] = [];

  /**
   * Holds back the first service call `match` accepts (of any execution) until `resume()`: that
   * execution stays blocked before the call, as behind a slow backend, while the others run on. For
   * tests that put another execution between two calls of one section. Each pause acts once.
   */
  pauseBefore(match: (key: string, object: GasObject) => boolean): CallPause {
    let resume = (): void => undefined;
    const released = new Promise<void>((r) => (resume = r));
    const pause: CallPause = { reached: false, released, resume: () => resume() };
    this.pauses.push({ match, pause });
    return pause;
  }

  /** The dispatcher asks this before every service call: what to wait for first, if anything. */
  pauseFor(key: string, object: GasObject): Promise<void> | null {
    const at = this.pauses.findIndex((p) => p.match(key, object));
    if (at < 0) return null;
    const found = this.pauses.splice(at, 1)[0];
    if (!found) return null;
    found.pause.reached = true;
    return found.pause.released;
  }

  /** The dispatcher calls this before every service call. */
  beforeCall(ctx: ExecutionContext, key: string): void {
    const armed = this.armed;
    if (!armed) return;
    if (armed.executionId === null) armed.executionId = ctx.executionId;
    if (armed.executionId !== ctx.executionId) return;
    armed.seen++;
    if (armed.seen !== armed.n) return;
    this.armed = null;
    this.lastFault = key;
    throw new GasError(`Service error (injected fault at call ${armed.n}: ${key})`);
  }
}

/** A call held back by pauseBefore: whether it was reached, and what lets it run. */
export interface CallPause {
  reached: boolean;
  released: Promise<void>;
  resume(): void;
}
