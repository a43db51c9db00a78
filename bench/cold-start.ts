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
import { describeSpread, measureLoadSpread, type LoadSpread } from './load-spread';

/** The most dist/Code.js may weigh (identifiers of our own code kept, see scripts/build.mjs). */
export const BUNDLE_BUDGET_BYTES = 250 * 1024;

export interface ColdStart {
  file: string;
  bytes: number;
  /**
   * Thread-CPU time to compile and run Code.js in a new V8 context, no code cache, ms: each of several
   * fresh processes' best of its loads, with their median (the figure the cost model prices) and
   * spread (bench/load-spread.ts).
   */
  load: LoadSpread;
  /** The sidebar and dialog pages (HTML with their script and styles inlined), bytes by file name. */
  pages: Record<string, number>;
}

export function measureColdStart(distDir: string): ColdStart {
  const file = path.join(distDir, 'Code.js');
  const source = fs.readFileSync(file, 'utf8');
  const pages = Object.fromEntries(
    fs
      .readdirSync(distDir)
      .filter((name) => name.endsWith('.html'))
      .map((name) => [name, fs.statSync(path.join(distDir, name)).size]),
  );
  return {
    file: path.relative(process.cwd(), file),
    bytes: Buffer.byteLength(source),
    // Measured once per bench process per bundle: the same figures the cost model priced.
    load: measureLoadSpread(source),
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
    `${describeSpread(cs.load)}, paid by every execution.` +
    (pages.length ? `\nPages served on every opening: ${pages.join(', ')}.` : '')
  );
}

/**
 * The priced line under the figure: the median × jsFactor, and what a single process's best (the
 * statistic before the median of processes) would have priced it at, so the noise stays visible.
 */
export function describeBundlePrice(
  cs: ColdStart,
  model: { bundleLoadMs: number; jsFactor: number },
): string {
  const f = model.jsFactor;
  const { minMs, medianMs, maxMs } = cs.load;
  if (Math.abs(model.bundleLoadMs - medianMs * f) > 0.05) {
    return (
      `Priced: ${model.bundleLoadMs.toFixed(0)} ms per execution (set by WO_COST_BUNDLE_LOAD_MS; the measured ` +
      `median × ${f} is ${(medianMs * f).toFixed(0)} ms).`
    );
  }
  return (
    `Priced: ${model.bundleLoadMs.toFixed(0)} ms per execution (the median above × ${f}); a single process's ` +
    `best would have priced it anywhere from ${(minMs * f).toFixed(0)} to ${(maxMs * f).toFixed(0)} ms.`
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
    detail: `${kb(cs.bytes)}, loaded here in ${describeSpread(cs.load)}${priced}`,
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
