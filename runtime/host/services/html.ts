import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

class HtmlServiceService extends GasObject {
  readonly gasClass = 'HtmlService';
  readonly gasService = 'Html' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createHtmlService(ctx: ExecutionContext): GasObject {
  return new HtmlServiceService(ctx);
}
