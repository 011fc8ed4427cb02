/**
 * A real browser's Origin: a page of another site, open in the teacher's Chromium, cannot use the
 * classroom broker (it gets "not authorised" and no message), while the server's own page can.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { CHROMIUM_ARGS, newWatchedPage, type OpenedPage } from '../support/browser';
import { connectPacket, subscribePacket } from '../support/raw-mqtt';
import { ClientPool } from '../server/helpers';
import { CHROMIUM, chromiumCheck, describeWithTool } from '../support/system-tool';

/** In the page: opens the broker's WebSocket, sends CONNECT (+ SUBSCRIBE #), returns the CONNACK code and whether any PUBLISH arrived. */
function probeFromPage(page: Page, wsUrl: string, connect: number[], subscribe: number[]): Promise<{ connack: number | null; sawPublish: boolean }> {
  return page.evaluate(
    ({ url, connectBytes, subscribeBytes }) =>
      new Promise<{ connack: number | null; sawPublish: boolean }>((resolve) => {
        const ws = new WebSocket(url, 'mqtt');
        ws.binaryType = 'arraybuffer';
        let connack: number | null = null;
        let sawPublish = false;
        ws.onopen = () => ws.send(new Uint8Array(connectBytes));
        ws.onmessage = (event) => {
          const bytes = new Uint8Array(event.data as ArrayBuffer);
          if (bytes[0] === 0x20) {
            connack = bytes[3] ?? null;
            if (connack === 0) ws.send(new Uint8Array(subscribeBytes));
          }
          if (bytes[0] !== undefined && bytes[0] >> 4 === 3) sawPublish = true;
        };
        ws.onclose = () => resolve({ connack, sawPublish });
        ws.onerror = () => {};
        setTimeout(() => {
          ws.close();
          resolve({ connack, sawPublish });
        }, 2500);
      }),
    { url: wsUrl, connectBytes: connect, subscribeBytes: subscribe },
  );
}

describeWithTool(chromiumCheck(), 'foreign pages and the classroom broker (Chromium)', () => {
  let server: ClassroomServer;
  let browser: Browser;
  const pages: OpenedPage[] = [];
  const clients = new ClientPool();

  let site: HttpServer;
  let sitePort = 0;

  beforeAll(async () => {
    site = createServer((_req, res) => res.end('<!doctype html><title>Some game</title>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
    sitePort = (site.address() as AddressInfo).port;
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', log: () => {} });
    // Recent Chromium asks before a public page reaches a local address; a teacher may have said
    // yes, and other browsers do not ask. The broker must not rely on the browser: switch the check off.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessChecks', '--host-resolver-rules=MAP games.example.com 127.0.0.1'],
      timeout: 30_000,
    });
  }, 60_000);

  afterAll(async () => {
    for (const { context } of pages) await context.close().catch(() => {});
    await clients.endAll();
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  test("another site's page is refused and reads nothing; the server's own page connects", async () => {
    const board = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    const timer = setInterval(() => board.publish('class/secret', 'pupil data'), 100);
    try {
      const foreign = await newWatchedPage(browser);
      pages.push(foreign);
      // The foreign site: a plain page of the test's own server, reached by a foreign name.
      await foreign.page.goto(`http://games.example.com:${sitePort}/`);
      const wsUrl = `ws://localhost:${server.httpPort}/mqtt`;
      const fromForeign = await probeFromPage(foreign.page, wsUrl, [...connectPacket('foreign-page')], [...subscribePacket('#')]);
      expect(fromForeign).toEqual({ connack: 5, sawPublish: false });

      const own = await newWatchedPage(browser);
      pages.push(own);
      await own.page.goto(`http://localhost:${server.httpPort}/`);
      const fromOwn = await probeFromPage(own.page, wsUrl, [...connectPacket('own-page')], [...subscribePacket('#')]);
      expect(fromOwn).toEqual({ connack: 0, sawPublish: true });
    } finally {
      clearInterval(timer);
    }
    const refused = server.events.recent().filter((e) => e.type === 'refused' && e.reason === 'foreignOrigin');
    expect(refused).toEqual([expect.objectContaining({ detail: `Origin: http://games.example.com:${sitePort}`, transport: 'websocket' })]);
  }, 60_000);
});
