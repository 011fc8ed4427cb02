/**
 * Heap growth under a flood: 50,000 messages of 100 bytes to a script that waits 10 s per message.
 * The per-script queue keeps the newest 1000 and counts the rest as dropped, so the heap should
 * grow by about 1000 messages' worth, not 50,000. Printed next to the size of the flood itself.
 *
 *   node --expose-gc --import tsx bench/flood-memory.ts
 */
import mqtt from 'mqtt';
import { loadProject } from '../test/support/scratch-harness';
import { startTestBroker } from '../test/support/test-broker';
import { ProjectBuilder, block, num, text } from '../test/support/sb3-builder';

const FLOOD = 50000;
const PAYLOAD = 'x'.repeat(100);

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

export async function runFloodMemoryBenchmark(): Promise<void> {
  const broker = await startTestBroker();
  const harness = await loadProject(
    new ProjectBuilder()
      .script(block('mqtt_whenMessage', { TOPIC: text('flood/mem') }), block('control_wait', { DURATION: num(10) }))
      .build(),
  );
  try {
    await harness.extension.connectTo(broker.wsUrl);
    await harness.stepFrames(3);
    const publisher = await mqtt.connectAsync(broker.tcpUrl);
    const before = heapAfterGc();
    const frameTimes: number[] = [];
    const stepTimed = () => {
      const start = performance.now();
      harness.vm.runtime._step();
      frameTimes.push(performance.now() - start);
    };
    for (let i = 0; i < FLOOD; i++) {
      publisher.publish('flood/mem', `${i}:${PAYLOAD}`);
      if (i % 2000 === 0) {
        stepTimed();
        await new Promise((r) => setImmediate(r));
      }
    }
    await publisher.publishAsync('flood/mem-done', 'x', { qos: 1 });
    const deadline = Date.now() + 30000;
    while (harness.extension.droppedMessages() < FLOOD - 1001 && Date.now() < deadline) {
      stepTimed();
      await new Promise((r) => setTimeout(r, 5));
    }
    const after = heapAfterGc();
    await publisher.endAsync();
    const floodBytes = FLOOD * (PAYLOAD.length + 6);
    frameTimes.sort((a, b) => a - b);
    const gcNote = (globalThis as { gc?: () => void }).gc ? '' : ' (run with node --expose-gc for exact figures)';
    console.log(`flood memory (${FLOOD} messages of ~${PAYLOAD.length + 6} bytes to one slow script)${gcNote}`);
    console.log(`  heap growth:                ${((after - before) / 1024 / 1024).toFixed(2)} MiB`);
    console.log(`  payload bytes in the flood: ${(floodBytes / 1024 / 1024).toFixed(2)} MiB`);
    console.log(`  ratio growth / flood:       ${((after - before) / floodBytes).toFixed(3)}`);
    console.log(`  dropped (counted):          ${harness.extension.droppedMessages()}`);
    console.log(`  VM step time during flood:  median ${frameTimes[Math.floor(frameTimes.length / 2)].toFixed(2)} ms, max ${frameTimes[frameTimes.length - 1].toFixed(2)} ms`);
  } finally {
    harness.dispose();
    await broker.close();
  }
}

if (require.main === module) {
  runFloodMemoryBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
