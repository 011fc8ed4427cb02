/**
 * The stand-alone message monitor page (/monitor/) in Chromium: live messages from an mqtt.js
 * TCP client, the topic filter (text and MQTT wildcards), pause/resume without losing messages,
 * the bounded list, and the Chinese texts.
 */
import type { Browser, Page } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, saveScreenshot, type OpenedPage } from '../support/browser';
import { ClientPool } from '../server/helpers';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const WAIT = { timeout: 15_000 };

const visibleTopics = (page: Page): Promise<string[]> =>
  page.$$eval('.monitor-row:not([hidden]) .monitor-topic', (nodes) => nodes.map((node) => node.firstChild?.textContent ?? ''));

describeWithTool(chromiumCheck(), 'message monitor page (Chromium)', () => {
  let server: ClassroomServer;
  let browser: Browser;
  const pages: OpenedPage[] = [];
  const clients = new ClientPool();

  const openMonitor = async (locale = 'en-US'): Promise<OpenedPage> => {
    const opened = await newWatchedPage(browser, { locale });
    pages.push(opened);
    await opened.page.goto(`http://127.0.0.1:${server.httpPort}/monitor/`, { waitUntil: 'load', ...WAIT });
    await opened.page.waitForSelector('.monitor-status[data-state="live"]', WAIT);
    return opened;
  };

  beforeAll(async () => {
    requireBuilt('monitor.js');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {} });
    browser = await launchChromium();
  }, 60_000);

  afterEach(() => clients.endAll());

  afterAll(async () => {
    for (const { context } of pages) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  }, 30_000);

  test('filter by text or MQTT wildcard, pause and resume without losing messages', async () => {
    const { page, problems } = await openMonitor();
    const client = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    for (const topic of ['home/kitchen/lamp', 'home/garden/temperature', 'school/lamp']) {
      await client.publishAsync(topic, `payload of ${topic}`);
    }
    await page.locator('.monitor-row', { hasText: 'school/lamp' }).waitFor(WAIT);
    expect(await visibleTopics(page)).toEqual(['school/lamp', 'home/garden/temperature', 'home/kitchen/lamp']);

    await page.fill('.monitor-filter', 'LAMP');
    expect(await visibleTopics(page)).toEqual(['school/lamp', 'home/kitchen/lamp']);
    await page.fill('.monitor-filter', 'home/+/lamp');
    expect(await visibleTopics(page)).toEqual(['home/kitchen/lamp']);
    await page.fill('.monitor-filter', 'home/#');
    expect(await visibleTopics(page)).toEqual(['home/garden/temperature', 'home/kitchen/lamp']);
    // A message arriving while filtered obeys the filter.
    await client.publishAsync('school/bell', 'ring');
    await client.publishAsync('home/door', 'open');
    await page.locator('.monitor-row', { hasText: 'home/door' }).waitFor(WAIT);
    expect(await visibleTopics(page)).toEqual(['home/door', 'home/garden/temperature', 'home/kitchen/lamp']);
    await page.fill('.monitor-filter', '');

    await page.click('.monitor-pause');
    await client.publishAsync('while/paused', 'wait for me');
    await page.waitForFunction(() => (document.querySelector('.monitor-info')?.textContent ?? '').includes('1 new message'), undefined, WAIT);
    expect(await page.locator('.monitor-row', { hasText: 'while/paused' }).count()).toBe(0);
    await expect(page.locator('.monitor-pause').textContent()).resolves.toBe('Resume');
    await page.click('.monitor-pause');
    await page.locator('.monitor-row', { hasText: 'while/paused' }).waitFor(WAIT);
    expect((await visibleTopics(page))[0]).toBe('while/paused');
    expect(await page.isHidden('.monitor-info')).toBe(true);
    expect(problems.all()).toEqual([]);
  });

  test('keeps at most 500 rows, newest on top', async () => {
    const { page, problems } = await openMonitor();
    const client = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    await Promise.all(Array.from({ length: 520 }, (_, i) => client.publishAsync(`burst/${i}`, String(i))));
    await page.locator('.monitor-row', { hasText: 'burst/519' }).waitFor(WAIT);
    expect(await page.locator('.monitor-row').count()).toBe(500);
    await expect(page.locator('.monitor-row').first().locator('.monitor-payload').textContent()).resolves.toBe('519');
    expect(await page.locator('.monitor-row', { hasText: 'burst/0' }).count()).toBe(0);
    expect(problems.all()).toEqual([]);
  });

  test('speaks Chinese and shows hostile payloads as text', async () => {
    const { page, problems } = await openMonitor('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toBe('MQTT 消息监视器');
    await expect(page.locator('.monitor-status').textContent()).resolves.toBe('实时');
    const client = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`, { clientId: '第三组<b>板</b>' });
    const hostile = '<script>window.__xss=2</script><img src=x onerror="window.__xss=1">';
    await client.publishAsync('教室/灯', hostile, { retain: true });
    const row = page.locator('.monitor-row', { hasText: '教室/灯' });
    await row.waitFor(WAIT);
    await expect(row.locator('.monitor-payload').textContent()).resolves.toBe(hostile);
    await expect(row.locator('.monitor-flag').textContent()).resolves.toBe('保留');
    // Every message says which client sent it (as text, even when the id looks like markup).
    await expect(row.locator('.monitor-sender').textContent()).resolves.toBe('来自 第三组<b>板</b>');
    expect(await page.locator('.monitor img, .monitor script, .monitor b').count()).toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
    await saveScreenshot(page, 'monitor-page-zh.png');
    expect(problems.all()).toEqual([]);
  });
});
