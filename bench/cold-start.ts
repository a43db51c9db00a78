/**
 * Bundle cold start. Apps Script loads the whole project for every execution (a menu click, a trigger,
 * each google.script.run call), so the size of dist/Code.js and the time to compile and run it in a
 * fresh context are paid again and again.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export interface ColdStart {
  file: string;
  bytes: number;
  /** Median over `runs` of compiling and running Code.js in a new V8 context, no code cache, ms. */
  compileAndRunMs: number;
  /** The same, best run, ms. */
  bestMs: number;
  runs: number;
}

export function measureColdStart(distDir: string, runs = 15): ColdStart {
  const file = path.join(distDir, 'Code.js');
  const source = fs.readFileSync(file, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    // A distinct filename each time so V8's in-isolate compilation cache is not reused.
    const script = new vm.Script(`${source}\n//# sourceURL=Code-${i}.js`, { filename: `Code-${i}.js` });
    script.runInContext(vm.createContext({}));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    file: path.relative(process.cwd(), file),
    bytes: Buffer.byteLength(source),
    compileAndRunMs: times[Math.floor(times.length / 2)] ?? NaN,
    bestMs: times[0] ?? NaN,
    runs,
  };
}
