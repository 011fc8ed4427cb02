// Two browser builds of the live extension, both with mqtt.js's browser client inside:
// - dist/mqtt-blocks.js: an IIFE that TurboWarp evaluates with a global `Scratch` (custom extension by URL);
// - dist/mqtt-blocks-builtin.js: a CommonJS module exporting the extension class for scratch-gui forks.
const path = require('node:path');
const webpack = require('webpack');

const shared = {
  target: 'web',
  devtool: false,
  resolve: {
    extensions: ['.ts', '.js'],
    // mqtt.js's ES module browser build: named exports (connect) and tree-shaking.
    alias: { mqtt$: path.resolve(__dirname, 'node_modules/mqtt/dist/mqtt.esm.js') },
  },
  module: {
    rules: [
      { test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ },
      // The board library's Python files, bundled as text (src/generators/library/python-sources.browser.ts).
      { test: /\.py$/, type: 'asset/source' },
    ],
  },
  // In Node the library's Python files are read from disk; in a browser bundle they are bundled as text.
  plugins: [new webpack.NormalModuleReplacementPlugin(/^\.\/python-sources$/, './python-sources.browser')],
  performance: { hints: false },
  // Kept in node_modules/.cache/webpack between builds: a rebuild compiles only the modules that changed.
  cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
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

// Start page, board editor, message monitor and dashboard pages (src/pages/), served by the classroom
// server as /dist/*.js.
// Blockly's media (sounds, cursors, sprites) and uPlot's stylesheet are copied next to them so the pages
// work with no internet.
module.exports.push({
  ...shared,
  name: 'board',
  entry: {
    home: './src/pages/home/main.ts',
    'board-editor': './src/pages/board/main.ts',
    monitor: './src/pages/monitor/main.ts',
    dashboard: './src/pages/dashboard/main.ts',
  },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js' },
  plugins: [
    ...shared.plugins,
    {
      apply(compiler) {
        const fs = require('node:fs');
        const media = path.join(path.dirname(require.resolve('blockly/core')), 'media');
        const { RawSource } = compiler.webpack.sources;
        compiler.hooks.thisCompilation.tap('BlocklyMedia', (compilation) => {
          compilation.hooks.processAssets.tap({ name: 'BlocklyMedia', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
            for (const file of fs.readdirSync(media)) {
              compilation.emitAsset(`blockly-media/${file}`, new RawSource(fs.readFileSync(path.join(media, file))));
            }
            const uplotCss = path.join(path.dirname(require.resolve('uplot')), 'uPlot.min.css');
            compilation.emitAsset('uPlot.min.css', new RawSource(fs.readFileSync(uplotCss)));
          });
        });
      },
    },
  ],
});

// The board simulator's Web Worker (src/pages/board/simulator/worker.ts), and the MicroPython
// WebAssembly build it loads at run time, copied as it is into dist/micropython/ (served offline).
module.exports.push({
  ...shared,
  name: 'simulator-worker',
  target: 'webworker',
  entry: { 'simulator-worker': './src/pages/board/simulator/worker.ts' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js' },
  plugins: [
    ...shared.plugins,
    {
      apply(compiler) {
        const fs = require('node:fs');
        const folder = path.dirname(require.resolve('@micropython/micropython-webassembly-pyscript/package.json'));
        const { RawSource } = compiler.webpack.sources;
        compiler.hooks.thisCompilation.tap('MicroPythonFiles', (compilation) => {
          compilation.hooks.processAssets.tap({ name: 'MicroPythonFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
            for (const file of ['micropython.mjs', 'micropython.wasm']) {
              // minimized: as published (the minifier must not touch the WebAssembly glue).
              compilation.emitAsset(`micropython/${file}`, new RawSource(fs.readFileSync(path.join(folder, file))), { minimized: true });
            }
          });
        });
      },
    },
  ],
});

// Glue of the Scratch editor page (/scratch/). The editor itself is the prebuilt scratch-gui bundle
// the server serves from vendor/ (npm run setup:scratch-editor), loaded by a <script> tag at run time.
module.exports.push({
  ...shared,
  name: 'scratch-editor',
  entry: './src/pages/scratch/main.ts',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'scratch-editor.js' },
});
