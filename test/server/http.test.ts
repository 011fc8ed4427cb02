
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startClassroomServer, type ClassroomServer, type MonitoredMessage } from '../../src/server';
import { ClientPool, rawGet, withTimeout } from './helpers';

const servers: ClassroomServer[] = [];
const pool = new ClientPool();
let dir: string;

async function start(options: Parameters<typeof startClassroomServer>[0] = {}): Promise<ClassroomServer> {
  const server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: () => {}, ...options });
  servers.push(server);
  return server;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-http-'));
});

afterEach(async () => {
  await pool.endAll();
  await Promise.all(servers.splice(0).map((server) => withTimeout(server.close(), 5000, 'server close')));
  rmSync(dir, { recursive: true, force: true });
});

describe('extension file', () => {
  test('serves dist/mqtt-blocks.js as JavaScript with a CORS header', async () => {
    const distDir = path.join(dir, 'dist');
    mkdirSync(distDir);
    writeFileSync(path.join(distDir, 'mqtt-blocks.js'), '/* extension */ console.log("hi");');
    const server = await start({ distDir });
    const res = await rawGet(server.httpPort, '/mqtt-blocks.js');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).toContain('/* extension */');
  });

  test('answers 503 with "run npm run build" when it has not been built', async () => {
    const server = await start({ distDir: path.join(dir, 'missing') });
    const res = await rawGet(server.httpPort, '/mqtt-blocks.js');
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('static pages', () => {
  let pagesDir: string;
  beforeEach(() => {
    pagesDir = path.join(dir, 'pages');
    mkdirSync(path.join(pagesDir, 'scratch'), { recursive: true });
    writeFileSync(path.join(pagesDir, 'index.html'), '<p>home</p>');
    writeFileSync(path.join(pagesDir, 'scratch', 'index.html'), '<p>scratch editor</p>');
    writeFileSync(path.join(pagesDir, 'scratch', 'app.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(pagesDir, 'link.txt'));
  });

  test('serves files and folder index pages with their content types', async () => {
    const server = await start({ pagesDir });
    const home = await rawGet(server.httpPort, '/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect((await rawGet(server.httpPort, '/scratch/')).body).toContain('scratch editor');
    expect((await rawGet(server.httpPort, '/scratch/app.css')).headers['content-type']).toMatch(/^text\/css/);
    const redirect = await rawGet(server.httpPort, '/scratch');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/scratch/');
    expect((await rawGet(server.httpPort, '/nothing-here.html')).status).toBe(404);
  });

  test('refuses path traversal in every spelling', async () => {
    const server = await start({ pagesDir });
    const attempts = [
      '/../secret.txt',
      '/scratch/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/scratch/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%5c..%5csecret.txt',
      '/secret.txt%00.html',
      '/%',
      '/link.txt',
    ];
    for (const attempt of attempts) {
      const res = await rawGet(server.httpPort, attempt);
      expect({ attempt, status: res.status >= 400 && res.status < 500 }).toEqual({ attempt, status: true });
      expect(res.body).not.toContain('TOP-SECRET');
    }
  });

  // Its Chinese comes from dist/home.js (test/e2e/page-language.test.ts shows it in Chromium).
  test('the default pages folder has the landing page, with its language switch and script', async () => {
    const server = await start();
    const res = await rawGet(server.httpPort, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('href="/scratch/"');
    expect(res.body).toContain('href="/board/"');
    expect(res.body).toContain('data-locale="zh-cn"');
    expect(res.body).toContain('<script src="/dist/home.js"');
  });
});

describe('/api/info', () => {
  test('tells pages where the broker is', async () => {
    const server = await start({ scratchGuiDir: null });
    const res = await rawGet(server.httpPort, '/api/info');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({
      websocketUrl: `ws://127.0.0.1:${server.httpPort}/mqtt`,
      tcp: { host: 'localhost', port: server.tcpPort },
      lan: false,
      addresses: [],
      authRequired: false,
      scratchEditor: false,
    });
  });

  test('never reveals the password in LAN mode', async () => {
    const server = await start({ lan: true, username: 'teacher', password: 'never-shown-1234' });
    const res = await rawGet(server.httpPort, '/api/info');
    const info = JSON.parse(res.body) as { lan: boolean; authRequired: boolean };
    expect(info.lan).toBe(true);
    expect(info.authRequired).toBe(true);
    expect(res.body).not.toContain('never-shown-1234');
  });
});

describe('WebSocket upgrades', () => {
  test('only /mqtt accepts a WebSocket', async () => {
    const server = await start();
    const outcome = await withTimeout(
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.httpPort}/elsewhere`, 'mqtt');
        socket.on('open', () => {
          socket.terminate();
          resolve('open');
        });
        socket.on('error', () => resolve('refused'));
      }),
      5000,
      'websocket on a wrong path',
    );
    expect(outcome).toBe('refused');
  });
});

/** Reads SSE events from /api/monitor until `enough` says stop (bounded by time). */
function readMonitor(
  port: number,
  enough: (messages: MonitoredMessage[]) => boolean,
  onOpen: () => void = () => {},
): Promise<{ messages: MonitoredMessage[]; contentType: string | undefined }> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const messages: MonitoredMessage[] = [];
      let buffer = '';
      const req = http.get({ host: '127.0.0.1', port, path: '/api/monitor', agent: false }, (res) => {
        res.setEncoding('utf8');
        onOpen();
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event.split('\n').find((line) => line.startsWith('data: '));
            if (data !== undefined && !event.includes('event: ')) messages.push(JSON.parse(data.slice(6)) as MonitoredMessage);
          }
          if (enough(messages)) {
            req.destroy();
            resolve({ messages, contentType: res.headers['content-type'] });
          }
        });
      });
      req.on('error', reject);
    }),
    6000,
    'monitor events',
  );
}

describe('/api/monitor', () => {
  test('streams published messages, with history for late joiners', async () => {
    const server = await start();
    const board = await pool.connect(`mqtt://127.0.0.1:${server.tcpPort}`, { clientId: 'board-7' });
    await board.publishAsync('early/topic', 'before the page opened', { qos: 1 });

    const invalidUtf8 = Buffer.from([0x68, 0x69, 0xff, 0xfe]);
    const feed = readMonitor(
      server.httpPort,
      (messages) => messages.some((m) => m.topic === 'live/topic'),
      () => {
        void board.publishAsync('live/topic', invalidUtf8, { qos: 1, retain: true });
      },
    );
    const { messages, contentType } = await feed;
    expect(contentType).toMatch(/^text\/event-stream/);
    const early = messages.find((m) => m.topic === 'early/topic');
    expect(early?.payload).toBe('before the page opened');
    const live = messages.find((m) => m.topic === 'live/topic')!;
    expect(live).toMatchObject({ payload: 'hi\uFFFD\uFFFD', bytes: 4, retain: true, qos: 1, clientId: 'board-7' });
    expect(typeof live.time).toBe('number');
    expect(messages.some((m) => m.topic.startsWith('$SYS/'))).toBe(false);
  });
});

describe('/api/monitor privacy', () => {
  test('is not readable cross-origin (no CORS header), nor is /api/info', async () => {
    const server = await start();
    const headers = await withTimeout(
      new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: server.httpPort, path: '/api/monitor', agent: false }, (res) => {
          resolve(res.headers);
          req.destroy();
        });
        req.on('error', reject);
      }),
      5000,
      'monitor headers',
    );
    expect(headers['access-control-allow-origin']).toBeUndefined();
    expect((await rawGet(server.httpPort, '/api/info')).headers['access-control-allow-origin']).toBeUndefined();
  });
});
