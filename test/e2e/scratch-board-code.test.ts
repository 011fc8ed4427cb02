/**
 * The Scratch page's "Board code" view in Debian's Chromium with the real Scratch 3 editor: the
 * open project becomes main.py connecting to this server over TCP; blocks a board cannot run are
 * listed in the editor's language and nothing is offered for download until they are left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { readProject } from '../../src/sb3/read-project';
import { unsupportedProject } from '../fixtures/sb3/make-sb3-fixtures';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, saveScreenshot, type OpenedPage } from '../support/browser';
import { describeWithTool, scratchPageCheck } from '../support/system-tool';

describeWithTool(scratchPageCheck(), 'Scratch page: Board code view', () => {
  let server: ClassroomServer;
  let browser: Browser;
  let opened: OpenedPage;

  beforeAll(async () => {
    requireBuilt('scratch-editor.js');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {} });
    browser = await launchChromium();
    opened = await newWatchedPage(browser);
    await opened.page.goto(`${server.httpUrl}scratch/`);
    await opened.page.locator('.blocklyToolboxCategoryLabel', { hasText: 'MQTT' }).waitFor({ timeout: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await opened?.context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
  });

  test('shows the open project as main.py for a board on this server, every script named', async () => {
    const { page } = opened;
    const project = await readProject(readFileSync(path.join(__dirname, '..', 'fixtures', 'sb3', 'thermostat.sb3')), 'thermostat.sb3');
    await page.evaluate((json) => window.mqttBlocksScratch!.vm.loadProject(json), project as unknown as object);
    await page.getByRole('button', { name: 'Board code' }).click();
    const code = page.getByRole('region', { name: 'main.py for the board' });
    await code.waitFor({ timeout: 10_000 });
    const text = await code.innerText();
    expect(text).toMatch(new RegExp(String.raw`client\.connect\('[^']+', port=${server.tcpPort}\)`));
    expect(text).toContain('def sprite1_when_message_in_home_temp(topic, msg):');
    expect(text).toContain('#   Sprite1: "when I receive [decide]"');
    expect(await page.getByRole('button', { name: 'Download main.py' }).isEnabled()).toBe(true);
    await saveScreenshot(page, 'scratch-board-code.png');
  });

  test('lists blocks a board cannot run in the editor\'s language; download only once they are left out', async () => {
    const { page } = opened;
    await page.evaluate((json) => window.mqttBlocksScratch!.vm.loadProject(json), unsupportedProject());
    await page.evaluate(() => (window.mqttBlocksScratch!.vm as unknown as { setLocale(locale: string): Promise<void> }).setLocale('zh-cn'));
    await page.getByRole('button', { name: 'Board code' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('这些积木不能在开发板上运行（3 个）：').waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toContain('积木 "移动步" 需要舞台');
    expect(await page.getByRole('button', { name: '下载 main.py' }).isDisabled()).toBe(true);
    await page.getByLabel('跳过开发板不能运行的脚本').check();
    await page.getByRole('region', { name: '开发板用的 main.py' }).getByText("client.publish('t/ready', 'ready')").waitFor({ timeout: 10_000 });
    expect(await page.getByRole('button', { name: '下载 main.py' }).isEnabled()).toBe(true);
    await saveScreenshot(page, 'scratch-board-code-zh.png');
  });

  test('Examples opens the seed lesson\'s board project, which becomes board code', async () => {
    const { page } = opened;
    await page.evaluate(() => (window.mqttBlocksScratch!.vm as unknown as { setLocale(locale: string): Promise<void> }).setLocale('en'));
    // The buttons' labels follow the editor's language the next time they are used.
    await page.getByRole('button', { name: /^(Examples|示例)$/ }).click();
    await page.getByRole('button', { name: /^Board: sends its temperature every 2 s/ }).click();
    await page.waitForFunction(() => {
      const runtime = window.mqttBlocksScratch!.vm.runtime as unknown as { getTargetForStage(): { lookupVariableByNameAndType(name: string, type: string): unknown } | undefined };
      return Boolean(runtime.getTargetForStage()?.lookupVariableByNameAndType('温度', ''));
    }, null, { timeout: 15_000 });
    await page.getByRole('button', { name: /^(Board code|开发板代码)$/ }).click();
    const code = page.getByRole('region', { name: 'main.py for the board' });
    await code.getByText("client.publish('class1/g1/temp', to_text(stage['温度']))").waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alert').innerText()).not.toContain('cannot run');
    await saveScreenshot(page, 'scratch-examples.png');
  });

  test('no console errors or uncaught exceptions', () => {
    expect(opened.problems.all()).toEqual([]);
  });
});
