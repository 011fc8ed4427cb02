/**
 * Size of what TurboWarp downloads: dist/mqtt-blocks.js gzipped, next to mqtt.js's own minified
 * browser build gzipped (the part no MQTT extension can do without). Run `npm run build` first.
 *
 *   npx tsx bench/bundle-size.ts
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(__dirname, '..');

function gzipped(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export function runBundleSizeBenchmark(): void {
  const ours = join(ROOT, 'dist', 'mqtt-blocks.js');
  if (!existsSync(ours)) throw new Error('dist/mqtt-blocks.js is missing: run `npm run build` first');
  const mqttAlone = require.resolve('mqtt/dist/mqtt.min');
  const oursRaw = readFileSync(ours).length;
  const oursGz = gzipped(ours);
  const mqttGz = gzipped(mqttAlone);
  console.log('bundle size (gzip -9)');
  console.log(`  dist/mqtt-blocks.js:        ${(oursGz / 1024).toFixed(1)} KiB gzipped (${(oursRaw / 1024).toFixed(0)} KiB raw)`);
  console.log(`  mqtt.js dist/mqtt.min.js:   ${(mqttGz / 1024).toFixed(1)} KiB gzipped`);
  console.log(`  ratio ours / mqtt.js alone: ${(oursGz / mqttGz).toFixed(2)}`);
}

if (require.main === module) runBundleSizeBenchmark();
