/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(ts|js)$': '<rootDir>/test/support/esbuild-jest-transform.cjs' },
  transformIgnorePatterns: ['/node_modules/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Builds dist/ from src/ first: the feature tests load dist/Code.js, which must never be stale.
  globalSetup: '<rootDir>/test/support/build-dist.cjs',
  testTimeout: 60000,
  // Browser and runtime tests start worker threads and Chromium; two cores, so keep it modest.
  maxWorkers: 2,
  // A worker that has grown past this is replaced before its next file: hundreds of runtime worlds and
  // browser pages in one long-lived worker otherwise exhaust its heap late in the suite.
  workerIdleMemoryLimit: '1500MB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
