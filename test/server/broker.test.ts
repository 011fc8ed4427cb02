
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListenError, startClassroomServer, type ClassroomServer } from '../../src/server';
import { canBind, ClientPool, freePort, nextMessage, withTimeout } from './helpers';

const servers: ClassroomServer[] = [];
const pool = new ClientPool();

async function start(options: Parameters<typeof startClassroomServer>[0] = {}): Promise<ClassroomServer> {
  const server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: () => {}, ...options });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await pool.endAll();
  await Promise.all(servers.splice(0).map((server) => withTimeout(server.close(), 5000, 'server close')));
});

const tcpUrl = (s: ClassroomServer): string => `mqtt://127.0.0.1:${s.tcpPort}`;
const wsUrl = (s: ClassroomServer): string => `ws://127.0.0.1:${s.httpPort}/mqtt`;

describe('classroom broker', () => {
  test('starts on free ports, reports its URLs, and close() releases both ports', async () => {
    const server = await start();
    expect(server.httpPort).toBeGreaterThan(0);
    expect(server.tcpPort).toBeGreaterThan(0);
    expect(server.extensionUrl).toBe(`http://localhost:${server.httpPort}/mqtt-blocks.js`);
    expect(server.websocketUrl).toBe(`ws://localhost:${server.httpPort}/mqtt`);
    expect(server.credentials).toBeNull();
    await server.close();
    await server.close(); // twice is harmless
    expect(await canBind(server.httpPort)).toBe(true);
    expect(await canBind(server.tcpPort)).toBe(true);
  });

  test('a board (TCP) and a browser (WebSocket) exchange messages both ways', async () => {
    const server = await start();
    const board = await pool.connect(tcpUrl(server));
    const browser = await pool.connect(wsUrl(server));
    await board.subscribeAsync('class/led');
    await browser.subscribeAsync('class/temperature');

    const toBrowser = nextMessage(browser, 'class/temperature');
    await board.publishAsync('class/temperature', '23.5');
    expect((await toBrowser).payload.toString()).toBe('23.5');

    const toBoard = nextMessage(board, 'class/led');
    await browser.publishAsync('class/led', '开', { qos: 1 });
    expect((await toBoard).payload.toString('utf8')).toBe('开');
  });

  test('close() disconnects connected clients', async () => {
    const server = await start();
    const board = await pool.connect(tcpUrl(server));
    const closed = withTimeout(new Promise<void>((resolve) => board.once('close', () => resolve())), 5000, 'client close');
    await server.close();
    await closed;
  });
});

describe('LAN mode authentication', () => {
  const credentials = { username: 'teacher', password: 'red-panda-2024' };

  test('refuses anonymous and wrong-password clients with "bad username or password", accepts the right one', async () => {
    const server = await start({ lan: true, ...credentials });
    expect(server.lan).toBe(true);
    expect(server.credentials).toEqual({ ...credentials, generated: false });

    await expect(pool.connect(tcpUrl(server))).rejects.toMatchObject({ code: 4 });
    await expect(pool.connect(tcpUrl(server), { username: 'teacher', password: 'wrong' })).rejects.toMatchObject({ code: 4 });
    await expect(pool.connect(tcpUrl(server), { username: 'pupil', password: credentials.password })).rejects.toMatchObject({ code: 4 });
    await expect(pool.connect(wsUrl(server))).rejects.toMatchObject({ code: 4 });

    const board = await pool.connect(tcpUrl(server), credentials);
    const browser = await pool.connect(wsUrl(server), credentials);
    await browser.subscribeAsync('lan/test');
    const received = nextMessage(browser, 'lan/test');
    await board.publishAsync('lan/test', 'ok');
    expect((await received).payload.toString()).toBe('ok');
  });

  test('generates readable credentials when the teacher gives none, and they work', async () => {
    const server = await start({ lan: true });
    expect(server.credentials).not.toBeNull();
    const generated = server.credentials!;
    expect(generated.generated).toBe(true);
    expect(generated.username).toMatch(/^class\d{2}$/);
    expect(generated.password).toMatch(/^[a-z]+-[a-z]+-\d{4}$/);
    await expect(pool.connect(tcpUrl(server))).rejects.toMatchObject({ code: 4 });
    await pool.connect(tcpUrl(server), { username: generated.username, password: generated.password });
  });
});

describe('retained file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-retained-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('retained messages survive a restart; an empty retained payload clears one', async () => {
    const file = path.join(dir, 'retained.json');
    const first = await start({ retainedFile: file });
    const board = await pool.connect(tcpUrl(first));
    const binary = Buffer.from([0x00, 0xff, 0xfe, 0x41]);
    await board.publishAsync('room/temperature', '21.5', { retain: true, qos: 1 });
    await board.publishAsync('room/raw', binary, { retain: true, qos: 1 });
    await board.publishAsync('room/gone', 'soon cleared', { retain: true, qos: 1 });
    await board.publishAsync('room/gone', '', { retain: true, qos: 1 });
    await board.publishAsync('room/not-retained', 'x', { qos: 1 });
    await pool.endAll();
    await first.close();

    const saved = JSON.parse(readFileSync(file, 'utf8')) as { messages: { topic: string; payload: string }[] };
    expect(saved.messages.map((m) => m.topic).sort()).toEqual(['room/raw', 'room/temperature']);
    expect(saved.messages.find((m) => m.topic === 'room/raw')?.payload).toBe(binary.toString('base64'));

    const second = await start({ retainedFile: file });
    const browser = await pool.connect(wsUrl(second));
    const temperature = nextMessage(browser, 'room/temperature');
    const raw = nextMessage(browser, 'room/raw');
    await browser.subscribeAsync('room/#');
    const t = await temperature;
    expect(t.payload.toString()).toBe('21.5');
    expect(t.retain).toBe(true);
    expect((await raw).payload.equals(binary)).toBe(true);
  });

  test('a corrupt file is refused with an explanation and left exactly as it was', async () => {
    const file = path.join(dir, 'retained.json');
    writeFileSync(file, '{not json');
    await expect(start({ retainedFile: file })).rejects.toThrow(/not a retained-messages file made by mqtt-blocks[\s\S]*没有改动它/);
    expect(readFileSync(file, 'utf8')).toBe('{not json');
    expect(readdirSync(dir)).toEqual(['retained.json']);
  });
});

describe('port clashes', () => {
  test('a taken TCP port gives a clear bilingual error and releases the HTTP port it had opened', async () => {
    const first = await start();
    const httpPort = await freePort();
    const error: unknown = await start({ tcpPort: first.tcpPort, httpPort }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListenError);
    const listenError = error as ListenError;
    expect(listenError.code).toBe('EADDRINUSE');
    expect(listenError.message).toContain(`Port ${first.tcpPort} is already used`);
    expect(listenError.message).toContain('Mosquitto');
    expect(listenError.message).toContain(`--tcp-port ${first.tcpPort + 1}`);
    expect(listenError.message).toContain(`端口 ${first.tcpPort} 已被占用`);
    expect(await canBind(httpPort)).toBe(true);
  });

  test('a taken HTTP port names the --http-port option', async () => {
    const first = await start();
    const error = (await start({ httpPort: first.httpPort }).catch((e: unknown) => e)) as ListenError;
    expect(error).toBeInstanceOf(ListenError);
    expect(error.message).toContain(`--http-port ${first.httpPort + 1}`);
    expect(error.message).toContain(`端口 ${first.httpPort} 已被其他程序占用`);
  });
});
