/**
 * The broker's per-client bounds, probed with real clients: raw TCP and WebSocket for what no
 * client library would send, mqtt.js for what pupils' pages and boards do.
 */
import mqtt from 'mqtt';
import WebSocket from 'ws';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import type { ConnectionEvent } from '../../src/server/events/connection-events';
import { connectPacket, headerOnly, rawConnection, subscribePacket } from '../support/raw-mqtt';
import { sleep, waitFor } from '../support/ports';
import { ClientPool, withTimeout } from './helpers';

const servers: ClassroomServer[] = [];
const pool = new ClientPool();

interface Started {
  server: ClassroomServer;
  lines: string[];
  events: ConnectionEvent[];
}

async function start(options: Parameters<typeof startClassroomServer>[0] = {}): Promise<Started> {
  const lines: string[] = [];
  const server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: (line) => lines.push(line), ...options });
  servers.push(server);
  const events: ConnectionEvent[] = [];
  server.events.on('event', (event) => events.push(event));
  return { server, lines, events };
}

afterEach(async () => {
  await pool.endAll();
  await Promise.all(servers.splice(0).map((server) => withTimeout(server.close(), 5000, 'server close')));
});

const tcpUrl = (s: ClassroomServer): string => `mqtt://127.0.0.1:${s.tcpPort}`;
const wsUrl = (s: ClassroomServer): string => `ws://127.0.0.1:${s.httpPort}/mqtt`;
const CONNACK_OK = Buffer.from([0x20, 0x02, 0x00, 0x00]);

/** A raw WebSocket with chosen headers; resolves once open, or with the HTTP status of a refused upgrade. */
function openWebSocket(server: ClassroomServer, headers: Record<string, string>): Promise<WebSocket | number> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl(server), 'mqtt', { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', reject);
    }),
    5000,
    'websocket open',
  );
}

describe('one stuck client never stalls the others', () => {
  test('a subscriber to # that stops reading loses messages and is closed; a reading client gets every one of its own', async () => {
    const { server, lines, events } = await start({
      limits: { maxQueuedBytesPerClient: 256 * 1024, slowClientTimeoutMs: 2000 },
    });
    const stuck = await rawConnection(server.tcpPort);
    stuck.socket.write(Buffer.concat([connectPacket('frozen-tab'), subscribePacket('#')]));
    await waitFor(() => stuck.received().length >= 9, 3000); // CONNACK + SUBACK
    stuck.socket.pause(); // from now on it reads nothing, like a frozen tab

    const listener = await pool.connect(wsUrl(server), { clientId: 'listener' });
    await listener.subscribeAsync('bulk/#');
    let received = 0;
    listener.on('message', () => (received += 1));
    const publisher = await pool.connect(tcpUrl(server), { clientId: 'publisher' });
    const payload = Buffer.alloc(100 * 1024, 0x61);
    const total = 200; // 20 MB: far more than the kernel's socket buffers hold for the stuck client
    const started = Date.now();
    for (let i = 0; i < total; i += 1) {
      await publisher.publishAsync('bulk/data', payload, { qos: 1 });
    }
    expect(await waitFor(() => received === total, 15000)).toBe(true);
    // Without the bound the listener waited for the stuck client's keepalive (tens of seconds).
    expect(Date.now() - started).toBeLessThan(15000);

    expect(await waitFor(() => events.some((e) => e.type === 'disconnected' && e.clientId === 'frozen-tab'), 8000)).toBe(true);
    const closed = events.find((e) => e.type === 'disconnected' && e.clientId === 'frozen-tab');
    expect(closed).toMatchObject({ reason: 'slowReader' });
    // The tab wakes up: it reads what the kernel still held, then finds its connection closed.
    stuck.socket.resume();
    await withTimeout(stuck.closed, 5000, 'stuck client sees the close');
    expect(events.some((e) => e.type === 'dropped' && e.clientId === 'frozen-tab' && e.total > 0)).toBe(true);
    expect(lines.some((line) => line.includes('frozen-tab') && line.includes('closed by the server'))).toBe(true);
    expect(events.some((e) => e.type === 'dropped' && e.clientId === 'listener')).toBe(false);
  }, 40000);
});

describe('maximum packet size from the first byte', () => {
  test('a CONNECT announcing 200 MB is closed after its header, on TCP and on WebSocket, without a password', async () => {
    const { server, events } = await start({ lan: true, username: 't', password: 'p' });
    const tcp = await rawConnection(server.tcpPort);
    tcp.socket.write(headerOnly(0x10, 200 * 1024 * 1024));
    await withTimeout(tcp.closed, 3000, 'tcp close');
    expect(tcp.received().length).toBe(0);

    const ws = await openWebSocket(server, {});
    expect(ws).toBeInstanceOf(WebSocket);
    const closed = new Promise<void>((resolve) => (ws as WebSocket).once('close', () => resolve()));
    (ws as WebSocket).send(headerOnly(0x10, 200 * 1024 * 1024));
    await withTimeout(closed, 3000, 'websocket close');

    const refusals = events.filter((e) => e.type === 'refused' && e.reason === 'packetTooLarge');
    expect(refusals.map((e) => e.transport).sort()).toEqual(['tcp', 'websocket']);
    expect(refusals[0]).toMatchObject({ detail: expect.stringContaining('before login') });
  });

  test('after login a 1 MB payload goes through and a packet over the limit closes only its sender', async () => {
    const { server, events } = await start();
    const receiver = await pool.connect(tcpUrl(server));
    await receiver.subscribeAsync('big');
    const got = new Promise<Buffer>((resolve) => receiver.once('message', (_t, payload: Buffer) => resolve(payload)));
    const sender = await pool.connect(wsUrl(server));
    await sender.publishAsync('big', Buffer.alloc(1024 * 1024, 0x62));
    expect((await withTimeout(got, 5000, '1 MB message')).length).toBe(1024 * 1024);

    const raw = await rawConnection(server.tcpPort);
    raw.socket.write(connectPacket('oversized'));
    await waitFor(() => raw.received().equals(CONNACK_OK), 3000);
    raw.socket.write(headerOnly(0x30, 3 * 1024 * 1024));
    await withTimeout(raw.closed, 3000, 'oversized sender closed');
    expect(events.find((e) => e.type === 'disconnected' && e.clientId === 'oversized')).toMatchObject({ reason: 'packetTooLarge' });
    expect(receiver.connected).toBe(true);
  });

  test('a remaining length longer than four bytes is malformed and closed', async () => {
    const { server, events } = await start();
    const raw = await rawConnection(server.tcpPort);
    raw.socket.write(Buffer.from([0x10, 0xff, 0xff, 0xff, 0xff, 0x01]));
    await withTimeout(raw.closed, 3000, 'malformed closed');
    expect(events.some((e) => e.type === 'refused' && e.reason === 'malformedPacket')).toBe(true);
  });
});

describe('client id, topic, connections and login time', () => {
  test('a client id over the limit is refused with "identifier rejected"', async () => {
    const { server } = await start();
    await expect(pool.connect(tcpUrl(server), { clientId: 'x'.repeat(65) })).rejects.toMatchObject({ code: 2 });
    await pool.connect(tcpUrl(server), { clientId: '教室-'.repeat(9) }); // 63 bytes: Chinese ids are counted in bytes
  });

  test('a topic over the limit: its subscription is refused, its publish closes the sender', async () => {
    const { server, events } = await start({ limits: { maxTopicBytes: 64 } });
    const client = await pool.connect(tcpUrl(server), { clientId: 'long-topics' });
    // mqtt.js reports the SUBACK failure code (128) as a subscribe error.
    await expect(client.subscribeAsync('t'.repeat(65))).rejects.toThrow(/Subscribe error/);
    expect(client.connected).toBe(true);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish('主'.repeat(22), 'x'); // 66 bytes
    await withTimeout(closed, 3000, 'sender closed');
    expect(events.filter((e) => e.type === 'refused' && e.reason === 'topicTooLong')).toHaveLength(2);
  });

  test('connections from one address are bounded', async () => {
    const { server, events } = await start({ limits: { maxConnectionsPerAddress: 3 } });
    const open = await Promise.all([1, 2, 3].map(() => rawConnection(server.tcpPort)));
    const fourth = await rawConnection(server.tcpPort);
    await withTimeout(fourth.closed, 3000, 'fourth connection closed');
    expect(open.every((c) => !c.isClosed())).toBe(true);
    expect(events.some((e) => e.type === 'refused' && e.reason === 'tooManyConnections')).toBe(true);
    open[0].socket.destroy();
    await sleep(100);
    const again = await rawConnection(server.tcpPort);
    again.socket.write(connectPacket('after-one-left'));
    expect(await waitFor(() => again.received().equals(CONNACK_OK), 3000)).toBe(true);
    for (const c of [...open, again]) c.socket.destroy();
  });

  test('a connection that does not log in within the login time is closed', async () => {
    const { server, events } = await start({ limits: { loginTimeoutMs: 500 } });
    const silent = await rawConnection(server.tcpPort);
    const started = Date.now();
    await withTimeout(silent.closed, 3000, 'silent connection closed');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(events.some((e) => e.type === 'refused' && e.reason === 'loginTimeout')).toBe(true);
  });
});

describe('stored messages for kept sessions', () => {
  test('a board with a kept session that is away gets at most the bound when it returns; the rest are dropped and logged', async () => {
    const { server, lines } = await start({ limits: { maxStoredMessagesPerClient: 5 } });
    const board = await pool.connect(tcpUrl(server), { clientId: 'sleepy-board', clean: false });
    await board.subscribeAsync('cmd/#', { qos: 1 });
    await board.endAsync();
    const teacher = await pool.connect(tcpUrl(server));
    for (let i = 0; i < 20; i += 1) await teacher.publishAsync('cmd/led', String(i), { qos: 1 });

    const received: string[] = [];
    const back = mqtt.connect(tcpUrl(server), { clientId: 'sleepy-board', clean: false, reconnectPeriod: 0 });
    back.on('message', (_topic, payload: Buffer) => received.push(payload.toString()));
    try {
      await withTimeout(new Promise((resolve) => back.once('connect', resolve)), 5000, 'reconnect');
      await sleep(500);
      expect(received).toEqual(['0', '1', '2', '3', '4']);
      expect(lines.some((line) => line.includes('sleepy-board') && line.includes('reached the limit of 5'))).toBe(true);
    } finally {
      await back.endAsync(true);
    }
  });
});
