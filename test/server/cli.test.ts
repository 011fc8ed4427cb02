import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { formatBanner } from '../../src/cli/banner';
import { parsePort } from '../../src/cli/serve-command';
import type { ClassroomServer } from '../../src/server';
import { rawGet, withTimeout } from './helpers';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'mqtt-blocks.js');

function fakeServer(overrides: Partial<ClassroomServer> = {}): ClassroomServer {
  return {
    host: '127.0.0.1',
    httpPort: 8000,
    tcpPort: 1883,
    lan: false,
    httpUrl: 'http://localhost:8000/',
    extensionUrl: 'http://localhost:8000/mqtt-blocks.js',
    pageUrls: { home: 'http://localhost:8000/', scratch: 'http://localhost:8000/scratch/', board: 'http://localhost:8000/board/' },
    websocketUrl: 'ws://localhost:8000/mqtt',
    tcpUrl: 'mqtt://localhost:1883',
    lanAddresses: [],
    credentials: null,
    viewerCode: null,
    monitor: undefined as never,
    connections: undefined as never,
    chartHistory: undefined as never,
    events: undefined as never,
    limits: undefined as never,
    originPolicy: undefined as never,
    close: async () => {},
    ...overrides,
  };
}

describe('start-up banner', () => {
  test('local mode lists the extension URL, pages and both broker addresses, and how to open to the LAN', () => {
    const text = formatBanner(fakeServer(), true);
    for (const expected of [
      'http://localhost:8000/mqtt-blocks.js',
      'http://localhost:8000/scratch/',
      'http://localhost:8000/board/',
      'ws://localhost:8000/mqtt',
      'mqtt://localhost:1883',
      '--lan',
      '按 Ctrl-C 停止',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('npm run build');
  });

  test('LAN mode shows the addresses boards should use and the credentials', () => {
    const text = formatBanner(
      fakeServer({
        lan: true,
        lanAddresses: ['192.168.1.20'],
        credentials: { username: 'class07', password: 'tiger-maple-0042', generated: true },
      }),
      false,
    );
    expect(text).toContain('http://192.168.1.20:8000/');
    expect(text).toContain('ws://192.168.1.20:8000/mqtt');
    expect(text).toContain('192.168.1.20  port/端口 1883');
    expect(text).toContain('class07');
    expect(text).toContain('tiger-maple-0042');
    expect(text).toContain('npm run build');
    expect(text).toContain('用户名');
  });
});

describe('parsePort', () => {
  test('accepts 0..65535 and refuses anything else', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('1884')).toBe(1884);
    for (const bad of ['', 'abc', '-1', '65536', '1.5', '80x']) expect(() => parsePort(bad)).toThrow(/0 to 65535/);
  });
});

describe('mqtt-blocks serve (bin)', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, output: () => output, exited };
  }

  async function waitForOutput(output: () => string, needle: string, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!output().includes(needle)) {
      if (Date.now() > deadline) throw new Error(`"${needle}" not printed within ${ms} ms; got:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  test('prints the banner, serves, and stops cleanly on Ctrl-C (SIGINT)', async () => {
    const { child, output, exited } = run(['serve', '--http-port', '0', '--tcp-port', '0']);
    await waitForOutput(output, 'Press Ctrl-C to stop', 15000);
    const port = Number(/ws:\/\/localhost:(\d+)\/mqtt/.exec(output())?.[1]);
    expect(port).toBeGreaterThan(0);
    expect((await rawGet(port, '/api/info')).status).toBe(200);
    child.kill('SIGINT');
    expect(await withTimeout(exited, 10000, 'exit after SIGINT')).toBe(0);
  }, 30000);

  test('a taken port exits with code 1 and the bilingual explanation', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const { output, exited } = run(['serve', '--http-port', '0', '--tcp-port', String(taken)]);
      expect(await withTimeout(exited, 15000, 'exit on port clash')).toBe(1);
      expect(output()).toContain(`Port ${taken} is already used`);
      expect(output()).toContain(`端口 ${taken} 已被占用`);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 30000);
});
