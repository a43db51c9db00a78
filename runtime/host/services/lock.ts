import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

/** Who holds which lock. (Owned by the LockService emulation.) */
export class LockTable {
  /** Apps Script releases every lock an execution still holds when it ends. */
  releaseAll(_executionId: number): void {}
}

class LockServiceService extends GasObject {
  readonly gasClass = 'LockService';
  readonly gasService = 'Lock' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createLockService(ctx: ExecutionContext): GasObject {
  return new LockServiceService(ctx);
}
