/**
 * The board page's "Put it on the board" panel in real Chromium: USB upload through a
 * navigator.serial stand-in whose port is the real MicroPython REPL (WebAssembly, in the page)
 * throttled to 115,200 baud; the live console (Chinese split across reads, tracebacks as errors,
 * Stop and Run); an unplugged cable; pages where Web Serial is missing; and sending over Wi-Fi to
 * a board running the classroom loader (real MicroPython with real TCP) through the classroom server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startClassroomServer } from '../../src/server';
import { loaderFiles } from '../../src/ota/loader-files';
import { CHROMIUM_ARGS, DIST_DIR, saveScreenshot, type OpenedPage } from '../support/browser';
import { useClassroomBrowser } from '../support/classroom-browser';
import { startNetBoard, type NetBoard } from '../support/micropython/networked-board';
import { boardFile, serialStandinReady, serveSerialStandin, unplugBoard } from '../support/serial-board/web-serial-page';
import { chromiumCheck, CHROMIUM, describeWithTool } from '../support/system-tool';

jest.setTimeout(120000);

const WAIT = { timeout: 30_000 };
const OLD_MAIN = "print('old program 旧程序')\n";

const statusText = (page: Page): Promise<string> => page.locator('#upload-status').innerText();
const consoleText = (page: Page): Promise<string> => page.getByRole('log', { name: /Board console|开发板控制台/ }).innerText();

describeWithTool(chromiumCheck(), 'board page: upload to a board (Chromium)', () => {
  const classroom = useClassroomBrowser(['board-editor.js']);

  async function openPage(options: { standin?: object; locale?: string } = {}): Promise<OpenedPage> {
    // The stand-in's MicroPython is WebAssembly that the page's Content-Security-Policy (rightly)
    // does not allow; it stands for hardware, so the test context lifts the policy for it.
    const page = await classroom.open({ locale: options.locale ?? 'en-US', bypassCSP: options.standin !== undefined });
    if (options.standin) await serveSerialStandin(page.context, options.standin);
    await page.page.goto(`http://localhost:${classroom.server.httpPort}/board/`, { waitUntil: 'load', ...WAIT });
    await page.page.waitForSelector('.blocklyToolbox', WAIT);
    if (options.standin) {
      await serialStandinReady(page.page);
    }
    return page;
  }

  test('Upload writes main.py over the 115,200-baud line, restarts the board and shows its traceback as an error', async () => {
    const { page, problems } = await openPage({ standin: { files: { 'main.py': OLD_MAIN } } });
    const workspace = readFileSync(path.resolve(__dirname, '../fixtures/workspaces/tutorial-publisher.json'));
    await page.setInputFiles('#open-file', { name: 'tutorial-publisher.json', mimeType: 'application/json', buffer: workspace });
    await page.waitForFunction(() => (document.querySelector('#pane-micropython .code-output code')?.textContent ?? '').includes('classroom/chat'), undefined, WAIT);
    const expected = await page.evaluate(() => document.querySelector('#pane-micropython .code-output code')?.textContent ?? '');
    await page.getByRole('button', { name: 'Upload to board (USB)' }).click();
    await page.waitForFunction(() => /Uploaded/.test(document.querySelector('#upload-status')?.textContent ?? ''), undefined, WAIT);
    const onBoard = await boardFile(page, 'main.py');
    // The generated main.py (and the library beside it, if it uses one) is on the board.
    expect(expected).toContain(onBoard?.split('\n')[0] ?? 'missing');
    // The simulated board has no Wi-Fi module: the program stops with a traceback, shown as an error line.
    await page.waitForFunction(() => [...document.querySelectorAll('#board-console .console-error')].some((line) => /ImportError/.test(line.textContent ?? '')), undefined, WAIT).catch(async (error: Error) => {
      throw new Error(`${error.message}\nconsole: ${await consoleText(page)}`);
    });
    expect(await consoleText(page)).toMatch(/soft reboot/);
    const errors = await page.locator('#board-console .console-error').allInnerTexts();
    expect(errors.join('\n')).toMatch(/Traceback[\s\S]*ImportError: no module named '(network|machine)'/);
    await saveScreenshot(page, 'board-upload-done.png');
    expect(problems.all()).toEqual([]);
  });

  test('the console keeps Chinese intact across reads; Stop and Run work', async () => {
    const program = "print('你好，世界！温度 21°C')\nprint('第二行 ✓')\n";
    const { page } = await openPage({ standin: { files: { 'main.py': program } } });
    await page.getByRole('button', { name: 'Restart board' }).click();
    await page.waitForFunction(() => (document.querySelector('#board-console')?.textContent ?? '').includes('第二行 ✓'), undefined, WAIT);
    const text = await consoleText(page);
    expect(text).toContain('你好，世界！温度 21°C');
    expect(text).not.toContain('\ufffd');
    await page.getByRole('button', { name: 'Stop board' }).click();
    await page.waitForFunction(() => (document.querySelector('#board-console')?.textContent ?? '').includes('Program stopped'), undefined, WAIT);
  });

  test('an unplugged cable mid-upload: clear message, the old main.py is kept', async () => {
    const { page } = await openPage({ standin: { files: { 'main.py': OLD_MAIN } } });
    await page.getByRole('button', { name: 'Upload to board (USB)' }).click();
    await page.waitForFunction(() => /Writing/.test(document.querySelector('#upload-status')?.textContent ?? ''), undefined, WAIT);
    await unplugBoard(page);
    await page.waitForFunction(() => /unplugged/.test(document.querySelector('#upload-status')?.textContent ?? ''), undefined, WAIT);
    expect(await statusText(page)).toMatch(/previous program was kept/);
    expect(await page.locator('#upload-status').getAttribute('role')).toBe('alert');
    const onBoard = await boardFile(page, 'main.py');
    expect(onBoard).toBe(OLD_MAIN);
  });

  test('a browser without Web Serial says why and what to do instead, in Chinese too', async () => {
    const { page, context } = await openPage({ locale: 'zh-CN' });
    await context.addInitScript(() => {
      delete (Navigator.prototype as unknown as { serial?: unknown }).serial;
    });
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('.blocklyToolbox', WAIT);
    await page.getByRole('button', { name: '中文' }).click();
    const button = page.getByRole('button', { name: '上传到开发板（USB）' });
    expect(await button.isDisabled()).toBe(true);
    expect(await page.locator('#usb-unavailable').innerText()).toMatch(/Chrome 或 Edge.*通过 Wi-Fi 发送到开发板/);
  });

  test('a pupil on another computer (plain http, not localhost) is told to use Wi-Fi or the page on localhost', async () => {
    const lanBrowser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP teacher-pc 127.0.0.1'] });
    try {
      const page = await lanBrowser.newPage();
      await page.goto(`http://teacher-pc:${classroom.server.httpPort}/board/`, { waitUntil: 'load', ...WAIT });
      await page.waitForSelector('.blocklyToolbox', WAIT);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      expect(await page.locator('#usb-unavailable').innerText()).toMatch(/http:\/\/localhost:8000\/board\/.*Send to board over Wi-Fi/);
      expect(await page.getByRole('button', { name: 'Upload to board (USB)' }).isDisabled()).toBe(true);
    } finally {
      await lanBrowser.close();
    }
  });

  test('--lan classroom: after the class login, the Wi-Fi loader is installed on a USB board (main.py untouched)', async () => {
    const lan = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', lan: true, username: 'class07', password: 'tiger-maple-4821', distDir: DIST_DIR, log: () => {} });
    try {
      // The teacher's own computer: the server's pages behind the teacher login (the monitor panel) get it.
      const { page, context } = await classroom.open({ locale: 'en-US', bypassCSP: true, httpCredentials: { username: 'class07', password: 'tiger-maple-4821' } });
      await serveSerialStandin(context, { files: { 'main.py': OLD_MAIN } });
      await page.goto(`http://localhost:${lan.httpPort}/board/`, { waitUntil: 'load', ...WAIT });
      await page.waitForSelector('.blocklyToolbox', WAIT);
      await serialStandinReady(page);
      const panel = page.locator('#upload-panel');
      await panel.getByLabel('Username').fill('class07');
      await panel.getByLabel('Password', { exact: true }).fill('tiger-maple-4821');
      await panel.getByRole('button', { name: 'Log in' }).click();
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#wifi-login')?.hidden === true, undefined, WAIT);
      await panel.getByText('Install the Wi-Fi loader on this board (once)').click();
      await panel.getByLabel('Board name (for example desk7)').fill('desk7');
      await panel.getByLabel('Classroom Wi-Fi name').fill('教室 WiFi');
      await panel.getByLabel('Wi-Fi password').fill("pa'ss");
      await panel.getByRole('button', { name: 'Install by USB' }).click();
      await page.waitForFunction(() => /loader is installed/.test(document.querySelector('#upload-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      const read = (file: string) => boardFile(page, file);
      const config = JSON.parse((await read('classroom_config.json')) ?? '{}') as Record<string, unknown>;
      expect(config).toMatchObject({ board: 'desk7', port: lan.tcpPort, user: 'class07', password: 'tiger-maple-4821', wifi: '教室 WiFi', wifi_password: "pa'ss" });
      expect(await read('classroom_loader.py')).toBe(readFileSync(path.resolve(__dirname, '../../src/ota/classroom_loader.py'), 'utf8'));
      expect(await read('boot.py')).toContain('classroom_loader.start()');
      expect(await read('main.py')).toBe(OLD_MAIN);
      await context.close();
    } finally {
      await lan.close();
    }
  });

  test('Send to board over Wi-Fi: the online board is listed and takes the program', async () => {
    const loader = readFileSync(path.resolve(__dirname, '../../src/ota/classroom_loader.py'), 'utf8');
    const files = loaderFiles({ board: 'desk3', broker: `mqtt://127.0.0.1:${classroom.server.tcpPort}`, wifi: 'classroom', trialMs: 1000 }, loader);
    const board: NetBoard = startNetBoard({ ...files, 'main.py': "print('old')\n" });
    try {
      const { page, problems } = await openPage();
      await page.waitForFunction(() => (document.querySelector('#wifi-board')?.textContent ?? '').includes('desk3'), undefined, WAIT);
      await page.getByRole('button', { name: 'Send to board over Wi-Fi' }).click();
      await page.waitForFunction(() => /desk3 runs the new program/.test(document.querySelector('#upload-status')?.textContent ?? ''), undefined, WAIT);
      expect(problems.all()).toEqual([]);
    } finally {
      await board.stop();
    }
  });
});
