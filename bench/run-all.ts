/** `npm run bench`: every benchmark, one after another, each printing its ratios. */
import { runDeliveryBenchmark } from './delivery';

async function main(): Promise<void> {
  await runDeliveryBenchmark();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
