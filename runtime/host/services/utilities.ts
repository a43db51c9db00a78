import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

class UtilitiesService extends GasObject {
  readonly gasClass = 'Utilities';
  readonly gasService = 'Utilities' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createUtilities(ctx: ExecutionContext): GasObject {
  return new UtilitiesService(ctx);
}
