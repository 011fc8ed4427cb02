// aedes is an ES module; this attribute lets CommonJS files see its types. Other modules
// import the broker types from here so the attribute is written once.
import type { Aedes, AedesOptions } from 'aedes' with { 'resolution-mode': 'import' };
export type { Aedes, AedesOptions, AuthenticateError } from 'aedes' with { 'resolution-mode': 'import' };

/**
 * Creates and starts an aedes broker.
 *
 * aedes 1.x ships as an ES module only. The rest of the project compiles to CommonJS, and
 * Node >= 20.19 (and tsx on any Node 20) can `require()` an ES module, so a plain lazy
 * `require` is enough at run time. (jest's own loader cannot, so jest.config.js maps 'aedes' to
 * Node's loader: see test/support/aedes-native.js.)
 */
export async function createAedesBroker(options: AedesOptions): Promise<Aedes> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- aedes is ESM-only; a CommonJS require() of it keeps jest's mapping working (see above)
  const aedesModule = require('aedes') as { Aedes: typeof Aedes };
  return aedesModule.Aedes.createBroker(options);
}
