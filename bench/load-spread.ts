/**
 * The bundle's load, measured so that the same code gets the same price. Within one process the best
 * of 15 uncached loads is steady, but it is not steady between processes: for one bundle six fresh
 * processes gave 20–35 ms (what the heap, the JIT and the machine happen to be doing in each), so a
 * price taken from the bench's own process moved by 60 ms (× 4) from one run to the next. Here each
 * of several fresh child processes loads the bundle `runs` times and reports its best thread-CPU
 * time; the price is the median of those bests (not their minimum: stable, not optimistic), and the
 * spread (min, median, max) is printed beside it so a reader sees the noise.
 *
 * The children run one after another (the bench's 2 cores are shared) and only this probe: plain
 * JavaScript on `node -e`, the bundle passed on stdin, no TypeScript loader in the child's heap.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';

/** Fresh processes per bundle; WO_BENCH_LOAD_PROCESSES overrides (odd, so the median is one of them). */
export const LOAD_PROCESSES = 5;
/** Uncached loads in each process; the process's figure is the best of them. */
export const LOAD_RUNS = 15;

export interface LoadSpread {
  /** Each process's best thread-CPU time to compile and run the bundle in a fresh context, ms, ascending. */
  bestMs: number[];
  /** Loads per process. */
  runsEach: number;
  minMs: number;
  /** The price's statistic: the median of the processes' bests. */
  medianMs: number;
  maxMs: number;
  /** False where the platform gave no thread CPU time and the children fell back to wall time. */
  cpu: boolean;
}

/** The spread of the processes' bests: min, median (the mean of the middle two for an even count), max. */
export function spreadOf(bests: readonly number[], runsEach: number, cpu = true): LoadSpread {
  if (bests.length === 0 || bests.some((ms) => !Number.isFinite(ms) || ms < 0)) {
    throw new Error(
      `bundle load: expected a non-negative time from every process, got [${bests.join(', ')}]`,
    );
  }
  const sorted = [...bests].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { bestMs: sorted, runsEach, minMs: sorted[0]!, medianMs, maxMs: sorted[sorted.length - 1]!, cpu };
}

/** "25.1 ms (median of 5 fresh processes, each the best of 15 loads; 20.3–34.8 ms)". */
export function describeSpread(s: LoadSpread): string {
  return (
    `${s.medianMs.toFixed(1)} ms ${s.cpu ? 'CPU' : 'wall'} (median of ${s.bestMs.length} fresh processes, ` +
    `each the best of ${s.runsEach} loads; ${s.minMs.toFixed(1)}–${s.maxMs.toFixed(1)} ms)`
  );
}

/**
 * What each child runs: read the bundle from stdin, compile and run it `runs` times in a fresh V8
 * context under a distinct file name (so V8's in-isolate compilation cache is not reused), and print
 * the best of the thread's CPU time for it (Linux schedstat: nanoseconds on a CPU, so the neighbours'
 * load is not counted as time), or of wall time where the platform does not tell.
 */
export const PROBE_PROGRAM = `
const fs = require('node:fs');
const vm = require('node:vm');
const source = fs.readFileSync(0, 'utf8');
const runs = Number(process.argv[1]);
const cpuMs = () => {
  try {
    // process.cpuUsage() (getrusage) brings this thread's schedstat up to date first: read alone, it
    // moves only at scheduler ticks of about 4 ms.
    process.cpuUsage();
    const ns = Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : NaN;
  } catch { return NaN; }
};
let best = Infinity;
const cpu = Number.isFinite(cpuMs());
for (let i = 0; i < runs; i++) {
  const started = cpu ? cpuMs() : performance.now();
  const script = new vm.Script(source + '\\n//# sourceURL=Load-' + i + '.js', { filename: 'Load-' + i + '.js' });
  script.runInContext(vm.createContext({}));
  best = Math.min(best, (cpu ? cpuMs() : performance.now()) - started);
}
process.stdout.write(JSON.stringify({ bestMs: best, cpu }));
`;

/** One fresh process's best of `runs` loads of `source`. */
function probe(source: string, runs: number): { bestMs: number; cpu: boolean } {
  try {
    const out = execFileSync(process.execPath, ['-e', PROBE_PROGRAM, String(runs)], {
      input: source,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return JSON.parse(out) as { bestMs: number; cpu: boolean };
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const detail = typeof stderr === 'string' && stderr.trim() ? stderr.trim() : String(error);
    throw new Error(
      `bundle load probe failed: a fresh process could not compile and run the bundle, so it has no ` +
        `load price (fix the bundle, or set WO_COST_BUNDLE_LOAD_MS):\n${detail}`,
    );
  }
}

/** WO_BENCH_LOAD_PROCESSES, else LOAD_PROCESSES. */
export function loadProcessesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WO_BENCH_LOAD_PROCESSES;
  if (raw === undefined || raw === '') return LOAD_PROCESSES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(
      `WO_BENCH_LOAD_PROCESSES=${raw}: give a whole number of processes, at least 1 (5 by default)`,
    );
  }
  return n;
}

const measured = new Map<string, LoadSpread>();

/**
 * The load spread of `source` over `processes` fresh processes, measured once per bench process for
 * each distinct bundle (the price and the cold-start line then quote the same figures).
 */
export function measureLoadSpread(
  source: string,
  processes = loadProcessesFromEnv(),
  runs = LOAD_RUNS,
): LoadSpread {
  const key = `${crypto.createHash('sha1').update(source).digest('hex')}:${processes}:${runs}`;
  let spread = measured.get(key);
  if (!spread) {
    const results = Array.from({ length: processes }, () => probe(source, runs));
    spread = spreadOf(
      results.map((r) => r.bestMs),
      runs,
      results.every((r) => r.cpu),
    );
    measured.set(key, spread);
  }
  return spread;
}
