/**
 * The board editor page in real Chromium against a real classroom server: the page loads offline
 * without errors, generates the same code as the CLI (one generator, one truth), switches to
 * Chinese, saves and opens files without losing work, explains generator errors, and shows
 * live broker messages as text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import type { Target } from '../../blocks/codegen';
import { generateBoardProgram } from '../../src/generators/headless';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, saveScreenshot, type OpenedPage } from '../support/browser';
import { ClientPool } from '../server/helpers';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'workspaces');
const PUBLISHER = path.join(FIXTURES, 'tutorial-publisher.json');
const publisherJson = readFileSync(PUBLISHER, 'utf8');

const WAIT = { timeout: 15_000 };
/** The main workspace's blocks (flyouts have block canvases of their own). */
const MAIN_CANVAS = 'svg.blocklySvg > g.blocklyWorkspace > g.blocklyBlockCanvas';

function waitForCanvasText(page: Page, text: string): Promise<unknown> {
  return page.waitForFunction(
    ([selector, needle]) => (document.querySelector(selector)?.textContent ?? '').includes(needle),
    [MAIN_CANVAS, text] as const,
    WAIT,
  );
}

/** The code shown in a target's tab (the <pre> exists for both tabs; only one is visible). */
function shownCode(page: Page, target: Target): Promise<string> {
  return page.locator(`#pane-${target} .code-output code`).evaluate((node) => node.textContent ?? '');
}

async function openBoardPage(browser: Browser, server: ClassroomServer, options: { locale?: string } = {}): Promise<OpenedPage> {
  const opened = await newWatchedPage(browser, { locale: options.locale ?? 'en-US' });
  await opened.page.goto(`http://127.0.0.1:${server.httpPort}/board/`, { waitUntil: 'load', ...WAIT });
  await opened.page.waitForSelector('.blocklyToolbox', WAIT);
  return opened;
}

/** Opens a workspace file through the page's own file input, as a pupil would. */
async function openFile(page: Page, name: string, content: string): Promise<void> {
  await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
}

function waitForCode(page: Page, target: Target, needle: string): Promise<unknown> {
  return page.waitForFunction(
    ([selector, text]) => (document.querySelector(selector)?.textContent ?? '').includes(text),
    [`#pane-${target} .code-output code`, needle] as const,
    WAIT,
  );
}

describeWithTool(chromiumCheck(), 'board editor page (Chromium)', () => {
  let server: ClassroomServer;
  let browser: Browser;
  const pages: OpenedPage[] = [];
  const clients = new ClientPool();

  const open = async (options?: { locale?: string }): Promise<OpenedPage> => {
    const opened = await openBoardPage(browser, server, options);
    pages.push(opened);
    return opened;
  };

  beforeAll(async () => {
    requireBuilt('board-editor.js', 'monitor.js', 'blockly-media/sprites.png');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {} });
    browser = await launchChromium();
  }, 60_000);

  // Each page holds a monitor feed, and the server allows four per computer: close them after each test.
  afterEach(async () => {
    for (const { context } of pages.splice(0)) await context.close().catch(() => {});
  });

  afterAll(async () => {
    await clients.endAll();
    await browser?.close();
    await server?.close();
  }, 30_000);

  test('loads offline with the MQTT category, the server\'s broker address and no console errors', async () => {
    const opened = await newWatchedPage(browser, { locale: 'en-US' });
    pages.push(opened);
    const { page, problems } = opened;
    const origin = `http://127.0.0.1:${server.httpPort}`;
    const foreign: string[] = [];
    const failed: string[] = [];
    let infoQuestions = 0;
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
      if (new URL(url).pathname === '/api/info') infoQuestions += 1;
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${origin}/board/`, { waitUntil: 'load', ...WAIT });
    await page.waitForSelector('.blocklyToolbox', WAIT);

    const categories = await page.locator('.blocklyToolboxCategory').allTextContents();
    expect(categories.map((name) => name.trim())).toEqual(expect.arrayContaining(['MQTT', 'Logic', 'Loops', 'Variables']));
    await expect(page.locator('h1').textContent()).resolves.toBe('Board editor');
    // An empty program still gets its (header-only) code, not a blank or an error.
    await page.waitForFunction(() => (document.querySelector('#pane-micropython code')?.textContent ?? '').length > 0, undefined, WAIT);

    // The MQTT flyout's connect block points at this server's TCP port (from /api/info).
    await page.waitForSelector('#broker-note:not([hidden])', WAIT);
    await page.locator('.blocklyToolboxCategory', { hasText: 'MQTT' }).click();
    await page.waitForFunction(
      (url) => Array.from(document.querySelectorAll('.blocklyFlyout .blocklyText')).some((node) => node.textContent === url),
      `mqtt://localhost:${server.tcpPort}`,
      WAIT,
    );
    await page.keyboard.press('Escape');
    // The broker note and the upload panel (built first) both wanted the server's answer: the page asked once.
    expect(infoQuestions).toBe(1);

    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    expect(problems.all()).toEqual([]);
  });

  test('an opened workspace file gives the same MicroPython and Python code as the CLI', async () => {
    const opened = await open();
    const { page, problems } = opened;
    await openFile(page, 'tutorial-publisher.json', publisherJson);
    await waitForCode(page, 'micropython', 'classroom/chat');

    // main.py first, in umqtt.simple's words; the library in its own tab.
    const programs = { micropython: generateBoardProgram(publisherJson, 'micropython'), python: generateBoardProgram(publisherJson, 'python') };
    const micropython = await shownCode(page, 'micropython');
    expect(micropython).toContain('from mqtt_blocks import MQTTClient');
    expect(micropython).toContain("'classroom/chat'");
    expect(micropython).toBe(programs.micropython.main.text);
    await page.click('#pane-micropython .file-tab[data-file="mqtt_blocks.py"]');
    await waitForCode(page, 'micropython', 'from umqtt.simple import MQTTClient');
    expect(await shownCode(page, 'micropython')).toBe(programs.micropython.library!.text);
    await page.click('#pane-micropython .file-tab[data-file="main.py"]');
    await waitForCode(page, 'micropython', 'from mqtt_blocks import');
    await expect(page.locator('#notice .notice-text').textContent()).resolves.toContain('tutorial-publisher.json');

    await page.click('#tab-python');
    await page.waitForSelector('#pane-python:not([hidden])', WAIT);
    expect(await page.isHidden('#pane-micropython')).toBe(true);
    const python = await shownCode(page, 'python');
    expect(python).toContain('from mqtt_blocks import Client');
    expect(python).toBe(programs.python.main.text);

    // Copy puts exactly the shown file on the clipboard.
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${server.httpPort}` });
    await page.click('#copy-code');
    await page.waitForFunction(() => document.querySelector('#copy-status')?.textContent === 'Copied!', undefined, WAIT);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(python);

    // Download gives both files: main.py and the library beside it, exactly as generated.
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await page.click('#download-code');
    for (let i = 0; i < 200 && downloads.length < 2; i++) await page.waitForTimeout(50);
    const files = Object.fromEntries(await Promise.all(downloads.map(async (d) => [d.suggestedFilename(), readFileSync(await d.path(), 'utf8')] as const)));
    expect(files).toEqual({ 'main.py': programs.python.main.text, 'mqtt_blocks.py': programs.python.library!.text });

    expect(problems.all()).toEqual([]);
  });

  test('Save writes a file the CLI reads to the same program', async () => {
    const { page, problems } = await open();
    await openFile(page, 'tutorial-publisher.json', publisherJson);
    await waitForCode(page, 'micropython', 'classroom/chat');
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('#save-file')]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const savedPath = await download.path();
    const saved = readFileSync(savedPath, 'utf8');
    const code = await shownCode(page, 'micropython');
    expect(generateBoardProgram(saved, 'micropython').main.text).toBe(code);

    // Another pupil opens it with the Open button (the file chooser) and gets the same program.
    const other = await open();
    const [chooser] = await Promise.all([other.page.waitForEvent('filechooser', WAIT), other.page.click('#open-button')]);
    await chooser.setFiles(savedPath);
    await waitForCode(other.page, 'micropython', 'classroom/chat');
    expect(await shownCode(other.page, 'micropython')).toBe(code);
    expect(problems.all()).toEqual([]);
    expect(other.problems.all()).toEqual([]);
  });

  test('a bad file is explained and the current blocks stay', async () => {
    const { page, problems } = await open();
    await openFile(page, 'tutorial-publisher.json', publisherJson);
    await waitForCode(page, 'micropython', 'classroom/chat');
    const before = await shownCode(page, 'micropython');
    const blockCount = (): Promise<number> => page.locator(`${MAIN_CANVAS} > .blocklyDraggable`).count();
    const blocksBefore = await blockCount();

    const badFiles: Array<[string, string, RegExp]> = [
      ['notes.json', 'this is not JSON', /not JSON/],
      ['project.json', JSON.stringify({ targets: [], meta: { semver: '3.0.0' } }), /Scratch project/],
      ['other.json', JSON.stringify({ blocks: { languageVersion: 0, blocks: [{ type: 'robot_dance', x: 0, y: 0 }] } }), /robot_dance/],
      ['list.json', '[1, 2, 3]', /not a saved block program/],
    ];
    for (const [name, content, reason] of badFiles) {
      await openFile(page, name, content);
      await page.waitForFunction((file) => (document.querySelector('#notice .notice-text')?.textContent ?? '').includes(file), name, WAIT);
      const text = (await page.locator('#notice .notice-text').textContent()) ?? '';
      expect(text).toMatch(reason);
      expect(text).toContain('Your blocks were not changed');
      await expect(page.getAttribute('#notice', 'data-kind')).resolves.toBe('error');
    }
    await page.waitForTimeout(300);
    expect(await shownCode(page, 'micropython')).toBe(before);
    expect(await blockCount()).toBe(blocksBefore);
    expect(problems.all()).toEqual([]);
  });

  test('a WebSocket address in connect is explained in the page\'s language, not thrown', async () => {
    const { page, problems } = await open();
    await openFile(page, 'ws.json', publisherJson.replace('mqtt://192.168.1.2:1883', 'ws://localhost:8000/mqtt'));
    await page.waitForSelector('#pane-micropython .code-error:not([hidden])', WAIT);
    const english = (await page.locator('#pane-micropython .code-error-text').textContent()) ?? '';
    expect(english).toContain('WebSocket address');
    expect(await shownCode(page, 'micropython')).toBe('');
    expect(await page.isDisabled('#download-code')).toBe(true);
    expect(await page.isDisabled('#copy-code')).toBe(true);

    await page.click('button[data-locale="zh-cn"]');
    await page.waitForFunction(
      () => (document.querySelector('#pane-micropython .code-error-text')?.textContent ?? '').includes('WebSocket 地址'),
      undefined,
      WAIT,
    );
    expect(problems.all()).toEqual([]);
  });

  test('the monitor shows messages from a TCP client as text, never as HTML', async () => {
    const { page, problems } = await open();
    await openFile(page, 'tutorial-publisher.json', publisherJson);
    await page.waitForSelector('.monitor-status[data-state="live"]', WAIT);
    const client = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`);

    await client.publishAsync('classroom/e2e/hello', 'hello from node 你好');
    const row = page.locator('.monitor-row', { hasText: 'classroom/e2e/hello' });
    await row.waitFor(WAIT);
    await expect(row.locator('.monitor-payload').textContent()).resolves.toBe('hello from node 你好');
    await expect(row.locator('.monitor-time').textContent()).resolves.toMatch(/^\d\d:\d\d:\d\d$/);

    const hostile = '<img src=x onerror="window.__xss=1">';
    await client.publishAsync('classroom/<b>e2e</b>', hostile);
    const hostileRow = page.locator('.monitor-row', { hasText: 'classroom/<b>e2e</b>' });
    await hostileRow.waitFor(WAIT);
    await expect(hostileRow.locator('.monitor-payload').textContent()).resolves.toBe(hostile);
    // Newest on top.
    await expect(page.locator('.monitor-row').first().locator('.monitor-topic').textContent()).resolves.toBe('classroom/<b>e2e</b>');
    await page.waitForTimeout(300);
    expect(await page.locator('.monitor img, .monitor b').count()).toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
    // The English screenshot: a program, its code and live messages.
    await waitForCode(page, 'micropython', 'classroom/chat');
    await saveScreenshot(page, 'board-page.png');
    expect(problems.all()).toEqual([]);
  });

  test('switching to Chinese redraws blocks, toolbox and page texts, and is remembered', async () => {
    const { page, problems } = await open();
    await openFile(page, 'tutorial-publisher.json', publisherJson);
    await waitForCode(page, 'micropython', 'classroom/chat');
    const code = await shownCode(page, 'micropython');

    await page.click('button[data-locale="zh-cn"]');
    const canvasText = (): Promise<string> => page.locator(MAIN_CANVAS).evaluate((node) => node.textContent ?? '');
    await waitForCanvasText(page, '发布');
    expect(await canvasText()).toContain('连接到');
    const categories = (await page.locator('.blocklyToolboxCategory').allTextContents()).map((name) => name.trim());
    expect(categories).toEqual(expect.arrayContaining(['MQTT 物联网', '逻辑', '循环']));
    await expect(page.locator('h1').textContent()).resolves.toBe('开发板编辑器');
    await expect(page.locator('#tab-python').textContent()).resolves.toBe('Python（树莓派）');
    await expect(page.locator('.monitor-title').textContent()).resolves.toBe('消息监视器');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    // The program is the same program: same code, its comments now in Chinese (the board's messages too, in mqtt_blocks.py).
    await page.waitForFunction(() => (document.querySelector('#pane-micropython code')?.textContent ?? '').startsWith('# 由 mqtt-blocks'), undefined, WAIT);
    const chinese = await shownCode(page, 'micropython');
    expect(chinese.split('\n').slice(2)).toEqual(code.split('\n').slice(2));
    await saveScreenshot(page, 'board-page-zh.png');

    // Reload: language and blocks come back (localStorage).
    await page.reload({ waitUntil: 'load', ...WAIT });
    await waitForCanvasText(page, '发布');
    await waitForCode(page, 'micropython', 'classroom/chat');
    expect(await shownCode(page, 'micropython')).toBe(chinese);
    expect(problems.all()).toEqual([]);
  });

  test('a Chinese browser starts in Chinese', async () => {
    const { page, problems } = await open({ locale: 'zh-CN' });
    await expect(page.locator('h1').textContent()).resolves.toBe('开发板编辑器');
    const categories = (await page.locator('.blocklyToolboxCategory').allTextContents()).map((name) => name.trim());
    expect(categories).toContain('MQTT 物联网');
    expect(problems.all()).toEqual([]);
  });

});
