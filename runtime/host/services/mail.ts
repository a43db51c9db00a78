import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import type { World } from '../world';
export class MailOutbox {
  constructor(readonly world: World, readonly dailyQuota: number) {}
}

class MailAppService extends GasObject {
  readonly gasClass = 'MailApp';
  readonly gasService = 'Mail' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createMailApp(ctx: ExecutionContext): GasObject {
  return new MailAppService(ctx);
}
