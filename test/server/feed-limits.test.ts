/**
 * The feed limits both browser feeds share: a computer on the network gets few feeds, the server's
 * own computer (the teacher's tabs) many, and the total bounds memory whoever asks.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FEED_LIMIT_DEFAULTS, LimitedFeeds, isLoopbackAddress, type LimitedFeed } from '../../src/server/feeds/feed-limits';

test('loopback is recognised however the socket writes it, and only loopback', () => {
  for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
  for (const address of ['192.168.1.20', '::ffff:10.0.0.5', '1270.0.0.1', '127.0.0.1.evil', 'fe80::1', '', 'unknown']) expect(isLoopbackAddress(address)).toBe(false);
});

/** A feed counted against the limits without any socket behind it. */
function fakeFeed(address: string): LimitedFeed {
  const res = new http.ServerResponse(new http.IncomingMessage(null as never));
  return { res, address, fullSince: null };
}

function fill(feeds: LimitedFeeds<LimitedFeed>, address: string, count: number): void {
  for (let i = 0; i < count; i += 1) feeds.add(new http.IncomingMessage(null as never), fakeFeed(address));
}

test('a pupil\'s computer gets 4 feeds, the teacher\'s own computer 16, and the total still caps both', () => {
  const feeds = new LimitedFeeds<LimitedFeed>();
  const { maxFeeds, maxFeedsPerAddress, maxFeedsPerLoopbackAddress } = FEED_LIMIT_DEFAULTS;
  fill(feeds, '192.168.1.20', maxFeedsPerAddress - 1);
  expect(feeds.isFull('192.168.1.20')).toBe(false);
  fill(feeds, '192.168.1.20', 1);
  expect(feeds.isFull('192.168.1.20')).toBe(true);
  expect(feeds.isFull('192.168.1.21')).toBe(false);
  fill(feeds, '::ffff:127.0.0.1', maxFeedsPerLoopbackAddress - 1);
  expect(feeds.isFull('::ffff:127.0.0.1')).toBe(false);
  fill(feeds, '::ffff:127.0.0.1', 1);
  expect(feeds.isFull('::ffff:127.0.0.1')).toBe(true);
  // The rest of the class fills the total: then nobody, not even the teacher's computer, gets more.
  let computer = 1;
  while (feeds.size < maxFeeds) fill(feeds, `10.0.0.${computer++}`, Math.min(maxFeedsPerAddress, maxFeeds - feeds.size));
  expect(feeds.isFull('10.0.0.200')).toBe(true);
  expect(feeds.isFull('::1')).toBe(true);
});

test('a refused feed gets a 503 with the text it was given, and a closed feed frees its place', async () => {
  const feeds = new LimitedFeeds<LimitedFeed>({ maxFeedsPerLoopbackAddress: 1 });
  const server = http.createServer((req, res) => {
    if (feeds.refuseOverLimit(req, res, 'too many 太多\n')) return;
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.write(': open\n\n');
    feeds.add(req, { res, address: LimitedFeeds.addressOf(req), fullSince: null });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (): Promise<{ status: number; body: string; req: http.ClientRequest }> =>
    new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (res.statusCode === 200) resolve({ status: 200, body, req });
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, req }));
      });
      req.on('error', reject);
    });
  try {
    const first = await get();
    expect(first.status).toBe(200);
    const second = await get();
    expect(second.status).toBe(503);
    expect(second.body).toBe('too many 太多\n');
    first.req.destroy();
    const deadline = Date.now() + 3000;
    while (feeds.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await get()).status).toBe(200);
  } finally {
    feeds.closeAll();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
