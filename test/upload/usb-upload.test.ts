/**
 * The USB uploader against the real MicroPython REPL (WebAssembly build) on a simulated serial
 * line throttled to 115,200 baud: raw-paste with flow control, the plain raw fallback, unchanged
 * libraries skipped, and every failure a pupil can cause leaving the old main.py on the board.
 */
import { ReceiveBuffer } from '../../src/upload/receive-buffer';
import type { ByteLink } from '../../src/upload/raw-repl';
import { uploadToBoard, UploadError, type UploadProgress } from '../../src/upload/usb-upload';
import { chineseProgram } from '../support/serial-board/programs';
import { SerialBoard, type SimulatedBoardOptions } from '../support/serial-board/serial-board';

jest.setTimeout(60000);

const OLD_MAIN = "print('old program')\n";
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

const boards: SerialBoard[] = [];
async function board(options: SimulatedBoardOptions = {}): Promise<SerialBoard> {
  const started = await SerialBoard.start({ files: { 'main.py': OLD_MAIN }, ...options });
  boards.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(boards.splice(0).map((b) => b.close()));
});

async function expectFailure(promise: Promise<unknown>, failure: string): Promise<UploadError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UploadError);
  expect((error as UploadError).failure).toBe(failure);
  return error as UploadError;
}

describe('upload over a 115,200-baud line', () => {
  test.each(['unanswered', 'legacy'] as const)('plain raw mode when raw-paste is %s: main.py written, verified, run', async (rawPaste) => {
    const target = await board({ rawPaste });
    const program = chineseProgram(3000);
    const report = await uploadToBoard(target, [{ path: 'main.py', bytes: encode(program) }]);
    expect(report).toEqual({ written: ['main.py'], skipped: [], rawPaste: false });
    expect(await target.readFile('main.py')).toBe(program);
    expect(await target.readFile('main.py.new')).toBeNull();
    // Soft reset: the new program runs and prints its Chinese greeting.
    const output = await target.rx.readUntil('new program 你好，世界', 10000);
    expect(new TextDecoder().decode(output)).toContain('soft reboot');
  });

  test('raw-paste mode follows the board\'s flow control: nothing overruns its buffer', async () => {
    const target = await board({ rawPaste: 'flow-control' });
    const program = chineseProgram(10000);
    const report = await uploadToBoard(target, [{ path: 'main.py', bytes: encode(program) }]);
    expect(report.rawPaste).toBe(true);
    expect(await target.readFile('main.py')).toBe(program);
    expect(await target.stats()).toMatchObject({ overruns: 0, resets: 1 });
    // Raw-paste was asked for with the documented probe.
    expect(Buffer.from(target.written).includes(Buffer.from('\x05A\x01'))).toBe(true);
  });

  test('a library the board already has is not written again; a changed one is', async () => {
    const target = await board({ rawPaste: 'flow-control' });
    const library = encode('# mqtt_blocks runtime 1\nVERSION = 1\n');
    const files = (main: string, lib = library) => [
      { path: 'lib/mqtt_blocks.py', bytes: lib, onlyIfChanged: true },
      { path: 'main.py', bytes: encode(main) },
    ];
    expect(await uploadToBoard(target, files("print('one')\n"))).toMatchObject({ written: ['lib/mqtt_blocks.py', 'main.py'], skipped: [] });
    expect(await uploadToBoard(target, files("print('two')\n"))).toMatchObject({ written: ['main.py'], skipped: ['lib/mqtt_blocks.py'] });
    const changed = encode('# mqtt_blocks runtime 2\nVERSION = 2\n');
    expect(await uploadToBoard(target, files("print('three')\n", changed))).toMatchObject({ written: ['lib/mqtt_blocks.py', 'main.py'] });
    expect(await target.readFile('lib/mqtt_blocks.py')).toContain('VERSION = 2');
    expect(await target.readFile('main.py')).toBe("print('three')\n");
  });

  test('progress goes from connecting through writing to done, with byte counts', async () => {
    const target = await board({ rawPaste: 'flow-control' });
    const seen: UploadProgress[] = [];
    const bytes = encode(chineseProgram(5000));
    await uploadToBoard(target, [{ path: 'main.py', bytes }], { onProgress: (p) => seen.push(p), charsPerExec: 1000 });
    expect(seen[0].stage).toBe('connecting');
    expect(seen.at(-1)).toEqual({ stage: 'done', sentBytes: bytes.length, totalBytes: bytes.length, file: undefined });
    const writing = seen.filter((p) => p.stage === 'writing').map((p) => p.sentBytes);
    expect(writing.length).toBeGreaterThan(2);
    expect([...writing].sort((a, b) => a - b)).toEqual(writing);
  });
});

describe('failures keep the old main.py', () => {
  const fast = { promptMs: 800, rawPasteProbeMs: 300, answerMs: 1500 };

  test('cable unplugged mid-upload', async () => {
    const target = await board({ rawPaste: 'flow-control' });
    const upload = uploadToBoard(target, [{ path: 'main.py', bytes: encode(chineseProgram(8000)) }], {
      timing: fast,
      onProgress: (p) => {
        if (p.stage === 'writing' && p.sentBytes > 2000) target.unplug();
      },
    });
    await expectFailure(upload, 'disconnected');
    expect(await target.readFile('main.py')).toBe(OLD_MAIN);
  });

  test('board stops answering mid-upload', async () => {
    const target = await board();
    const upload = uploadToBoard(target, [{ path: 'main.py', bytes: encode(chineseProgram(8000)) }], {
      timing: fast,
      onProgress: (p) => {
        if (p.stage === 'writing' && p.sentBytes > 2000) void target.silence();
      },
    });
    await expectFailure(upload, 'stoppedAnswering');
    expect(await target.readFile('main.py')).toBe(OLD_MAIN);
  });

  test('flash too full for the new program: refused before writing', async () => {
    const target = await board({ flashFree: 4000 });
    const error = await expectFailure(uploadToBoard(target, [{ path: 'main.py', bytes: encode(chineseProgram(10000)) }], { timing: fast }), 'storageFull');
    expect(error.sizes?.free).toBe(4000);
    expect(await target.readFile('main.py')).toBe(OLD_MAIN);
    expect(await target.readFile('main.py.new')).toBeNull();
  });

  test('a byte changed on the line: the read-back hash differs, the copy is thrown away', async () => {
    const target = await board();
    // A line that flips one letter of the program text on its way.
    const corrupting: ByteLink = {
      rx: target.rx,
      write: (bytes) => {
        const text = Buffer.from(bytes);
        const at = text.indexOf('Zq9');
        if (at >= 0) text[at + 2] = '8'.charCodeAt(0);
        return target.write(text);
      },
    };
    const program = `print('Zq9 你好')\n`;
    await expectFailure(uploadToBoard(corrupting, [{ path: 'main.py', bytes: encode(program) }], { timing: fast }), 'verifyFailed');
    expect(await target.readFile('main.py')).toBe(OLD_MAIN);
    expect(await target.readFile('main.py.new')).toBeNull();
  });

  test('a device that is not MicroPython, and one that says nothing', async () => {
    const chatty = new ReceiveBuffer();
    const modem: ByteLink = {
      rx: chatty,
      write: () => {
        chatty.push(encode('\r\nERROR\r\n'));
        return Promise.resolve();
      },
    };
    await expectFailure(uploadToBoard(modem, [{ path: 'main.py', bytes: encode('x = 1\n') }], { timing: fast }), 'notMicroPython');
    const silent: ByteLink = { rx: new ReceiveBuffer(), write: async () => {} };
    await expectFailure(uploadToBoard(silent, [{ path: 'main.py', bytes: encode('x = 1\n') }], { timing: fast }), 'noAnswer');
  });

  test('a file that is not UTF-8 text is refused before anything is sent', async () => {
    const target = await board();
    await expectFailure(uploadToBoard(target, [{ path: 'main.py', bytes: Uint8Array.of(0x70, 0xff, 0xfe) }]), 'notText');
    expect(target.written).toEqual([]);
  });
});
