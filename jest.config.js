// Tests run TypeScript through ts-jest in transpile-only mode; `npm run typecheck` does the type checking once.
const inCI = process.env.CI === 'true';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
  },
  // aedes is ESM-only: load it through Node's own require (see test/support/aedes-native.js).
  // format-message: share scratch-vm's instance, as a real editor build does.
  moduleNameMapper: {
    '^aedes$': '<rootDir>/test/support/aedes-native.js',
    '^format-message$': '<rootDir>/test/support/format-message-native.js',
  },
  testTimeout: 30000,
  // Interop tests start brokers, Python and Chromium: two workers suit the 2-core machines.
  maxWorkers: 2,
  reporters: inCI ? ['default', '<rootDir>/test/support/fail-on-skipped-reporter.js'] : ['default'],
};
