import { GasObject } from '../gas-object';
import { GasEnumValue } from '../gas-enum';
import type { ExecutionContext } from '../execution';
import { formatDate } from './date-format';
import { javaFormat } from './java-format';

export interface LogEntry {
  executionId: number;
  level: 'info' | 'warn' | 'error' | 'log';
  /** `Logger` (the execution transcript) or `console` (Cloud Logging). */
  source: 'Logger' | 'console';
  message: string;
  /** World time of the call. */
  at: Date;
}

/** Everything Logger.log and console.* wrote, by execution. */
export class LogSink {
  readonly entries: LogEntry[] = [];

  forExecution(executionId: number): LogEntry[] {
    return this.entries.filter((e) => e.executionId === executionId);
  }
  messages(executionId?: number): string[] {
    return (executionId === undefined ? this.entries : this.forExecution(executionId)).map((e) => e.message);
  }
}

/** How a logged value reads: text as is, dates as V8's `Date.prototype.toString` in the script's zone. */
function describe(value: unknown, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? 'Invalid Date'
      : formatDate(value, timeZone, "EEE MMM dd yyyy HH:mm:ss 'GMT'Z (zzzz)");
  }
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') {
    if (value instanceof GasObject) return value.gasClass;
    if (value instanceof GasEnumValue) return value.name;
    return JSON.stringify(value, (key, v: unknown) => v);
  }
  return String(value);
}

/** Node-style `console.log` substitutions (%s %d %i %f %o %O %j %%), the rest joined by spaces. */
function consoleFormat(args: unknown[], timeZone: string): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  let message: string;
  if (typeof first === 'string' && rest.length > 0) {
    message = first.replace(/%([sdifoOj%])/g, (all, conv: string) => {
      if (conv === '%') return '%';
      if (rest.length === 0) return all;
      const value = rest.shift();
      if (conv === 'd' || conv === 'i')
        return String(conv === 'i' ? Math.trunc(Number(value)) : Number(value));
      if (conv === 'f') return String(Number(value));
      return describe(value, timeZone);
    });
  } else {
    message = describe(first, timeZone);
  }
  return [message, ...rest.map((v) => describe(v, timeZone))].join(' ');
}

class LoggerService extends GasObject {
  readonly gasClass = 'Logger';
  readonly gasService = 'Logging' as const;
  /** Entries before this index of the sink were cleared by `Logger.clear()`. */
  private clearedBefore = 0;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  /** `log(data)` or `log(format, values…)` with Java's String.format. */
  log(...args: unknown[]): this {
    const tz = this.ctx.world.timeZone;
    const message =
      args.length > 1 && typeof args[0] === 'string'
        ? javaFormat(args[0], args.slice(1), (v) => describe(v, tz))
        : describe(args[0], tz);
    this.ctx.world.logs.entries.push({
      executionId: this.ctx.executionId,
      level: 'info',
      source: 'Logger',
      message,
      at: this.ctx.world.clock.now(),
    });
    return this;
  }
  /** The execution transcript, one `[yy-MM-dd HH:mm:ss:SSS z] message` line per entry, as Google prints it. */
  getLog(): string {
    const tz = this.ctx.world.timeZone;
    const entries = this.ctx.world.logs.entries;
    let text = '';
    for (let i = this.clearedBefore; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.executionId !== this.ctx.executionId || e.source !== 'Logger') continue;
      text += `[${formatDate(e.at, tz, 'yy-MM-dd HH:mm:ss:SSS z')}] ${e.message}\n`;
    }
    return text;
  }
  clear(): void {
    this.clearedBefore = this.ctx.world.logs.entries.length;
  }
}

class ConsoleService extends GasObject {
  readonly gasClass = 'console';
  readonly gasService = 'Logging' as const;
  private readonly timers = new Map<string, number>();
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  log(...args: unknown[]): void {
    this._write('log', args);
  }
  info(...args: unknown[]): void {
    this._write('info', args);
  }
  warn(...args: unknown[]): void {
    this._write('warn', args);
  }
  error(...args: unknown[]): void {
    this._write('error', args);
  }
  time(label?: string): void {
    this.timers.set(label ?? 'default', performance.now());
  }
  timeEnd(label?: string): void {
    const key = label ?? 'default';
    const started = this.timers.get(key);
    if (started === undefined) return;
    this.timers.delete(key);
    this._write('log', [`${key}: ${Math.round(performance.now() - started)}ms`]);
  }
  private _write(level: LogEntry['level'], args: unknown[]): void {
    this.ctx.world.logs.entries.push({
      executionId: this.ctx.executionId,
      level,
      source: 'console',
      message: consoleFormat(args, this.ctx.world.timeZone),
      at: this.ctx.world.clock.now(),
    });
  }
}

export function createLogger(ctx: ExecutionContext): GasObject {
  return new LoggerService(ctx);
}
export function createConsole(ctx: ExecutionContext): GasObject {
  return new ConsoleService(ctx);
}
