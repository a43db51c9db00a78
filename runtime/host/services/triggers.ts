import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

export class TriggerRegistry {
  constructor() {}
}

class ScriptAppService extends GasObject {
  readonly gasClass = 'ScriptApp';
  readonly gasService = 'Script' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createScriptApp(ctx: ExecutionContext): GasObject {
  return new ScriptAppService(ctx);
}
