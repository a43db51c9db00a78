import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

class SpreadsheetAppService extends GasObject {
  readonly gasClass = 'SpreadsheetApp';
  readonly gasService = 'Spreadsheet' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}
class ChartsService extends GasObject {
  readonly gasClass = 'Charts';
  readonly gasService = 'Spreadsheet' as const;
}

export function createSpreadsheetApp(ctx: ExecutionContext): GasObject {
  return new SpreadsheetAppService(ctx);
}
export function createCharts(_ctx: ExecutionContext): GasObject {
  return new ChartsService();
}
