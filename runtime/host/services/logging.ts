import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';

export interface LogEntry {
  executionId: number;
  level: 'info' | 'warn' | 'error' | 'log';
  message: string;
}

/** Everything Logger.log and console.* wrote, by execution. */
export class LogSink {
  readonly entries: LogEntry[] = [];
}

class LoggerService extends GasObject {
  readonly gasClass = 'Logger';
  readonly gasService = 'Logging' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  log(...args: unknown[]): this {
    this.ctx.world.logs.entries.push({ executionId: this.ctx.executionId, level: 'info', message: args.map(String).join(' ') });
    return this;
  }
}
class ConsoleService extends GasObject {
  readonly gasClass = 'console';
  readonly gasService = 'Logging' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  log(...args: unknown[]): void {
    this.write('log', args);
  }
  private write(level: LogEntry['level'], args: unknown[]): void {
    this.ctx.world.logs.entries.push({ executionId: this.ctx.executionId, level, message: args.map(String).join(' ') });
  }
}
export function createLogger(ctx: ExecutionContext): GasObject {
  return new LoggerService(ctx);
}
export function createConsole(ctx: ExecutionContext): GasObject {
  return new ConsoleService(ctx);
}
