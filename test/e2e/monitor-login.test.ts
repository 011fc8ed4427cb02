/**
 * The monitor in LAN mode, in Chromium: the browser's own login (HTTP Basic) with the viewer code
 * opens the page, and the page's live feed then works with the same login, no second prompt.
 */
import type { Browser } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, type OpenedPage } from '../support/browser';
import { ClientPool } from '../server/helpers';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const WAIT = { timeout: 15_000 };

describeWithTool(chromiumCheck(), 'monitor page login in LAN mode (Chromium)', () => {
  let server: ClassroomServer;
  let browser: Browser;
  const pages: OpenedPage[] = [];
  const clients = new ClientPool();
  const teacher = { username: 'teacher', password: 'maple-drum-5150' };

  beforeAll(async () => {
    requireBuilt('monitor.js');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', lan: true, ...teacher, viewerCode: 'owl-2468', distDir: DIST_DIR, log: () => {} });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const { context } of pages) await context.close().catch(() => {});
    await clients.endAll();
    await browser?.close();
    await server?.close();
  }, 30_000);

  // (What a page without a login is told is checked in test/server/monitor-access.test.ts: headless
  // Chromium cancels the login prompt instead of showing the 401 page.)
  test('with the viewer code typed into the browser login, the page and its live feed work', async () => {
    // The login the browser's own prompt would send: typed once, then used for the page's feed too.
    const viewer = await newWatchedPage(browser, { httpCredentials: { username: 'viewer', password: 'owl-2468' } });
    pages.push(viewer);
    await viewer.page.goto(`http://127.0.0.1:${server.httpPort}/monitor/`, WAIT);
    await viewer.page.waitForSelector('.monitor-status[data-state="live"]', WAIT);
    const board = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`, teacher);
    await board.publishAsync('class/light', 'on');
    await viewer.page.locator('.monitor-row', { hasText: 'class/light' }).waitFor(WAIT);
    expect(viewer.problems.all()).toEqual([]);
  }, 60_000);
});
