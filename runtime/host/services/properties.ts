import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

export class PropertyStores {
  constructor() {}
}

class PropertiesServiceService extends GasObject {
  readonly gasClass = 'PropertiesService';
  readonly gasService = 'Properties' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createPropertiesService(ctx: ExecutionContext): GasObject {
  return new PropertiesServiceService(ctx);
}
