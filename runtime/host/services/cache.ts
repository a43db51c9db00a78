import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import type { Clock } from '../clock';
export class CacheStores {
  constructor(readonly clock: Clock) {}
}

class CacheServiceService extends GasObject {
  readonly gasClass = 'CacheService';
  readonly gasService = 'Cache' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createCacheService(ctx: ExecutionContext): GasObject {
  return new CacheServiceService(ctx);
}
