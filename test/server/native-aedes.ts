/**
 * aedes 1.x is an ES module. Node 20 can `require()` it, but jest's own module loader on
 * Node 20 cannot (jest supports require(esm) only from Node 24.9), so jest throws
 * "Must use import to load ES Module". Test files therefore replace the 'aedes' module with
 * the copy loaded by Node's real loader:
 *
 *   jest.mock('aedes', () => require('./native-aedes').loadAedesNatively());
 *
 * `Module._load` on jest's `module` shim is still Node's own loader. If jest.config.js
 * ever transforms node_modules/aedes (transformIgnorePatterns), this shim can go.
 */
export function loadAedesNatively(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  return Module._load(require.resolve('aedes'), null, false);
}
