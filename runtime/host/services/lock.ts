import { GasError, GasObject, Pending } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { overload } from '../args';
import { holdBegan, holdEnded } from '../cost-trace';

/** Reference (Lock.waitLock): "timing out with an exception"; this is the exception's text. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface Waiter {
  executionId: number;
  grant: () => void;
  timer: NodeJS.Timeout;
}

interface LockState {
  holder: number | null;
  waiters: Waiter[];
}

/**
 * Who holds which lock, and who is waiting for it. Keys are `script`, `user:<email>` and
 * `document:<id>`: the script lock is one lock for every document that installed the add-on, which
 * is why an add-on should take the document lock instead.
 *
 * Waiting uses real timers: a waiter blocks its execution (the script sits in `waitLock`) while the
 * others keep running, as on Google's servers.
 */
export class LockTable {
  private readonly locks = new Map<string, LockState>();
  /** Keys each execution holds, so the end of an execution releases them without a scan. */
  private readonly held = new Map<number, Set<string>>();

  /** The execution holding `key`, or null. */
  holderOf(key: string): number | null {
    return this.locks.get(key)?.holder ?? null;
  }
  waitingFor(key: string): number {
    return this.locks.get(key)?.waiters.length ?? 0;
  }

  /** Takes the lock if it is free (or already ours). */
  tryAcquire(key: string, executionId: number): boolean {
    const state = this.state(key);
    if (state.holder === executionId) return true;
    if (state.holder !== null) return false;
    this.grant(key, state, executionId);
    return true;
  }

  /**
   * Waits up to `timeoutMs` for the lock; resolves true once it is ours, false at the timeout.
   * Waiters are served first come, first served.
   */
  acquire(key: string, executionId: number, timeoutMs: number, timeScale = 1): Promise<boolean> {
    if (this.tryAcquire(key, executionId)) return Promise.resolve(true);
    const state = this.state(key);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        executionId,
        grant: () => {
          clearTimeout(waiter.timer);
          this.grant(key, state, executionId);
          resolve(true);
        },
        timer: setTimeout(
          () => {
            const i = state.waiters.indexOf(waiter);
            if (i >= 0) state.waiters.splice(i, 1);
            resolve(false);
          },
          Math.max(0, timeoutMs) / timeScale,
        ),
      };
      state.waiters.push(waiter);
    });
  }

  release(key: string, executionId: number): void {
    const state = this.locks.get(key);
    if (!state || state.holder !== executionId) return;
    state.holder = null;
    this.held.get(executionId)?.delete(key);
    const next = state.waiters.shift();
    if (next) next.grant();
    else if (state.waiters.length === 0) this.locks.delete(key);
  }

  /** Apps Script releases every lock an execution still holds when it ends. */
  releaseAll(executionId: number): void {
    // An execution stopped at its time limit may still be queued for a lock: it must never get it.
    for (const [key, state] of this.locks) {
      const mine = state.waiters.filter((w) => w.executionId === executionId);
      if (mine.length === 0) continue;
      for (const w of mine) clearTimeout(w.timer);
      state.waiters = state.waiters.filter((w) => w.executionId !== executionId);
      if (state.holder === null && state.waiters.length === 0) this.locks.delete(key);
    }
    const keys = this.held.get(executionId);
    if (keys) for (const key of [...keys]) this.release(key, executionId);
    this.held.delete(executionId);
  }

  private state(key: string): LockState {
    let state = this.locks.get(key);
    if (!state) {
      state = { holder: null, waiters: [] };
      this.locks.set(key, state);
    }
    return state;
  }

  private grant(key: string, state: LockState, executionId: number): void {
    state.holder = executionId;
    let keys = this.held.get(executionId);
    if (!keys) {
      keys = new Set();
      this.held.set(executionId, keys);
    }
    keys.add(key);
  }
}

class LockServiceService extends GasObject {
  readonly gasClass = 'LockService';
  readonly gasService = 'Lock' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  /** Reference: returns null "if the script is not bound to a document" (no active document here). */
  getDocumentLock(): Lock | null {
    overload(this.gasClass, 'getDocumentLock', arguments, []);
    const id = this.ctx.activeSpreadsheetId;
    return id === null ? null : new Lock(this.ctx, `document:${id}`);
  }
  getScriptLock(): Lock {
    overload(this.gasClass, 'getScriptLock', arguments, []);
    return new Lock(this.ctx, 'script');
  }
  getUserLock(): Lock {
    overload(this.gasClass, 'getUserLock', arguments, []);
    return new Lock(this.ctx, `user:${this.ctx.effectiveUserEmail}`);
  }
}

class Lock extends GasObject {
  readonly gasClass = 'Lock';
  readonly gasService = 'Lock' as const;
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly key: string,
  ) {
    super();
  }

  private get _table(): LockTable {
    return this.ctx.world.locks;
  }

  hasLock(): boolean {
    overload(this.gasClass, 'hasLock', arguments, []);
    return this._table.holderOf(this.key) === this.ctx.executionId;
  }

  tryLock(timeoutInMillis: number): boolean | Pending<boolean> {
    overload(this.gasClass, 'tryLock', arguments, ['number']);
    return this._acquire(timeoutInMillis, (ok) => ok);
  }

  waitLock(timeoutInMillis: number): void | Pending<void> {
    overload(this.gasClass, 'waitLock', arguments, ['number']);
    return this._acquire(timeoutInMillis, (ok) => {
      if (!ok) throw new GasError(LOCK_TIMEOUT_MESSAGE);
    });
  }

  releaseLock(): void {
    overload(this.gasClass, 'releaseLock', arguments, []);
    if (this._table.holderOf(this.key) === this.ctx.executionId) holdEnded(this.ctx, this.key, 'releaseLock');
    this._table.release(this.key, this.ctx.executionId);
  }

  /** Answers at once when the lock is free; otherwise blocks the script (a Pending) and counts the wait. */
  private _acquire<T>(timeoutMs: number, settle: (ok: boolean) => T): T | Pending<T> {
    const { _table: table, key, ctx } = this;
    // Live Apps Script (gas-fakes test/testlock.js, "Lock timeout failures"): a negative timeout fails
    // even when the lock is free (tryLock false, waitLock "Lock timeout"); 0 takes a free lock.
    if (timeoutMs < 0) return settle(false);
    if (table.tryAcquire(key, ctx.executionId)) {
      holdBegan(ctx, key);
      return settle(true);
    }
    if (timeoutMs === 0) return settle(false);
    ctx.stats.lockWaits++;
    const started = performance.now();
    return new Pending(
      table.acquire(key, ctx.executionId, timeoutMs, ctx.world.clock.scale).then((ok) => {
        ctx.stats.lockWaitMs += (performance.now() - started) * ctx.world.clock.scale;
        if (ok) holdBegan(ctx, key);
        return settle(ok);
      }),
    );
  }
}

export function createLockService(ctx: ExecutionContext): GasObject {
  return new LockServiceService(ctx);
}
