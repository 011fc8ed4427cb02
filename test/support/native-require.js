// Loads a package through Node's own module loader instead of jest's. Node 20.19+ can require()
// ES modules (aedes 1.x; jsdom's dependencies inside scratch-vm); jest's loader on Node 20 cannot.
// jest hands out Node's real `module` builtin, whose private loader functions skip jest entirely.
const NodeModule = require('node:module');

function nativeRequire(request) {
  const parent = { id: __filename, filename: __filename, paths: NodeModule._nodeModulePaths(__dirname) };
  return NodeModule._load(NodeModule._resolveFilename(request, parent), null, false);
}
module.exports = { nativeRequire };
