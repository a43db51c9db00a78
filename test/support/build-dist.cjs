// Jest global setup: builds dist/ (or WO_DIST_DIR) from the current src/ once per run, so `npx jest`
// alone never tests a stale bundle: the feature tests load dist/Code.js. About a second and a half.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = function buildDist() {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  });
};
