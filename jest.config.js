// Tests run TypeScript through ts-jest in transpile-only mode; `npm run typecheck` does the type checking once.
//
// Two projects, one run: `npm test` (jest) runs both; `npm run test:unit` only the first.
// - unit: fast tests that start no broker process, no browser and no Python (aedes in-process is
//   fine): the loop to run while changing code. Add a file here only if the whole set stays under 20 s.
// - integration: everything else (Mosquitto, CPython + paho, Chromium, MicroPython runs, CLI processes,
//   and tests that measure time, such as the login back-off in test/server/access.test.ts).
const inCI = process.env.CI === 'true';

const UNIT_TESTS = [
  '<rootDir>/test/unit/**/*.test.ts',
  '<rootDir>/test/blockly/**/*.test.ts',
  '<rootDir>/test/generators/golden.test.ts',
  '<rootDir>/test/scratch/frame-hooks.test.ts',
  '<rootDir>/test/server/http.test.ts',
  '<rootDir>/test/server/http-files.test.ts',
  '<rootDir>/test/server/scratch-gui-route.test.ts',
  '<rootDir>/test/server/monitor.test.ts',
  '<rootDir>/test/server/chart-history-feed.test.ts',
  '<rootDir>/test/server/broker.test.ts',
];

/** @type {import('jest').Config} */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
  },
  // aedes is ESM-only: load it through Node's own require (see test/support/aedes-native.js).
  // format-message: share scratch-vm's instance, as a real editor build does.
  moduleNameMapper: {
    '^aedes$': '<rootDir>/test/support/aedes-native.js',
    '^format-message$': '<rootDir>/test/support/format-message-native.js',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: UNIT_TESTS },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Everything that is not a unit test (jest matches these as regular expressions on the path).
      testPathIgnorePatterns: ['/node_modules/', ...UNIT_TESTS.map(toPathPattern)],
    },
  ],
  testTimeout: 30000,
  // Interop tests start brokers, Python and Chromium: two workers suit the 2-core machines.
  maxWorkers: 2,
  reporters: inCI ? ['default', '<rootDir>/test/support/fail-on-skipped-reporter.js'] : ['default'],
};

/** '<rootDir>/test/unit/**\/*.test.ts' → a regular expression matching the same paths. */
function toPathPattern(glob) {
  return glob
    .replace('<rootDir>', '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace('/**/*', '/.*')
    .replace(/\*/g, '[^/]*');
}
