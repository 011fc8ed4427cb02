/**
 * The classroom server's memory with the dashboard's chart history full, as a ratio to the same
 * server with none: a busy class (60 topics, half plain numbers, half JSON with two fields, 10,000
 * points each: the per-topic bound) and a hostile one (8-field JSON with a new client id for every
 * message, until the store's memory bound drops topics). Also prints the store's own count of its
 * bytes next to the measured heap growth, so an undercount would show.
 *
 *   node --expose-gc --import tsx bench/chart-history-memory.ts
 */
import { startClassroomServer } from '../src/server';

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export async function runChartHistoryMemoryBenchmark(): Promise<void> {
  const server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', log: () => {} });
  try {
    const { monitor, chartHistory } = server;
    // The server without chart history: started, its monitor's replay full of text messages.
    for (let i = 0; i < 1000; i += 1) monitor.record({ topic: `class/g${i % 30}/status`, payload: 'online', clientId: `board-${i % 30}` });
    const without = heapAfterGc();

    for (let i = 0; i < 10_000; i += 1) {
      for (let group = 0; group < 30; group += 1) {
        monitor.record({ topic: `class/g${group}/temp`, payload: (20 + Math.sin(i / 50) * 3).toFixed(2), clientId: `esp32-g${group}` });
        monitor.record({ topic: `class/g${group}/env`, payload: JSON.stringify({ temp: 21.5 + (i % 7), hum: 40 + (i % 11) }), clientId: `esp32-g${group}` });
      }
    }
    const busy = heapAfterGc();
    const busyCounted = chartHistory.bytes;
    const busyPoints = chartHistory.pointCount;

    const wide = (i: number): string => JSON.stringify(Object.fromEntries(Array.from({ length: 8 }, (_, f) => [`field${f}`, i + f / 10])));
    for (let i = 0; i < 400_000; i += 1) monitor.record({ topic: `flood/${i % 400}`, payload: wide(i), clientId: `pupil-${i}-${'x'.repeat(40)}` });
    const hostile = heapAfterGc();

    const gcNote = (globalThis as { gc?: () => void }).gc ? '' : ' (run with node --expose-gc for exact figures)';
    console.log(`chart history memory (classroom server, heap + array buffers after GC)${gcNote}`);
    console.log(`  server without chart history:          ${mib(without)}`);
    console.log(`  busy class, 60 topics × 10,000 points: ${mib(busy)}  ratio ${(busy / without).toFixed(2)}  (store counts ${mib(busyCounted)} for ${busyPoints.toLocaleString('en-US')} points; heap grew ${mib(busy - without)})`);
    console.log(`  hostile, 8 fields, new id each time:   ${mib(hostile)}  ratio ${(hostile / without).toFixed(2)}  (store counts ${mib(chartHistory.bytes)}, bound ${mib(32 * 1024 * 1024)}; ${chartHistory.topicCount} topics kept, ${chartHistory.droppedTopics} dropped)`);
  } finally {
    await server.close();
  }
}

if (require.main === module) {
  runChartHistoryMemoryBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
