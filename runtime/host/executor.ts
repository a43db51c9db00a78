import { Worker, MessageChannel, SHARE_ENV } from 'node:worker_threads';
import { enterLocalZone, localZoneFor } from './local-time-zone';
import type { MessagePort } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import path from 'node:path';
import { Pending } from './gas-object';
import type { GasObject } from './gas-object';
import { Dispatcher } from './dispatcher';
import { staticPropsToWire } from './gas-enum';
import { emptyStats } from './execution';
import type { ExecutionContext, ExecutionStats } from './execution';
import type { CallMessage, DoneMessage, StartMessage, WireError, WorkerMessage } from '../sandbox/protocol';

let workerSource: string | undefined;
/** The sandbox worker, bundled once per process so it runs without a TypeScript loader. */
function sandboxWorkerSource(): string {
  if (!workerSource) {
    const result = buildSync({
      entryPoints: [path.join(__dirname, '..', 'sandbox', 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
    });
    workerSource = result.outputFiles[0]!.text;
  }
  return workerSource;
}

class SandboxWorker {
  readonly signal = new SharedArrayBuffer(4);
  readonly flag = new Int32Array(this.signal);
  readonly replyPort: MessagePort;
  readonly worker: Worker;
  onMessage: (message: WorkerMessage) => void = () => {};

  constructor() {
    const channel = new MessageChannel();
    this.replyPort = channel.port1;
    this.worker = new Worker(sandboxWorkerSource(), {
      eval: true,
      workerData: {
        signal: this.signal,
        replyPort: channel.port2,
        // Passed, not read by the worker from its environment: the host's is the one tests can set.
        profile: process.env.WO_PROFILE_DIR
          ? { dir: process.env.WO_PROFILE_DIR, entry: process.env.WO_PROFILE_ENTRY ?? '*' }
          : null,
      },
      transferList: [channel.port2],
      // The process's environment, not a copy: a worker's assignment of TZ moves its isolate's local
      // time only when the variable is the process's own (./local-time-zone.ts).
      env: SHARE_ENV,
    });
    this.worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    // An idle worker must not keep the process alive. Unref after adding the listener: adding a
    // 'message' listener refs the worker's port again, which would undo an earlier unref.
    this.worker.unref();
  }

  reply(json: string): void {
    this.replyPort.postMessage({ json });
    Atomics.store(this.flag, 0, 1);
    Atomics.notify(this.flag, 0);
  }
}

/** A script execution in flight. */
interface Live {
  id: number;
  dispatcher: Dispatcher;
  worker: SandboxWorker;
  waiting?: CallMessage;
  blocked: boolean;
  /** Stopped at its time limit: its worker is gone and nothing may answer it any more. */
  stopped: boolean;
}

/**
 * Google's quotas page (developers.google.com/apps-script/guides/services/quotas): "Script runtime
 * 6 min / execution". The triggers guide (…/guides/triggers, Restrictions of simple triggers): "They
 * cannot run for longer than 30 seconds." Measured on the world's clock, so a time scale shortens them.
 */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
/** What the execution log and a google.script.run failure handler show when Google stops a script. */
export const EXCEEDED_MAXIMUM_EXECUTION_TIME = 'Exceeded maximum execution time';

export function executionLimitMs(ctx: ExecutionContext): number {
  return ctx.kind === 'simple-trigger' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
}

export interface ExecutionOutcome {
  executionId: number;
  ok: boolean;
  /** The function's return value, decoded to host values. */
  value: unknown;
  error?: WireError;
  stats: ExecutionStats;
}

export type SchedulingMode = 'parallel' | 'interleaved';

/**
 * Runs executions in sandbox workers and serves their service calls.
 *
 * `parallel`: calls are served as they arrive (executions overlap as on Google's servers).
 * `interleaved`: one execution runs at a time between service calls, in strict rotation, so a test
 * sees every execution's reads happen before any of their writes: the schedule that exposes a
 * missing lock deterministically.
 */
export class Executor {
  mode: SchedulingMode = 'parallel';
  private readonly idle: SandboxWorker[] = [];
  private readonly all: SandboxWorker[] = [];
  private readonly live = new Map<number, Live>();
  private lastServed = 0;
  private nextExecutionId = 1;

  newExecutionId(): number {
    return this.nextExecutionId++;
  }

  async execute(
    ctx: ExecutionContext,
    code: { source: string; key: string },
    entry: string,
    globals: Record<string, GasObject>,
    makeArgs: (ctx: ExecutionContext) => unknown[],
    onFinish: () => void,
  ): Promise<ExecutionOutcome> {
    if (!/^[A-Za-z_$][\w$]*$/.test(entry)) throw new Error(`not a function name: ${entry}`);
    const localTimeZone = localZoneFor(ctx.world.timeZone);
    const leaveZone = enterLocalZone(localTimeZone);
    const dispatcher = new Dispatcher(ctx);
    const worker = this.idle.pop() ?? this.spawn();
    const live: Live = { id: ctx.executionId, dispatcher, worker, blocked: false, stopped: false };
    this.live.set(live.id, live);
    const started = performance.now();
    let limit: NodeJS.Timeout | undefined;
    const done = new Promise<DoneMessage>((resolve) => {
      worker.onMessage = (message) => {
        if (message.type === 'done') resolve(message);
        else if (message.type === 'began') {
          // Past its limit Google stops the script where it is: no catch or finally of its own runs,
          // and whatever it already wrote stays written.
          limit = setTimeout(
            () => {
              this.stop(live);
              resolve({
                type: 'done',
                executionId: ctx.executionId,
                loadMs: 0,
                error: { name: 'Exception', message: EXCEEDED_MAXIMUM_EXECUTION_TIME },
              });
            },
            ctx.world.clock.realMs(executionLimitMs(ctx)),
          );
          limit.unref();
        } else this.arrive(live, message);
      };
    });
    let argsJson: string;
    try {
      argsJson = dispatcher.encode(makeArgs(ctx));
    } catch (error) {
      leaveZone();
      throw error;
    }
    const start: StartMessage = {
      type: 'start',
      executionId: ctx.executionId,
      code: code.source,
      codeKey: code.key,
      entry,
      argsJson,
      globals: Object.entries(globals).map(([name, object]) => ({
        name,
        handle: dispatcher.handleOf(object),
        gasClass: object.gasClass,
        props: staticPropsToWire(object._staticProperties()),
      })),
      clock: ctx.world.clock.anchor,
      localTimeZone,
    };
    // While it runs, the execution keeps the process alive, as an awaited run must settle.
    worker.worker.ref();
    worker.worker.postMessage(start);
    const message = await done;
    leaveZone();
    clearTimeout(limit);
    worker.worker.unref();
    this.live.delete(live.id);
    worker.onMessage = () => {};
    if (!live.stopped) this.idle.push(worker);
    onFinish();
    ctx.stats.loadMs = message.loadMs;
    ctx.stats.scriptCpuMs = message.cpuMs ?? NaN;
    ctx.stats.totalMs = performance.now() - started;
    this.pump();
    return {
      executionId: ctx.executionId,
      ok: !message.error,
      // What the function returns leaves Apps Script as data: an enum value as its name (its toJSON).
      value: message.resultJson === undefined ? undefined : dispatcher.decode(message.resultJson, true),
      error: message.error,
      stats: ctx.stats,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.worker.terminate()));
    this.all.length = 0;
    this.idle.length = 0;
  }

  /** Ends a running execution at once: its worker thread is terminated and never reused. */
  private stop(live: Live): void {
    live.stopped = true;
    live.waiting = undefined;
    this.live.delete(live.id);
    const i = this.all.indexOf(live.worker);
    if (i >= 0) this.all.splice(i, 1);
    void live.worker.worker.terminate();
    this.pump();
  }

  private spawn(): SandboxWorker {
    const worker = new SandboxWorker();
    this.all.push(worker);
    return worker;
  }

  private arrive(live: Live, call: CallMessage): void {
    if (live.stopped) return;
    if (this.mode === 'parallel') {
      this.serve(live, call);
      return;
    }
    live.waiting = call;
    this.pump();
  }

  /** Interleaved mode: once every running execution is parked at a call, serve the next in rotation. */
  private pump(): void {
    if (this.mode !== 'interleaved') return;
    const running = [...this.live.values()].filter((l) => !l.blocked);
    if (running.length === 0 || running.some((l) => !l.waiting)) return;
    const ordered = running.sort((a, b) => a.id - b.id);
    const next = ordered.find((l) => l.id > this.lastServed) ?? ordered[0]!;
    const call = next.waiting!;
    next.waiting = undefined;
    this.lastServed = next.id;
    this.serve(next, call);
  }

  private serve(live: Live, call: CallMessage): void {
    const answer = live.dispatcher.call(call.handle, call.method, call.argsJson);
    if (answer instanceof Pending) {
      live.blocked = true;
      void answer.promise.then((json) => {
        live.blocked = false;
        if (!live.stopped) live.worker.reply(json);
      });
      this.pump();
      return;
    }
    live.worker.reply(answer);
  }
}

export { emptyStats };
