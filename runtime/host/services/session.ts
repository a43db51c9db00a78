import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

class SessionService extends GasObject {
  readonly gasClass = 'Session';
  readonly gasService = 'Session' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createSession(ctx: ExecutionContext): GasObject {
  return new SessionService(ctx);
}
