import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

class FormAppService extends GasObject {
  readonly gasClass = 'FormApp';
  readonly gasService = 'Form' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createFormApp(ctx: ExecutionContext): GasObject {
  return new FormAppService(ctx);
}
