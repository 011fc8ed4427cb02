/**
 * The Scratch page's "Board code" view puts the open Scratch project on a board, in Debian's
 * Chromium with the real Scratch 3 editor: over USB (the Web Serial stand-in whose port is the
 * real MicroPython REPL in the page) and over the air (a board running the classroom loader in
 * real MicroPython with real TCP, reached through this classroom server's broker).
 */
import mqtt, { type MqttClient } from 'mqtt';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loaderFiles } from '../../src/ota/loader-files';
import { withTimeout } from '../server/helpers';
import { saveScreenshot, type OpenedPage } from '../support/browser';
import { useClassroomBrowser } from '../support/classroom-browser';
import { startNetBoard, type NetBoard } from '../support/micropython/networked-board';
import { ProjectBuilder, block, text } from '../support/sb3-builder';
import { boardFile, serialStandinReady, serveSerialStandin } from '../support/serial-board/web-serial-page';
import { describeWithTool, scratchPageCheck } from '../support/system-tool';

jest.setTimeout(180_000);

const WAIT = { timeout: 30_000 };
const TOPIC = 'classroom/scratch-upload';
const GREETING = 'Scratch 你好';
const OLD_MAIN = "print('old program 旧程序')\n";

/**
 * "when green flag clicked: connect to [ws://…/mqtt]; say [Scratch 你好]; publish [温度 21] to
 * [classroom/scratch-upload]". On the board, "connect" goes to the broker the Board code view names.
 */
function greetingProject(websocketUrl: string): object {
  return new ProjectBuilder()
    .script(
      block('event_whenflagclicked', {}),
      block('mqtt_connect', { URL: text(websocketUrl), USERNAME: text(''), PASSWORD: text('') }),
      block('looks_say', { MESSAGE: text(GREETING) }),
      block('mqtt_publish', { MESSAGE: text('温度 21'), TOPIC: text(TOPIC) }),
    )
    .build();
}

const statusText = (page: Page): Promise<string> => page.locator('#upload-status').innerText();

describeWithTool(scratchPageCheck(), 'Scratch page: Board code onto a board (Chromium)', () => {
  const classroom = useClassroomBrowser(['scratch-editor.js']);

  /** The Scratch page with the greeting project open and its Board code view showing main.py. */
  async function openWithProject(options: { standin?: object } = {}): Promise<OpenedPage> {
    const page = await classroom.open({ locale: 'en-US', bypassCSP: options.standin !== undefined });
    if (options.standin) await serveSerialStandin(page.context, options.standin);
    await page.page.goto(`http://localhost:${classroom.server.httpPort}/scratch/`, { waitUntil: 'load', ...WAIT });
    // The 17 MB editor bundle is parsed on a 2-core machine: allow it time, but not forever.
    await page.page.locator('.blocklyToolboxCategoryLabel', { hasText: 'MQTT' }).waitFor({ timeout: 90_000 });
    if (options.standin) await serialStandinReady(page.page);
    await page.page.evaluate((json) => window.mqttBlocksScratch!.vm.loadProject(json), greetingProject(`ws://localhost:${classroom.server.httpPort}/mqtt`));
    await page.page.getByRole('button', { name: 'Board code' }).click();
    await page.page.getByRole('region', { name: 'main.py for the board' }).getByText(`print('${GREETING}')`).waitFor(WAIT);
    return page;
  }

  test('Upload to board (USB) writes the project\'s main.py and library on the board, which runs main.py', async () => {
    const { page, problems } = await openWithProject({ standin: { files: { 'main.py': OLD_MAIN } } });
    const shown = await page.getByRole('region', { name: 'main.py for the board' }).evaluate((node) => node.textContent ?? '');

    await page.getByRole('button', { name: 'Upload to board (USB)' }).click();
    await page.waitForFunction(() => /Uploaded/.test(document.querySelector('#upload-status')?.textContent ?? ''), undefined, WAIT).catch(async (error: Error) => {
      throw new Error(`${error.message}\nstatus: ${await statusText(page)}`);
    });

    // The files on the board are exactly the program the view showed and the library it offers for download.
    expect(await boardFile(page, 'main.py')).toBe(shown);
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.locator('#board-code-download-library').click()]);
    const library = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toBe('mqtt_blocks.py');
    expect(library).toContain('class MQTTClient');
    expect(await boardFile(page, download.suggestedFilename())).toBe(library);

    // The board restarted into the new main.py: it imports the library beside it, which needs the
    // Wi-Fi module this USB stand-in has not got, so the traceback ends there, shown as an error line.
    await page.waitForFunction(() => [...document.querySelectorAll('#board-console .console-error')].some((line) => /ImportError/.test(line.textContent ?? '')), undefined, WAIT).catch(async (error: Error) => {
      throw new Error(`${error.message}\nconsole: ${await page.locator('#board-console').innerText()}`);
    });
    const errors = (await page.locator('#board-console .console-error').allInnerTexts()).join('\n');
    expect(errors).toMatch(/Traceback[\s\S]*File "mqtt_blocks\.py"[\s\S]*ImportError: no module named '(network|machine)'/);
    expect(await page.locator('#board-console').innerText()).not.toContain('old program');
    await saveScreenshot(page, 'scratch-board-upload-usb.png');
    expect(problems.all()).toEqual([]);
  });

  test('Send to board over Wi-Fi: a classroom board takes the project and runs it (prints, publishes)', async () => {
    const loader = readFileSync(path.resolve(__dirname, '../../src/ota/classroom_loader.py'), 'utf8');
    const files = loaderFiles({ board: 'desk5', broker: `mqtt://127.0.0.1:${classroom.server.tcpPort}`, wifi: 'classroom', trialMs: 1000 }, loader);
    const board: NetBoard = startNetBoard({ ...files, 'main.py': OLD_MAIN });
    let listener: MqttClient | null = null;
    try {
      listener = await mqtt.connectAsync(`mqtt://127.0.0.1:${classroom.server.tcpPort}`, { reconnectPeriod: 0, connectTimeout: 5000 });
      const received: string[] = [];
      listener.on('message', (topic, payload) => {
        if (topic === TOPIC) received.push(payload.toString('utf8'));
      });
      await listener.subscribeAsync(TOPIC);
      await board.waitForLine(/old program 旧程序/, 30_000);

      const { page, problems } = await openWithProject();
      await page.waitForFunction(() => (document.querySelector('#wifi-board')?.textContent ?? '').includes('desk5'), undefined, WAIT);
      await page.getByRole('button', { name: 'Send to board over Wi-Fi' }).click();
      await page.waitForFunction(() => /desk5 runs the new program/.test(document.querySelector('#upload-status')?.textContent ?? ''), undefined, { timeout: 60_000 }).catch(async (error: Error) => {
        throw new Error(`${error.message}\nstatus: ${await statusText(page)}\nboard:\n${board.lines.slice(-20).join('\n')}`);
      });
      // The project runs on the board: its "say" prints on the board's console, its publish reaches the broker.
      await board.waitForLine(new RegExp(GREETING), 30_000);
      await withTimeout(
        (async () => {
          while (!received.includes('温度 21')) await new Promise((resolve) => setTimeout(resolve, 50));
        })(),
        30_000,
        'the board publishing the project\'s message',
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nboard:\n${board.lines.slice(-30).join('\n')}`);
      });
      await saveScreenshot(page, 'scratch-board-upload-wifi.png');
      expect(problems.all()).toEqual([]);
    } finally {
      await listener?.endAsync(true).catch(() => undefined);
      await board.stop();
    }
  });
});
