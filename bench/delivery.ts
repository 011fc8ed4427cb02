/**
 * Delivery benchmark: how many messages a second reach "when message received" scripts with no
 * loss, next to how many a raw mqtt.js client receives from the same broker in the same run, and
 * publish-to-script-start latency in frames.
 *
 *   npm run bench            (all benchmarks)
 *   npx tsx bench/delivery.ts [messages]
 */
import mqtt from 'mqtt';
import { loadProject } from '../test/support/scratch-harness';
import { ProjectBuilder, block, num, text } from '../test/support/sb3-builder';
import { startLoadProcess, type LoadProcess } from './support/load-process';

const MESSAGES = Number(process.argv[2] ?? 20000);
const LATENCY_SAMPLES = 200;
const TIME_LIMIT_MS = 60000;

function countingProject(): object {
  return new ProjectBuilder()
    .variable('count', 0)
    .script(
      block('mqtt_whenMessage', { TOPIC: text('bench/count') }),
      block('data_changevariableby', { VALUE: num(1) }, { VARIABLE: { variable: 'count' } }),
    )
    .build();
}

async function rawRate(load: LoadProcess): Promise<number> {
  const receiver = await mqtt.connectAsync(load.wsUrl);
  await receiver.subscribeAsync('bench/raw');
  let received = 0;
  let last = 0;
  receiver.on('message', () => {
    received++;
    last = performance.now();
  });
  // Both rates are measured the same way: from the start of publishing to the last arrival.
  const first = performance.now();
  await load.publish('bench/raw', MESSAGES);
  const deadline = Date.now() + TIME_LIMIT_MS;
  while (received < MESSAGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  await receiver.endAsync();
  if (received < MESSAGES) throw new Error(`raw client received only ${received}/${MESSAGES}`);
  return MESSAGES / ((last - first) / 1000 || 1e-9);
}

async function hatRate(load: LoadProcess) {
  const harness = await loadProject(countingProject());
  const vm = harness.vm;
  await harness.extension.connectTo(load.wsUrl);
  await harness.stepFrames(3);
  vm.start(); // the editor's own frame loop: 60 frames a second
  vm.setCompatibilityMode(false);
  const start = performance.now();
  await load.publish('bench/count', MESSAGES);
  const deadline = Date.now() + TIME_LIMIT_MS;
  let done = 0;
  let finished = start;
  while (Date.now() < deadline) {
    const now = Number(harness.variable('count'));
    if (now !== done) finished = performance.now();
    done = now;
    if (done >= MESSAGES) break;
    await new Promise((r) => setTimeout(r, 1));
  }
  const elapsed = finished - start;
  const dropped = harness.extension.droppedMessages();
  vm.quit();
  harness.dispose();
  return { rate: done / (elapsed / 1000), delivered: done, dropped };
}

async function latency(load: LoadProcess) {
  const harness = await loadProject(countingProject());
  const vm = harness.vm;
  await harness.extension.connectTo(load.wsUrl);
  await harness.stepFrames(3);
  let frame = 0;
  const originalStep = vm.runtime._step.bind(vm.runtime);
  vm.runtime._step = () => {
    frame++;
    originalStep();
  };
  const publishedAt = new Map<string, number>();
  const startedAt = new Map<string, number>();
  const hat = vm.runtime._primitives.mqtt_whenMessage;
  vm.runtime._primitives.mqtt_whenMessage = (args: unknown, util: unknown) => {
    const result = hat(args, util);
    const text = harness.extension.message({}, util as never);
    if (result && !startedAt.has(text)) startedAt.set(text, frame);
    return result;
  };
  vm.setCompatibilityMode(false);
  vm.start();
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    publishedAt.set(`lat${i}-0`, frame); // the load process sends `${prefix}0`
    void load.publish('bench/count', 1, `lat${i}-`);
    await new Promise((r) => setTimeout(r, 7 + (i % 11))); // spread over frame phases
  }
  const deadline = Date.now() + 5000;
  while (startedAt.size < LATENCY_SAMPLES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  vm.quit();
  harness.dispose();
  const frames = Array.from(publishedAt, ([payload, at]) => (startedAt.get(payload) ?? Infinity) - at).sort((a, b) => a - b);
  const pick = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
  return { median: pick(0.5), p99: pick(0.99), lost: frames.filter((f) => f === Infinity).length };
}

export async function runDeliveryBenchmark(): Promise<void> {
  const load = await startLoadProcess();
  try {
    // Alternate the two, twice, and keep each one's best: the first run also warms up the broker and JIT.
    const raw = await rawRate(load);
    const firstHats = await hatRate(load);
    const rawAgain = await rawRate(load);
    const secondHats = await hatRate(load);
    const bestRaw = Math.max(raw, rawAgain);
    const hats = secondHats.rate > firstHats.rate ? secondHats : firstHats;
    const lat = await latency(load);
    console.log(`delivery (${MESSAGES} messages, QoS 0, aedes over WebSocket in its own process, 60 fps scratch-vm)`);
    console.log(`  raw mqtt.js receive rate:   ${bestRaw.toFixed(0)} msg/s (best of 2)`);
    console.log(`  hat script delivery rate:   ${hats.rate.toFixed(0)} msg/s (best of 2; delivered ${hats.delivered}/${MESSAGES}, dropped ${hats.dropped})`);
    console.log(`  ratio hats / raw:           ${(hats.rate / bestRaw).toFixed(2)}`);
    console.log(`  publish→script start:       median ${lat.median} frames, p99 ${lat.p99} frames (${LATENCY_SAMPLES} samples, ${lat.lost} lost)`);
  } finally {
    await load.close();
  }
}

if (require.main === module) {
  runDeliveryBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
