/**
 * When the server refuses a live feed because too many are open, every page that reads one says so
 * in the page, in the pupil's or teacher's language (not only as a console error): the board page's
 * monitor panel, /monitor/ and /dashboard/ (its message feed and its connections panel). Once
 * windows close, a reload is live again.
 */
import net from 'node:net';
import type { Browser } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { FEED_LIMIT_DEFAULTS } from '../../src/server/feeds/feed-limits';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, type OpenedPage } from '../support/browser';
import { waitFor } from '../support/ports';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const WAIT = { timeout: 15_000 };
const REFUSED_EN = 'too many monitor, dashboard or board-page windows are open on this computer. Close some of them';
const REFUSED_ZH = '打开的监视、仪表板或开发板页面窗口太多。请关闭其中一些';

describeWithTool(chromiumCheck(), 'a refused feed is explained in the page (Chromium)', () => {
  let server: ClassroomServer;
  let browser: Browser;
  const pages: OpenedPage[] = [];
  const sockets: net.Socket[] = [];

  /** Other tabs of this computer holding feeds open (raw requests that never read). */
  const holdFeeds = async (path: string, count: number): Promise<void> => {
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve) => {
            const socket = net.connect(server.httpPort, '127.0.0.1', () => {
              socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.httpPort}\r\n\r\n`);
              socket.once('data', () => {
                socket.pause();
                resolve();
              });
            });
            socket.on('error', () => resolve());
            sockets.push(socket);
          }),
      ),
    );
  };

  const open = async (path: string, locale: string): Promise<OpenedPage> => {
    const opened = await newWatchedPage(browser, { locale });
    pages.push(opened);
    await opened.page.goto(`http://127.0.0.1:${server.httpPort}${path}`, { waitUntil: 'load', ...WAIT });
    return opened;
  };

  beforeAll(async () => {
    requireBuilt('board-editor.js', 'monitor.js', 'dashboard.js');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {} });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    for (const { context } of pages) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  }, 30_000);

  test('monitor page, board page and dashboard say the server refused the feed; a reload after closing windows is live', async () => {
    const cap = FEED_LIMIT_DEFAULTS.maxFeedsPerLoopbackAddress;
    await holdFeeds('/api/monitor', cap);
    await holdFeeds('/api/dashboard/connections', cap);
    expect(server.monitor.feedCount).toBe(cap);

    const monitor = await open('/monitor/', 'en-US');
    await monitor.page.waitForSelector('.monitor-status[data-state="refused"]', WAIT);
    expect(await monitor.page.textContent('.monitor-status')).toContain(REFUSED_EN);

    const board = await open('/board/', 'zh-CN');
    await board.page.waitForSelector('#monitor .monitor-status[data-state="refused"]', WAIT);
    expect(await board.page.textContent('#monitor .monitor-status')).toContain(REFUSED_ZH);

    const dashboard = await open('/dashboard/', 'zh-CN');
    await dashboard.page.waitForSelector('#feed-status[data-state="refused"]', WAIT);
    expect(await dashboard.page.textContent('#feed-status')).toContain(REFUSED_ZH);
    await dashboard.page.locator('#connections [role="status"]', { hasText: REFUSED_ZH }).waitFor(WAIT);

    // The teacher closes the other windows: the same page, reloaded, is live and says nothing of it.
    for (const socket of sockets.splice(0)) socket.destroy();
    expect(await waitFor(() => server.monitor.feedCount === 0, 5000)).toBe(true);
    await monitor.page.reload({ waitUntil: 'load', ...WAIT });
    await monitor.page.waitForSelector('.monitor-status[data-state="live"]', WAIT);
    expect(await monitor.page.textContent('.monitor-status')).not.toContain(REFUSED_EN);
  }, 90_000);
});
