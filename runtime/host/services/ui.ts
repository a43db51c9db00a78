import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

export class UiRecorder {
  constructor() {}
}

class UiService extends GasObject {
  readonly gasClass = 'Ui';
  readonly gasService = 'Ui' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
export function createUi(ctx: ExecutionContext): GasObject {
  return new UiService(ctx);
}
