/**
 * USB upload speed: a 10 KB program with Chinese strings uploaded to the real MicroPython REPL
 * (WebAssembly build) over a simulated 115,200-baud serial line, end to end (stop, raw REPL,
 * space check, write, read-back hash, rename). Compared with the line-rate limit (size ÷ 11,520
 * bytes/s, the time the bytes alone need) and with a "friendly paste" uploader that types 100
 * bytes every 50 ms (computed: the pace such tools use so the board keeps up without flow control).
 *
 *   npx tsx bench/upload.ts
 */
import { uploadToBoard } from '../src/upload/usb-upload';
import { chineseProgram } from '../test/support/serial-board/programs';
import { SerialBoard } from '../test/support/serial-board/serial-board';

const BAUD = 115200;
const BYTES_PER_SECOND = BAUD / 10;
const GOAL = 1.5;

async function timeUpload(rawPaste: 'flow-control' | 'unanswered', bytes: Uint8Array): Promise<{ seconds: number; usedRawPaste: boolean }> {
  const board = await SerialBoard.start({ rawPaste, baud: BAUD, files: { 'main.py': "print('old')\n" } });
  try {
    const started = performance.now();
    const report = await uploadToBoard(board, [{ path: 'main.py', bytes }], { reset: false });
    const seconds = (performance.now() - started) / 1000;
    if ((await board.readFile('main.py')) !== new TextDecoder().decode(bytes)) throw new Error('upload benchmark: file differs');
    return { seconds, usedRawPaste: report.rawPaste };
  } finally {
    await board.close();
  }
}

export async function runUploadBenchmark(): Promise<void> {
  const bytes = new TextEncoder().encode(chineseProgram(10 * 1024));
  const limit = bytes.length / BYTES_PER_SECOND;
  const friendlyPaste = Math.ceil(bytes.length / 100) * 0.05;
  console.log(`USB upload of a ${bytes.length}-byte program with Chinese strings at ${BAUD} baud (line-rate limit ${limit.toFixed(2)} s)`);
  for (const mode of ['flow-control', 'unanswered'] as const) {
    // Best of two: the first run also warms up the interpreter process.
    const runs = [await timeUpload(mode, bytes), await timeUpload(mode, bytes)];
    const best = Math.min(...runs.map((run) => run.seconds));
    const ratio = best / limit;
    const label = runs[0].usedRawPaste ? 'raw-paste (flow control)' : 'plain raw (fallback)   ';
    const verdict = runs[0].usedRawPaste ? (ratio <= GOAL ? `goal <= ${GOAL}x met` : `goal <= ${GOAL}x MISSED`) : 'no goal (fallback)';
    console.log(
      `  ${label}: ${best.toFixed(2)} s = ${ratio.toFixed(2)}x the line-rate limit (${verdict}); friendly paste (100 B / 50 ms) would need ${friendlyPaste.toFixed(2)} s = ${(friendlyPaste / limit).toFixed(2)}x`,
    );
  }
}

if (require.main === module) {
  runUploadBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
