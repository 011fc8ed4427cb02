
/**
 * The classroom server's Scratch page in Debian's Chromium: the real Scratch 3 editor
 * (@scratch/scratch-gui-standalone, set up by `npm run setup:scratch-editor`) with the MQTT
 * extension built in, connected to the server's broker, receiving what a Node client publishes.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { withTimeout } from '../server/helpers';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, saveScreenshot, type OpenedPage } from '../support/browser';
import { ProjectBuilder, block, text } from '../support/sb3-builder';
import { chromiumCheck, describeWithTool, scratchPageCheck } from '../support/system-tool';

const TOPIC = 'classroom/e2e';
const ECHO_TOPIC = 'classroom/e2e/echo';
/** Non-ASCII on purpose: the payload crosses mqtt.js (Node), aedes, WebSocket and the VM as UTF-8. */
const MESSAGE = 'hello from Node · 你好';
/** The GUI's default cat costume, which the page serves from memory (offline). */
const CAT_COSTUME = {
  name: 'costume1',
  dataFormat: 'svg',
  assetId: 'bcf454acf82e4504149f7ffe07081dbc',
  md5ext: 'bcf454acf82e4504149f7ffe07081dbc.svg',
  rotationCenterX: 48,
  rotationCenterY: 50,
};

/**
 * The script under test: "when message received on [classroom/e2e]: set received to (message);
 * publish (message) to [classroom/e2e/echo]", with the variable's monitor shown on the stage.
 */
function receiverProject(): object {
  const project = new ProjectBuilder()
    .variable('received', '')
    .script(
      block('mqtt_whenMessage', { TOPIC: text(TOPIC) }),
      block('data_setvariableto', { VALUE: block('mqtt_message') }, { VARIABLE: { variable: 'received' } }),
      block('mqtt_publish', { MESSAGE: block('mqtt_message'), TOPIC: text(ECHO_TOPIC) }),
    )
    .build() as { targets: Array<{ isStage: boolean; costumes: object[] }>; monitors: object[] };
  project.targets[1].costumes = [CAT_COSTUME];
  project.monitors = [
    {
      id: 'var-received', mode: 'default', opcode: 'data_variable', params: { VARIABLE: 'received' },
      spriteName: null, value: '', width: 0, height: 0, x: 5, y: 5, visible: true, sliderMin: 0, sliderMax: 100, isDiscrete: true,
    },
  ];
  return project;
}

/** Texts of the palette's block fields (what a pupil reads in the flyout); Blockly draws spaces as U+00A0. */
function flyoutTexts(page: Page): Promise<string[]> {
  return page.$$eval('.blocklyToolboxFlyout .blocklyText', (nodes) => nodes.map((node) => (node.textContent ?? '').replace(/\u00a0/g, ' ')));
}

function connectNode(url: string): Promise<MqttClient> {
  const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 4000 });
  return withTimeout(
    new Promise<MqttClient>((resolve, reject) => {
      client.once('connect', () => resolve(client));
      client.once('error', reject);
    }),
    6000,
    'Node MQTT client connect',
  );
}

describeWithTool(chromiumCheck(), 'Scratch page without the editor files', () => {
  let server: ClassroomServer;
  let browser: Browser;
  let opened: OpenedPage;

  beforeAll(async () => {
    requireBuilt('scratch-editor.js');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, scratchGuiDir: null, log: () => {} });
    browser = await launchChromium();
    opened = await newWatchedPage(browser, { locale: 'en-US' });
  });

  afterAll(async () => {
    await opened?.context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
  });

  // In the browser's language only: test/e2e/page-language.test.ts shows the same panel in Chinese.
  test('explains the setup step and the TurboWarp route, with no console errors', async () => {
    const { page, problems } = opened;
    await page.goto(`${server.httpUrl}scratch/`);
    const panel = page.locator('#not-set-up');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    const shown = await panel.innerText();
    expect(shown).toContain('npm run setup:scratch-editor');
    expect(shown).toContain('not set up');
    expect(shown).toContain(`${server.httpUrl.replace(/\/$/, '')}/mqtt-blocks.js`);
    await saveScreenshot(page, 'scratch-page-not-set-up.png');
    expect(problems.all()).toEqual([]);
  });
});

describeWithTool(scratchPageCheck(), 'Scratch page (real Scratch 3 editor)', () => {
  let server: ClassroomServer;
  let browser: Browser;
  let opened: OpenedPage;
  let node: MqttClient;

  beforeAll(async () => {
    requireBuilt('scratch-editor.js');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {} });
    node = await connectNode(`mqtt://127.0.0.1:${server.tcpPort}`);
    browser = await launchChromium();
    opened = await newWatchedPage(browser);
    await opened.page.goto(`${server.httpUrl}scratch/`);
    // The 17 MB editor bundle is parsed on a 2-core machine: allow it time, but not forever.
    await opened.page.locator('.blocklyToolboxCategoryLabel', { hasText: 'MQTT' }).waitFor({ timeout: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await opened?.context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await node?.endAsync(true).catch(() => {});
    await server?.close();
  });

  test('the palette has the MQTT category with its blocks, and the default cat sprite', async () => {
    const { page } = opened;
    await page.locator('.blocklyToolboxCategory', { hasText: 'MQTT' }).click();
    await page.locator('.blocklyFlyoutLabelText', { hasText: 'MQTT' }).waitFor({ timeout: 10_000 });
    const texts = await flyoutTexts(page);
    expect(texts).toEqual(expect.arrayContaining(['publish', 'when message received on', 'message', 'connected?']));
    // The offline storage served the cat: a sprite named Sprite1 with a real costume (not "?").
    const sprite = await page.evaluate(() => {
      const target = window.mqttBlocksScratch!.vm.runtime as unknown as { targets: Array<{ isStage: boolean; sprite: { name: string; costumes: Array<{ assetId: string }> } }> };
      const first = target.targets.find((t) => !t.isStage);
      return first ? { name: first.sprite.name, costume: first.sprite.costumes[0]?.assetId } : null;
    });
    expect(sprite).toEqual({ name: 'Sprite1', costume: CAT_COSTUME.assetId });
  });

  test('is connected to the classroom broker without any block', async () => {
    const { page } = opened;
    await page.waitForFunction(() => window.mqttBlocksScratch?.extension.isConnected() === true, null, { timeout: 10_000 });
    // New "connect" blocks show this server's WebSocket address, so pupils never type one.
    const connectUrl = await page.evaluate(() => {
      const info = window.mqttBlocksScratch!.extension.getInfo() as { blocks: Array<{ opcode?: string; arguments?: Record<string, { defaultValue?: unknown }> }> };
      return info.blocks.find((entry) => entry.opcode === 'connect')?.arguments?.URL?.defaultValue;
    });
    expect(connectUrl).toBe(`ws://${new URL(server.httpUrl).host}/mqtt`);
  });

  test('a script loaded into the VM receives a message published from Node and shows it in the variable', async () => {
    const { page } = opened;
    const echoes: string[] = [];
    node.on('message', (topic, payload) => {
      if (topic === ECHO_TOPIC) echoes.push(payload.toString('utf8'));
    });
    await node.subscribeAsync(ECHO_TOPIC);

    await page.evaluate((project) => window.mqttBlocksScratch!.vm.loadProject(project), receiverProject());
    // Loading a project closes the connection; the page connects again and subscribes the hat's topic.
    await page.waitForFunction(() => window.mqttBlocksScratch?.extension.isConnected() === true, null, { timeout: 10_000 });

    // The subscription may still be on its way to the broker: publish again until the script has run.
    const received = () =>
      page.evaluate(() => {
        const stage = (window.mqttBlocksScratch!.vm.runtime as unknown as { getTargetForStage(): { lookupVariableByNameAndType(name: string, type: string): { value: unknown } } }).getTargetForStage();
        return stage.lookupVariableByNameAndType('received', '').value;
      });
    const deadline = Date.now() + 10_000;
    while ((await received()) !== MESSAGE && Date.now() < deadline) {
      await node.publishAsync(TOPIC, MESSAGE);
      await page.waitForTimeout(300);
    }
    expect(await received()).toBe(MESSAGE);

    // The variable monitor on the stage shows it too (what the pupil sees).
    await page.locator('[class*="monitor_value"]', { hasText: MESSAGE }).waitFor({ timeout: 5_000 });
    // And the script's publish block came back to Node through the broker.
    await withTimeout(
      (async () => {
        while (!echoes.includes(MESSAGE)) await new Promise((resolve) => setTimeout(resolve, 50));
      })(),
      5_000,
      'echo from the Scratch script',
    );
    await saveScreenshot(page, 'scratch-page.png');
  });

  test('a board address typed into "connect" gets a hint with this server\'s real port, not 8000', async () => {
    const { page } = opened;
    const port = new URL(server.httpUrl).port;
    expect(port).not.toBe('8000');
    const shown = await page.evaluate(async () => {
      const extension = window.mqttBlocksScratch!.extension;
      await extension.connect({ URL: 'mqtt://127.0.0.1:1883', USERNAME: '', PASSWORD: '' });
      return extension.lastError();
    });
    expect(shown).toContain(`ws://127.0.0.1:${port}/mqtt`);
    expect(shown).not.toContain(':8000');
    // A refused address keeps the connection the page made.
    expect(await page.evaluate(() => window.mqttBlocksScratch!.extension.isConnected())).toBe(true);
  });

  test('the MQTT blocks follow the editor language menu (English → 简体中文)', async () => {
    const { page } = opened;
    await page.getByText('Settings', { exact: true }).click();
    await page.getByText('Language', { exact: true }).hover();
    await page.getByText('简体中文', { exact: true }).click();
    await page.locator('.blocklyToolboxCategory', { hasText: 'MQTT' }).click();
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.blocklyToolboxFlyout .blocklyText')).some((node) => node.textContent === '发布'),
      null,
      { timeout: 10_000 },
    );
    expect(await page.evaluate(() => window.mqttBlocksScratch!.vm.getLocale())).toBe('zh-cn');
    await saveScreenshot(page, 'scratch-page-zh.png');
  });

  test('no console errors or uncaught exceptions in the whole session', () => {
    expect(opened.problems.all()).toEqual([]);
  });
});
