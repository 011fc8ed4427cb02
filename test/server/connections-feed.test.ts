/**
 * `GET /api/dashboard/connections`: a snapshot of who is connected and who was refused, then each
 * connection event live; feeds capped per address; a page that stops reading is skipped, not waited for.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectionsFeed } from '../../src/server/connections-feed';
import { FEED_LIMIT_DEFAULTS } from '../../src/server/feeds/feed-limits';
import { ConnectionEvents } from '../../src/server/events/connection-events';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { ClientPool, withTimeout } from './helpers';

interface SseEvent {
  event: string;
  data: unknown;
}

/** Opens the feed and collects its events until closed. */
function openFeed(port: number): Promise<{ events: SseEvent[]; status: number; next(match: (event: SseEvent) => boolean): Promise<SseEvent>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/dashboard/connections', agent: false }, (res) => {
      const events: SseEvent[] = [];
      const waiters: Array<{ match: (event: SseEvent) => boolean; done: (event: SseEvent) => void }> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          if (data === '') continue;
          const event = { event: lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message', data: JSON.parse(data) as unknown };
          events.push(event);
          for (const waiter of waiters.splice(0)) {
            if (waiter.match(event)) waiter.done(event);
            else waiters.push(waiter);
          }
        }
      });
      resolve({
        events,
        status: res.statusCode ?? 0,
        next: (match) => {
          const found = events.find(match);
          if (found) return Promise.resolve(found);
          return withTimeout(new Promise((done) => waiters.push({ match, done })), 5000, 'feed event');
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

describe('dashboard connections feed', () => {
  let server: ClassroomServer;
  const clients = new ClientPool();

  beforeAll(async () => {
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', log: () => {} });
  });
  afterEach(() => clients.endAll());
  afterAll(() => server.close());

  test('snapshot first, then connected and disconnected events as they happen', async () => {
    const early = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`, { clientId: 'early-board' });
    const feed = await openFeed(server.httpPort);
    try {
      const snapshot = await feed.next((event) => event.event === 'snapshot');
      expect(snapshot.data).toMatchObject({ connectedCount: 1, connected: [{ clientId: 'early-board', address: '127.0.0.1', transport: 'tcp' }] });
      await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`, { clientId: 'late-board', username: 'pupil' });
      await expect(feed.next((event) => (event.data as { type?: string }).type === 'connected')).resolves.toMatchObject({
        data: { clientId: 'late-board', username: 'pupil', address: '127.0.0.1' },
      });
      await early.endAsync();
      await expect(feed.next((event) => (event.data as { type?: string }).type === 'disconnected')).resolves.toMatchObject({ data: { clientId: 'early-board' } });
    } finally {
      feed.close();
    }
  });

  test('at most the stated number of feeds from the server\'s own computer; one more is told to close some tabs', async () => {
    const cap = FEED_LIMIT_DEFAULTS.maxFeedsPerLoopbackAddress;
    const feeds = await Promise.all(Array.from({ length: cap }, () => openFeed(server.httpPort)));
    try {
      expect(feeds.map((feed) => feed.status)).toEqual(Array.from({ length: cap }, () => 200));
      const fifth = await new Promise<{ status: number; body: string }>((resolve) => {
        http.get({ host: '127.0.0.1', port: server.httpPort, path: '/api/dashboard/connections', agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
      });
      expect(fifth.status).toBe(503);
      expect(fifth.body).toContain('Close some dashboard tabs');
      expect(fifth.body).toContain('请关闭一些仪表板标签页');
    } finally {
      for (const feed of feeds) feed.close();
    }
  });

  test('a page that stops reading does not hold up the others', async () => {
    const feed = await openFeed(server.httpPort);
    const stalled = await new Promise<http.IncomingMessage>((resolve) => {
      http.get({ host: '127.0.0.1', port: server.httpPort, path: '/api/dashboard/connections', agent: false }, (res) => {
        res.pause();
        resolve(res);
      });
    });
    try {
      const ids = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
      await Promise.all(ids.map((clientId) => clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`, { clientId })));
      await feed.next((event) => (event.data as { clientId?: string }).clientId === ids[ids.length - 1]);
      expect(feed.events.filter((event) => (event.data as { type?: string }).type === 'connected').length).toBe(40);
    } finally {
      stalled.destroy();
      feed.close();
    }
  });
});

/** Opens a feed and resolves with its status once the headers arrive; `close` ends it. */
function feedStatus(port: number, path: string): Promise<{ status: number; close(): void }> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
      });
      req.on('error', reject);
    }),
    5000,
    `open ${path}`,
  );
}

test("the server's feed limits apply to the dashboard's connections feed as to the monitor's", async () => {
  const server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', log: () => {}, feeds: { maxFeedsPerLoopbackAddress: 2 } });
  const open: Array<{ close(): void }> = [];
  try {
    for (const path of ['/api/dashboard/connections', '/api/monitor']) {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const feed = await feedStatus(server.httpPort, path);
        open.push(feed);
        statuses.push(feed.status);
      }
      expect({ path, statuses }).toEqual({ path, statuses: [200, 200, 503] });
    }
    expect(server.connections.feedCount).toBe(2);
    expect(server.monitor.feedCount).toBe(2);
  } finally {
    for (const feed of open) feed.close();
    await server.close();
  }
});

test('a feed whose socket is full skips events, then gets a fresh snapshot once it drains', async () => {
  const events = new ConnectionEvents();
  const connections = new ConnectionsFeed(events, { maxBufferedBytes: 16 * 1024 });
  const httpServer = http.createServer((req, res) => connections.attach(req, res));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  try {
    const res = await new Promise<http.IncomingMessage>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
        response.pause();
        resolve(response);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Far more than the socket and the kernel buffers take while nobody reads.
    const FLOOD = 20_000;
    for (let i = 0; i < FLOOD; i += 1) events.refused({ reason: 'badPassword', address: '10.0.0.9', transport: 'tcp', clientId: `guess-${i}`, detail: 'x'.repeat(100) });
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.resume();
    await withTimeout(
      new Promise<void>((resolve) => {
        const check = setInterval(() => {
          // The last snapshot arrives after the flood, and knows the latest refusal.
          if (text.lastIndexOf('event: snapshot') > text.indexOf('guess-')) {
            clearInterval(check);
            resolve();
          }
        }, 20);
      }),
      5000,
      'snapshot after drain',
    );
    const live = text.split('\n\n').filter((block) => block.startsWith('data: '));
    expect(live.length).toBeLessThan(FLOOD);
    const lastSnapshot = text.slice(text.lastIndexOf('event: snapshot'));
    expect(lastSnapshot).toContain(`guess-${FLOOD - 1}`);
    res.destroy();
  } finally {
    connections.close();
    await new Promise((resolve) => httpServer.close(resolve));
  }
});
