/**
 * The monitor feed is the teacher's: a login in LAN mode (teacher or viewer code), the Host check,
 * HEAD, bounded feeds, feeds that stop reading closed, topics cut for display.
 */
import http from 'node:http';
import net from 'node:net';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { MONITOR_DEFAULTS } from '../../src/server/monitor';
import type { ConnectionEvent } from '../../src/server/events/connection-events';
import { waitFor } from '../support/ports';
import { ClientPool, rawGet, withTimeout } from './helpers';

const servers: ClassroomServer[] = [];
const pool = new ClientPool();
const sockets: net.Socket[] = [];

async function start(options: Parameters<typeof startClassroomServer>[0] = {}): Promise<{ server: ClassroomServer; events: ConnectionEvent[] }> {
  const server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: () => {}, ...options });
  servers.push(server);
  const events: ConnectionEvent[] = [];
  server.events.on('event', (event) => events.push(event));
  return { server, events };
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await pool.endAll();
  await Promise.all(servers.splice(0).map((server) => withTimeout(server.close(), 5000, 'server close')));
});

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Status and headers of a GET that may be an endless event stream (closed after the headers). */
function headersOf(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
        req.destroy();
      });
      req.on('error', reject);
      req.end();
    }),
    5000,
    `${method} ${path}`,
  );
}

/** A raw feed request that never reads what comes back. */
function stuckFeed(port: number): net.Socket {
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.write(`GET /api/monitor HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    socket.pause();
  });
  socket.on('error', () => {});
  sockets.push(socket);
  return socket;
}

describe('monitor access in LAN mode', () => {
  const teacher = { username: 'teacher', password: 'kite-lemon-2024' };

  test("asks for a login; the teacher's credentials and the viewer code open it; a wrong one is logged", async () => {
    const { server, events } = await start({ lan: true, ...teacher, viewerCode: 'owl-1234' });
    const port = server.httpPort;
    const anonymous = await rawGet(port, '/api/monitor');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(anonymous.body).toContain('viewer code');
    expect(anonymous.body).toContain('查看码');
    expect((await rawGet(port, '/monitor/')).status).toBe(401);
    expect((await rawGet(port, '/dashboard/')).status).toBe(401);
    expect((await rawGet(port, '/board/')).status).toBe(200); // editors need no teacher login
    // The pupils' board page borrows the monitor's stylesheet: no login prompt for a pupil.
    expect((await rawGet(port, '/monitor/monitor.css')).status).toBe(200);

    expect((await headersOf(port, '/api/monitor', { Authorization: basic('teacher', teacher.password) })).status).toBe(200);
    expect((await headersOf(port, '/api/monitor', { Authorization: basic('viewer', 'owl-1234') })).status).toBe(200);
    expect((await rawGet(port, '/monitor/', { Authorization: basic('viewer', 'owl-1234') })).status).toBe(200);
    expect((await rawGet(port, '/api/monitor', { Authorization: basic('viewer', 'wrong') })).status).toBe(401);
    expect(events.filter((e) => e.type === 'refused' && e.reason === 'badPassword' && e.transport === 'http')).toHaveLength(1);
  });

  test('the viewer code also logs in to MQTT, read-only: it may subscribe but not publish', async () => {
    const { server, events } = await start({ lan: true, ...teacher, viewerCode: 'owl-1234' });
    const url = `mqtt://127.0.0.1:${server.tcpPort}`;
    const viewer = await pool.connect(url, { username: 'viewer', password: 'owl-1234', clientId: 'dashboard-view' });
    await viewer.subscribeAsync('class/#');
    const pupil = await pool.connect(url, teacher);
    const got = new Promise<string>((resolve) => viewer.once('message', (_t, p: Buffer) => resolve(p.toString())));
    await pupil.publishAsync('class/x', 'seen by the viewer');
    expect(await withTimeout(got, 3000, 'viewer message')).toBe('seen by the viewer');
    const closed = new Promise<void>((resolve) => viewer.once('close', () => resolve()));
    viewer.publish('class/x', 'not allowed');
    await withTimeout(closed, 3000, 'viewer closed after publishing');
    expect(events.some((e) => e.type === 'refused' && e.reason === 'readOnly' && e.clientId === 'dashboard-view')).toBe(true);
    expect(events.find((e) => e.type === 'connected' && e.clientId === 'dashboard-view')).toMatchObject({ readOnly: true, username: 'viewer' });
  });
});

describe('monitor feed bounds', () => {
  test('a foreign Host is refused (DNS rebinding); HEAD answers at once', async () => {
    const { server } = await start();
    expect((await rawGet(server.httpPort, '/api/monitor', { Host: `evil.example:${server.httpPort}` })).status).toBe(403);
    const head = await headersOf(server.httpPort, '/api/monitor', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/event-stream/);
  });

  test('feeds from the teacher\'s own computer are capped far above a pupil\'s, with a bilingual 503; feeds that do not read are closed', async () => {
    const { server } = await start({ monitor: { stalledFeedTimeoutMs: 1000, maxBufferedBytes: 8 * 1024 } });
    const port = server.httpPort;
    const cap = MONITOR_DEFAULTS.maxFeedsPerLoopbackAddress;
    expect(cap).toBeGreaterThan(MONITOR_DEFAULTS.maxFeedsPerAddress);
    // Board page, monitor, dashboard and Scratch, several tabs each: all get their feed.
    for (let i = 0; i < cap; i += 1) stuckFeed(port);
    expect(await waitFor(() => server.monitor.feedCount === cap, 5000)).toBe(true);
    const oneMore = await rawGet(port, '/api/monitor');
    expect(oneMore.status).toBe(503);
    expect(oneMore.body).toContain('Too many monitor pages');
    expect(oneMore.body).toContain('监视页面太多');

    // Fill the stuck feeds' sockets: after the stated time they are closed and their places free again.
    const board = await pool.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    const big = 'x'.repeat(4000);
    const deadline = Date.now() + 10000;
    while (server.monitor.feedCount > 0 && Date.now() < deadline) {
      for (let i = 0; i < 50; i += 1) board.publish('flood', big);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(server.monitor.feedCount).toBe(0);
    expect((await headersOf(port, '/api/monitor')).status).toBe(200);
  }, 20000);

  test('long topics are cut for display like payloads', async () => {
    const { server } = await start();
    const board = await pool.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    await board.publishAsync(`long/${'话'.repeat(300)}`, 'x', { qos: 1 });
    const [message] = server.monitor.recent();
    expect(message.topic.length).toBeLessThanOrEqual(257);
    expect(message.topic.endsWith('…')).toBe(true);
  });
});
