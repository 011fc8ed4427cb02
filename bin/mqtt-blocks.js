#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI directly: tsx compiles it on the fly, so there is no separate
// build step for the command line (only the browser extension needs `npm run build`).
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv).catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
