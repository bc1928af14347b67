/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Browser tests, and files named *.slow.test.ts (a minute of CPU or more on a 2-core machine), run
  // with `npm run test:slow` (jest.slow.config.js), which .ci/run runs too.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/test/e2e/', '\\.slow\\.test\\.ts$'],
  // Jest's default is one worker fewer than the cores, which on a 2-core machine runs every file in
  // one worker while the other core idles; the main process only collects results.
  maxWorkers: '100%',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
