/**
 * In --lan mode the class's messages are the teacher's (issue 9). A pupil opening the board page
 * gets no login box: the page loads (stylesheets included), the monitor panel says why it shows
 * nothing and waits for "Sign in to watch"; only then is the feed asked for, with the viewer code.
 */
import type { Browser, Request } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, type OpenedPage } from '../support/browser';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const WAIT = { timeout: 15_000 };

describeWithTool(chromiumCheck(), 'board page in --lan mode: the monitor waits for the teacher (Chromium)', () => {
  let server: ClassroomServer;
  let browser: Browser;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    requireBuilt('board-editor.js');
    server = await startClassroomServer({
      httpPort: 0,
      tcpPort: 0,
      host: '127.0.0.1',
      distDir: DIST_DIR,
      log: () => {},
      lan: true,
      username: 'teacher',
      password: 'kite-lemon-2024',
      viewerCode: 'owl-1234',
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const opened of pages) await opened.context.close();
    await browser?.close();
    await server?.close();
  });

  test.each([
    ['en-GB', 'Ask your teacher for the viewer code', 'Sign in to watch'],
    ['zh-CN', '请向老师要查看码', '登录查看'],
  ])('%s: no login box for a pupil; the panel explains and signs in on request', async (locale, explanation, button) => {
    const opened = await newWatchedPage(browser, { locale, httpCredentials: { username: 'viewer', password: 'owl-1234' } });
    pages.push(opened);
    const { page } = opened;
    const asked: string[] = [];
    const unauthorised: string[] = [];
    page.on('request', (request: Request) => asked.push(new URL(request.url()).pathname));
    page.on('response', (response) => {
      if (response.status() === 401) unauthorised.push(new URL(response.url()).pathname);
    });
    await page.goto(`http://127.0.0.1:${server.httpPort}/board/`, { waitUntil: 'load', ...WAIT });
    await page.getByText(explanation).waitFor(WAIT);
    expect(asked).not.toContain('/api/monitor');
    expect(unauthorised).toEqual([]);

    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.monitor-status')?.getAttribute('data-state') === 'live', undefined, WAIT);
    expect(asked).toContain('/api/monitor');
    expect(opened.problems.all()).toEqual([]);
  });
});
