/**
 * A sandbox worker thread. Each execution gets a fresh V8 context holding only the Apps Script
 * globals (no require, process, Buffer or timers) into which `Code.js` is loaded, as Apps Script loads
 * the whole project for every execution. Service calls block this thread on an Atomics wait until
 * the host answers, so a script's synchronous code can be paused at any service call while other
 * executions run: that is what lets tests interleave executions.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import vm from 'node:vm';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import inspector from 'node:inspector';
import path from 'node:path';
import { PRELUDE_SOURCE } from './prelude';
import type { CallMeter, HostCall, PreludeCodec } from './prelude';
import type { CallMessage, DoneMessage, ReplyMessage, StartMessage } from './protocol';
import { toWireError } from './wire-error';

interface WorkerInit {
  signal: SharedArrayBuffer;
  replyPort: MessagePort;
  /** CPU profiles to write (see startProfile), or null. */
  profile: { dir: string; entry: string } | null;
}

const init = workerData as WorkerInit;
const signal = new Int32Array(init.signal);
const port = parentPort;
if (!port) throw new Error('sandbox worker started outside a worker thread');

/** How long a reply signalled by the host may take to arrive on the reply port. */
const REPLY_GRACE_MS = 10_000;

const compiled = new Map<string, vm.Script>();
const prelude = new vm.Script(PRELUDE_SOURCE, { filename: 'apps-script-prelude.js' });

function scriptFor(message: StartMessage): vm.Script {
  let script = compiled.get(message.codeKey);
  if (!script) {
    script = new vm.Script(message.code, { filename: 'Code.js' });
    compiled.clear();
    compiled.set(message.codeKey, script);
    bindingsLeftOut.clear();
  }
  return script;
}

/**
 * Why the built-ins are bound again: in a Node vm context every lookup of a global (Math, Date,
 * Object…) goes through the contextified global object's interceptor, 40–77 times slower than in a
 * plain V8 context such as Apps Script's (nodejs/node#31658), which made the script's measured
 * JavaScript time about twice what the same code costs outside the sandbox. A script-scope `let`
 * per built-in, declared before Code.js runs, is a lexical binding every later script of the context
 * resolves first, without the interceptor. The global property becomes an accessor of that binding,
 * so a script that replaces a built-in, as `Math = …` or as `globalThis.Math = …`, sees the new one
 * both ways, as on live Apps Script where both assign the one global. What still differs: the global's
 * property descriptor reads as an accessor (get/set) where Apps Script's is a writable data property.
 */
const BUILTIN_NAMES: readonly string[] = vm.runInContext(
  `Object.getOwnPropertyNames(globalThis).filter((name) => {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    return /^[A-Za-z_$][\\w$]*$/.test(name) && name !== 'eval' && name !== 'globalThis' && d.configurable;
  })`,
  vm.createContext({}),
) as string[];

/** Per bundle, built-ins Code.js declares itself at top level (`var Set`…), which must stay unbound. */
const bindingsLeftOut = new Set<string>();
const bindingScripts = new Map<string, vm.Script>();

function bindBuiltins(context: vm.Context): void {
  const names = BUILTIN_NAMES.filter((name) => !bindingsLeftOut.has(name));
  const key = names.join(',');
  let script = bindingScripts.get(key);
  if (!script) {
    const declared = names.map((name) => `${name} = globalThis.${name}`).join(', ');
    const accessors = names
      .map((name) => `bind('${name}', () => ${name}, (v) => { ${name} = v; });`)
      .join('\n');
    const source =
      `let ${declared};\n(() => {\n` +
      `const bind = (name, get, set) => Object.defineProperty(globalThis, name, { get, set, configurable: true });\n` +
      `${accessors}\n})();`;
    script = new vm.Script(names.length ? source : '', { filename: 'builtin-bindings.js' });
    bindingScripts.set(key, script);
  }
  script.runInContext(context);
}

/** The built-in a SyntaxError says Code.js redeclares, when it is one the bindings declared first. */
function clashingBuiltin(error: unknown): string | null {
  // The error comes from the context's realm: not an instance of this thread's Error.
  if (error === null || typeof error !== 'object') return null;
  const e = error as { name?: unknown; message?: unknown };
  if (e.name !== 'SyntaxError' || typeof e.message !== 'string') return null;
  const match = /^Identifier '([^']+)' has already been declared$/.exec(e.message);
  if (!match || bindingsLeftOut.has(match[1]!) || !BUILTIN_NAMES.includes(match[1]!)) return null;
  return match[1]!;
}

/**
 * CPU time this thread has used, ms, or NaN where the platform does not say. Linux's schedstat gives
 * the thread's time on a CPU in nanoseconds; a thread blocked in Atomics.wait (waiting for a service
 * call) is not on a CPU, so the difference over a run is the script's own JavaScript time, whatever
 * else the machine is doing.
 */
function threadCpuMs(): number {
  try {
    // The kernel brings a running thread's schedstat up to date only at scheduler ticks (about 4 ms
    // here), so a plain read moves in steps of a tick. getrusage, which process.cpuUsage() calls,
    // first updates the calling thread's time: after it the read is exact to the microsecond.
    process.cpuUsage();
    const ns = Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * For finding where an execution's JavaScript time goes: with WO_PROFILE_DIR set in the host's
 * environment, each execution of the entry point WO_PROFILE_ENTRY names ('*', the default: every one)
 * writes a V8 CPU profile of the script's run, loading excluded, to
 * `<dir>/<entry>-<execution id>.cpuprofile` (open it in Chrome's DevTools). Off unless asked: the
 * profiler slows the script down.
 */
function startProfile(entry: string): inspector.Session | null {
  const wanted = init.profile;
  if (!wanted || (wanted.entry !== '*' && wanted.entry !== entry)) return null;
  const session = new inspector.Session();
  // A session on this thread answers synchronously: the profiler is running when post returns.
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  return session;
}

function writeProfile(session: inspector.Session | null, entry: string, executionId: number): void {
  if (!session || !init.profile) return;
  const dir = init.profile.dir;
  session.post('Profiler.stop', (error, result) => {
    if (!error) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${entry}-${executionId}.cpuprofile`), JSON.stringify(result.profile));
    }
    session.disconnect();
  });
}

type Installer = (
  call: HostCall,
  globals: StartMessage['globals'],
  clock: StartMessage['clock'],
  meter: CallMeter,
) => PreludeCodec;

/** A fresh context with the Apps Script globals, the built-in bindings and Code.js loaded. */
function load(
  message: StartMessage,
  hostCall: HostCall,
  meter: CallMeter,
): { context: vm.Context; codec: PreludeCodec } {
  for (;;) {
    const context = vm.createContext({}, { name: `execution-${message.executionId}` });
    const install = prelude.runInContext(context) as Installer;
    const codec = install(hostCall, message.globals, message.clock, meter);
    bindBuiltins(context);
    try {
      scriptFor(message).runInContext(context);
      return { context, codec };
    } catch (error) {
      // Code.js declares a built-in's name itself: leave that one unbound and load again, in a new
      // context, since a lexical binding cannot be taken back. The clash is found before any of
      // Code.js runs.
      const clash = clashingBuiltin(error);
      if (clash === null) throw error;
      bindingsLeftOut.add(clash);
    }
  }
}

/** The local zone this worker's isolate was last given (host/local-time-zone.ts). */
let localTimeZone: string | null = null;

/**
 * Gives this isolate's Date the project's local time. Assigning TZ is what makes Node tell the
 * isolate its zone changed (another worker may already have set the shared variable to this value),
 * so it is assigned whenever this worker's zone differs, not when the variable does.
 */
function useLocalTimeZone(zone: string): void {
  if (localTimeZone === zone) return;
  process.env.TZ = zone;
  localTimeZone = zone;
}

function run(message: StartMessage): DoneMessage {
  useLocalTimeZone(message.localTimeZone);
  port!.postMessage({ type: 'began', executionId: message.executionId });
  const started = performance.now();
  const hostCall = (handle: number, method: string, argsJson: string): string => {
    const call: CallMessage = { type: 'call', executionId: message.executionId, handle, method, argsJson };
    Atomics.store(signal, 0, 0);
    port!.postMessage(call);
    // Wait until the host raises the flag. A wake-up can come with the flag still down: the host
    // raises the flag and *then* notifies, so this thread may see the flag, take the reply and start
    // waiting for its next call before that notify lands (seen about once in 20,000 calls).
    while (Atomics.load(signal, 0) === 0) Atomics.wait(signal, 0, 0);
    // The host posts the reply before it raises the flag, so it is normally there already; allow for
    // a late delivery rather than leave the reply queued for the next call, which would shift every
    // later reply by one.
    let reply = receiveMessageOnPort(init.replyPort);
    for (let waitedMs = 0; !reply; waitedMs++) {
      if (waitedMs >= REPLY_GRACE_MS) throw new Error('sandbox: the host signalled a reply but sent none');
      Atomics.wait(signal, 0, 1, 1);
      reply = receiveMessageOnPort(init.replyPort);
    }
    return (reply.message as ReplyMessage).json;
  };
  let loadMs = 0;
  let cpuStarted = NaN;
  let cpuEnded = NaN;
  // CPU time spent in service calls (encoding, waiting, decoding), taken out of the script's own.
  let callsCpuMs = 0;
  let callEnteredMs = 0;
  const meter: CallMeter = (entering) => {
    if (Number.isNaN(cpuStarted)) return; // a call made while Code.js loads counts with the load
    const now = threadCpuMs();
    if (entering) callEnteredMs = now;
    else callsCpuMs += now - callEnteredMs;
  };
  const scriptCpuMs = (): number =>
    (Number.isNaN(cpuEnded) ? threadCpuMs() : cpuEnded) - cpuStarted - callsCpuMs;
  try {
    const { context, codec } = load(message, hostCall, meter);
    loadMs = performance.now() - started;
    const fn = vm.runInContext(
      `typeof ${message.entry} === 'function' ? ${message.entry} : undefined`,
      context,
    ) as ((...args: unknown[]) => unknown) | undefined;
    if (!fn) {
      return {
        type: 'done',
        executionId: message.executionId,
        loadMs,
        error: { name: 'Exception', message: `Script function not found: ${message.entry}` },
      };
    }
    const profile = startProfile(message.entry);
    // The arguments' decoding and the result's encoding stand for the trip from and to the browser
    // (priced as the client round trip), so like a service call's they are not the script's time.
    const args = codec.decode(message.argsJson) as unknown[];
    let result: unknown;
    cpuStarted = threadCpuMs();
    try {
      result = fn(...args);
    } finally {
      cpuEnded = threadCpuMs();
      writeProfile(profile, message.entry, message.executionId);
    }
    const resultJson = codec.encode(result);
    return {
      type: 'done',
      executionId: message.executionId,
      loadMs,
      cpuMs: scriptCpuMs(),
      resultJson,
    };
  } catch (error) {
    return {
      type: 'done',
      executionId: message.executionId,
      loadMs,
      cpuMs: scriptCpuMs(),
      error: toWireError(error),
    };
  }
}

port.on('message', (message: StartMessage) => {
  port.postMessage(run(message));
});
