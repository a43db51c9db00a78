import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Builds the negative-control bundle (the locks compiled out, see src/server/adapters/document-lock.ts)
 * into a temporary folder and returns it. Only concurrency tests use it, to prove the locks matter.
 */
export function buildNoLocksVariant(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wo-no-locks-'));
  execFileSync(process.execPath, [path.resolve('scripts/build.mjs')], {
    env: { ...process.env, WO_DIST_DIR: dir, WO_BUILD_VARIANT: 'no-locks' },
    stdio: 'pipe',
  });
  return dir;
}
