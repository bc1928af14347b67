/**
 * `npm run test:slow`: the tests that drive headless Chromium (the paper view, the tab, the Agents
 * Playground), and files named *.slow.test.ts (hostile papers: a 200 MB paper and many readings of a
 * folder in workers; an index changed in place against full rebuilds of the same folders). Too slow for every `npm test`; .ci/run runs both.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = { ...base, testPathIgnorePatterns: ['/node_modules/'], testMatch: ['<rootDir>/test/browser/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts', '<rootDir>/test/**/*.slow.test.ts'] };
