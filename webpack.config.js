// Two browser builds of the live extension, both with mqtt.js's browser client inside:
// - dist/mqtt-blocks.js: an IIFE that TurboWarp evaluates with a global `Scratch` (custom extension by URL);
// - dist/mqtt-blocks-builtin.js: a CommonJS module exporting the extension class for scratch-gui forks.
const path = require('node:path');

const shared = {
  target: 'web',
  devtool: false,
  resolve: {
    extensions: ['.ts', '.js'],
    // mqtt.js's ES module browser build: named exports (connect) and tree-shaking.
    alias: { mqtt$: path.resolve(__dirname, 'node_modules/mqtt/dist/mqtt.esm.js') },
  },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ }],
  },
  performance: { hints: false },
};

module.exports = [
  {
    ...shared,
    name: 'turbowarp',
    entry: './src/scratch/turbowarp-entry.ts',
    output: { path: path.resolve(__dirname, 'dist'), filename: 'mqtt-blocks.js', iife: true },
  },
  {
    ...shared,
    name: 'builtin',
    entry: './src/scratch/index.ts',
    output: { path: path.resolve(__dirname, 'dist'), filename: 'mqtt-blocks-builtin.js', library: { type: 'commonjs2' } },
  },
];
