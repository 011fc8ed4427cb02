/**
 * `npm run bench`: every benchmark, one after another, each printing ratios measured side by side
 * in this one run. Started with --expose-gc so heap figures are taken after a full collection.
 */
import { runBundleSizeBenchmark } from './bundle-size';
import { runDeliveryBenchmark } from './delivery';
import { runFloodMemoryBenchmark } from './flood-memory';
import { runManyScriptsBenchmark } from './many-scripts';
import { runMatchingBenchmark } from './matching';

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
  await runFloodMemoryBenchmark();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
