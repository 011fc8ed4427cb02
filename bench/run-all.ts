/**
 * `npm run bench`: every benchmark, one after another, each printing ratios measured side by side
 * in this one run. Started with --expose-gc so heap figures are taken after a full collection.
 */
import { runBrokerLoadBenchmark } from './broker-load';
import { runBundleSizeBenchmark } from './bundle-size';
import { runDashboardFramesBenchmark } from './dashboard-frames';
import { runDeliveryBenchmark } from './delivery';
import { runLibraryBytecodeBenchmark } from './library-bytecode';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runManyScriptsBenchmark } from './many-scripts';
import { runMatchingBenchmark } from './matching';
import { runSimulatorBenchmark } from './simulator';
import { runUploadBenchmark } from './upload';

async function main(): Promise<void> {
  console.log(`mqtt-blocks benchmarks, ${new Date().toISOString()}, Node ${process.version}\n`);
  await runDeliveryBenchmark();
  console.log();
  await runManyScriptsBenchmark();
  console.log();
  runMatchingBenchmark();
  console.log();
  runBundleSizeBenchmark();
  console.log();
  await runUploadBenchmark();
  console.log();
  await runDashboardFramesBenchmark();
  console.log();
  runLibraryBytecodeBenchmark();
  console.log();
  await runBrokerLoadBenchmark();
  console.log();
  await runSimulatorBenchmark();
  console.log();
  // Heap figures need a fresh process: what earlier benchmarks leave behind would blur them.
  const flood = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'flood-memory.ts')], {
    stdio: 'inherit',
    timeout: 120000,
  });
  if (flood.status !== 0) throw new Error('flood-memory benchmark failed');
  console.log();
  const charts = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'chart-history-memory.ts')], {
    stdio: 'inherit',
    timeout: 120000,
  });
  if (charts.status !== 0) throw new Error('chart-history-memory benchmark failed');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
