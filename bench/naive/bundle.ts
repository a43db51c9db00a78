/**
 * Compiles the naive baseline (bench/naive/code.ts) into its own small Apps Script bundle, the same
 * way scripts/build.mjs builds dist/Code.js: an IIFE plus one real top-level function per entry point.
 */
import { buildSync } from 'esbuild';
import path from 'node:path';
import vm from 'node:vm';

const GLOBAL = 'NaiveBaseline';

export function buildNaiveBundle(): string {
  const result = buildSync({
    entryPoints: [path.join(__dirname, 'code.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    charset: 'utf8',
    minifySyntax: true,
    write: false,
  });
  const bundle = result.outputFiles[0]?.text ?? '';
  const sandbox: { names?: string[] } = {};
  vm.runInNewContext(`${bundle}\nthis.names = Object.keys(${GLOBAL}.entryPoints);`, sandbox);
  const wrappers = (sandbox.names ?? [])
    .map((name) => `function ${name}() {\n  return ${GLOBAL}.entryPoints.${name}.apply(this, arguments);\n}`)
    .join('\n');
  return `${bundle}\n${wrappers}\n`;
}
