/**
 * The board page's Examples / 示例 menu in Chromium: the seed lesson's board program opens like a
 * chosen file and its code appears; the menu follows the page language.
 */
import type { Browser } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, type OpenedPage } from '../support/browser';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const WAIT = { timeout: 15_000 };

describeWithTool(chromiumCheck(), 'board page: Examples menu', () => {
  let server: ClassroomServer;
  let browser: Browser;
  let opened: OpenedPage;

  beforeAll(async () => {
    requireBuilt('board-editor.js');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {} });
    browser = await launchChromium();
    opened = await newWatchedPage(browser, { locale: 'zh-CN' });
    await opened.page.goto(`http://127.0.0.1:${server.httpPort}/board/`, { waitUntil: 'load', ...WAIT });
    await opened.page.waitForSelector('.blocklyToolbox', WAIT);
  }, 60_000);

  afterAll(async () => {
    await opened?.context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
  });

  test('示例 opens the seed lesson board program and its code shows the lesson topics', async () => {
    const { page } = opened;
    await page.getByRole('button', { name: '示例' }).click();
    await page.getByRole('button', { name: /^开发板：每 2 秒发送温度/ }).click();
    await page.waitForFunction(
      () => (document.querySelector('#pane-micropython .code-output code')?.textContent ?? '').includes("client.publish('class1/g1/temp'"),
      null,
      WAIT,
    );
    const code = await page.locator('#pane-micropython .code-output code').evaluate((node) => node.textContent ?? '');
    expect(code).toContain("client.set_callback(on_message_class1_g1_led, 'class1/g1/led')");
    expect(opened.problems.all()).toEqual([]);
  });
});
