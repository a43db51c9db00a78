/**
 * Bundle cold start. Apps Script loads the whole project for every execution (a menu click, a trigger,
 * each google.script.run call), so the size of dist/Code.js and the time to compile and run it in a
 * fresh context are paid again and again. HtmlService likewise serves the whole sidebar page on every
 * opening.
 *
 * Alone: `npm run build && node --import tsx bench/cold-start.ts` prints just this figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** The most dist/Code.js may weigh (identifiers of our own code kept, see scripts/build.mjs). */
export const BUNDLE_BUDGET_BYTES = 250 * 1024;

export interface ColdStart {
  file: string;
  bytes: number;
  /** Median over `runs` of compiling and running Code.js in a new V8 context, no code cache, ms. */
  compileAndRunMs: number;
  /** The same, best run, ms. */
  bestMs: number;
  runs: number;
  /** The sidebar and dialog pages (HTML with their script and styles inlined), bytes by file name. */
  pages: Record<string, number>;
}

/** Times of compiling and running `source` in a fresh context, `runs` times, sorted ascending, ms. */
export function loadTimes(source: string, runs = 15): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    // A distinct filename each time so V8's in-isolate compilation cache is not reused.
    const script = new vm.Script(`${source}\n//# sourceURL=Code-${i}.js`, { filename: `Code-${i}.js` });
    script.runInContext(vm.createContext({}));
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** This thread's CPU time, ms (Linux: schedstat, nanoseconds on a CPU), or NaN elsewhere. */
function threadCpuMs(): number {
  try {
    const ns = Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Local load time of a bundle, ms, as the cost model scales it into its bundle price: the best of
 * `runs` of the thread's CPU time for compiling and running it (wall time where the platform does not
 * tell), since on a shared machine wall time measures the neighbours' load, not the bundle.
 */
export function bestLoadMs(source: string, runs = 15): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const cpu = threadCpuMs();
    const wall = performance.now();
    const script = new vm.Script(`${source}\n//# sourceURL=Load-${i}.js`, { filename: `Load-${i}.js` });
    script.runInContext(vm.createContext({}));
    const spent = Number.isFinite(cpu) ? threadCpuMs() - cpu : performance.now() - wall;
    best = Math.min(best, spent);
  }
  return best;
}

export function measureColdStart(distDir: string, runs = 15): ColdStart {
  const file = path.join(distDir, 'Code.js');
  const source = fs.readFileSync(file, 'utf8');
  const times = loadTimes(source, runs);
  const pages = Object.fromEntries(
    fs
      .readdirSync(distDir)
      .filter((name) => name.endsWith('.html'))
      .map((name) => [name, fs.statSync(path.join(distDir, name)).size]),
  );
  return {
    file: path.relative(process.cwd(), file),
    bytes: Buffer.byteLength(source),
    compileAndRunMs: times[Math.floor(times.length / 2)] ?? NaN,
    bestMs: times[0] ?? NaN,
    runs,
    pages,
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** The printed lines of the figure. */
export function describeColdStart(cs: ColdStart): string {
  const pages = Object.entries(cs.pages).map(([name, bytes]) => `${name} ${kb(bytes)}`);
  return (
    `Bundle cold start: ${cs.file} is ${kb(cs.bytes)} (${cs.bytes.toLocaleString('en-US')} bytes, budget ` +
    `${kb(BUNDLE_BUDGET_BYTES)}); compiling and running it in a fresh context takes ` +
    `${cs.compileAndRunMs.toFixed(1)} ms (median of ${cs.runs}, best ${cs.bestMs.toFixed(1)} ms), paid by every execution.` +
    (pages.length ? `\nPages served on every opening: ${pages.join(', ')}.` : '')
  );
}

/** The budget check of the figure (one line of the bench's Budgets list). */
export function bundleBudget(
  cs: ColdStart,
  model?: { bundleLoadMs: number; jsFactor: number },
): { name: string; ok: boolean; detail: string } {
  const priced = model
    ? `; priced at ${model.bundleLoadMs.toFixed(0)} ms per execution (× ${model.jsFactor}, bench/cost-model.ts)`
    : '';
  return {
    name: `dist/Code.js ≤ ${kb(BUNDLE_BUDGET_BYTES)}`,
    ok: cs.bytes <= BUNDLE_BUDGET_BYTES,
    detail: `${kb(cs.bytes)}, loaded here in ${cs.compileAndRunMs.toFixed(1)} ms${priced}`,
  };
}

if (require.main === module) {
  const distDir = path.resolve(process.env.WO_DIST_DIR ?? 'dist');
  const cs = measureColdStart(distDir);
  console.log(describeColdStart(cs));
  const budget = bundleBudget(cs);
  console.log(`${budget.ok ? 'ok  ' : 'FAIL'}  ${budget.name}: ${budget.detail}`);
  if (!budget.ok) process.exitCode = 1;
}
