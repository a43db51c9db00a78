// Jest transformer: strips TypeScript with esbuild (type checking is `npm run typecheck`'s job).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'both',
      sourcefile: filename,
      // The same build-time constant scripts/build.mjs defines for the release bundle.
      define: { __WO_NO_LOCKS__: 'false' },
    });
    return { code, map };
  },
};
