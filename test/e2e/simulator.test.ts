/**
 * The board page's simulator in real Chromium against a real classroom server: the tutorial
 * examples run as generated (main.py + mqtt_blocks.py) in MicroPython WebAssembly; messages from
 * Node reach the console in order with Chinese intact; the simulated board's publishes reach Node;
 * Stop ends a tight loop within a second and the next run starts fresh; an error's block is
 * highlighted; two tabs are two boards; the page speaks Chinese; no console errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MqttClient } from 'mqtt';
import type { Page } from 'playwright-core';
import { generateBoardProgram } from '../../src/generators/headless';
import { saveScreenshot, type OpenedPage } from '../support/browser';
import { useClassroomBrowser } from '../support/classroom-browser';
import { ClientPool } from '../server/helpers';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'workspaces');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');
const WAIT = { timeout: 20_000 };
const CONSOLE = '[role="log"].simulator-console';

/** `print('going round')`, then `while True: pass` (no MQTT: nothing in the loop ever sleeps). */
const TIGHT_LOOP = JSON.stringify({
  blocks: {
    languageVersion: 0,
    blocks: [
      {
        type: 'text_print',
        id: 'print-block',
        x: 20,
        y: 20,
        inputs: { TEXT: { shadow: { type: 'text', id: 't1', fields: { TEXT: 'going round 转圈' } } } },
        next: {
          block: {
            type: 'controls_whileUntil',
            id: 'loop-block',
            fields: { MODE: 'WHILE' },
            inputs: { BOOL: { block: { type: 'logic_boolean', id: 'b1', fields: { BOOL: 'TRUE' } } } },
          },
        },
      },
    ],
  },
});

/** `print('before')`, then `print(1 / 0)`: an error on a known line. */
const DIVIDE_BY_ZERO = JSON.stringify({
  blocks: {
    languageVersion: 0,
    blocks: [
      {
        type: 'text_print',
        id: 'before-block',
        x: 20,
        y: 20,
        inputs: { TEXT: { shadow: { type: 'text', id: 't1', fields: { TEXT: 'before' } } } },
        next: {
          block: {
            type: 'text_print',
            id: 'divide-block',
            inputs: {
              TEXT: {
                block: {
                  type: 'math_arithmetic',
                  id: 'arith',
                  fields: { OP: 'DIVIDE' },
                  inputs: {
                    A: { shadow: { type: 'math_number', id: 'n1', fields: { NUM: 1 } } },
                    B: { shadow: { type: 'math_number', id: 'n2', fields: { NUM: 0 } } },
                  },
                },
              },
            },
          },
        },
      },
    ],
  },
});

/** The simulator panel (a region named by its heading): the page has other Stop buttons (USB upload). */
const simulatorRegion = (page: Page) => page.locator('#simulator');

function consoleText(page: Page): Promise<string> {
  return page.locator(CONSOLE).evaluate((node) => node.textContent ?? '');
}

function waitForConsole(page: Page, needle: string, timeout = WAIT.timeout): Promise<unknown> {
  return page.waitForFunction(
    ([selector, text]) => (document.querySelector(selector)?.textContent ?? '').includes(text),
    [CONSOLE, needle] as const,
    { timeout },
  );
}

async function openWorkspace(page: Page, name: string, content: string): Promise<void> {
  await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
  await page.waitForFunction(() => document.querySelector('#pane-micropython .code-output code')?.textContent?.includes('main.py') ?? false, undefined, WAIT);
}

/** Publishes `topic` every 200 ms until the simulated board has printed it (it is then subscribed). */
async function untilSubscribed(page: Page, client: MqttClient, topic: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await client.publishAsync(topic, 'ready?');
    if ((await consoleText(page)).includes(`${topic}: ready?`)) return;
    if (Date.now() > deadline) throw new Error(`the simulated board never printed a message on ${topic}:\n${await consoleText(page)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs a hand-written main.py through the page's handle (the same path as "Run in simulator"). */
async function runMain(page: Page, main: string): Promise<void> {
  await page.evaluate((text) => window.mqttBlocksSimulator?.runFiles([{ name: 'main.py', text }]), main);
}

/**
 * Clicks Stop and returns how long the page took, measured in the page: from the click event to
 * the console's "stopped" note (the machine's load on the test driver does not count).
 */
async function stopAndTime(page: Page, stopName = 'Stop', stoppedText = 'Stopped.'): Promise<number> {
  await page.evaluate(
    ([selector, text]) => {
      const state = window as unknown as { __stopTimes?: { clicked?: number; stopped?: number } };
      state.__stopTimes = {};
      document.getElementById('simulator-stop')?.addEventListener('click', () => (state.__stopTimes!.clicked = performance.now()), { once: true, capture: true });
      const log = document.querySelector(selector) as HTMLElement;
      const observer = new MutationObserver(() => {
        if ((log.textContent ?? '').includes(text) && state.__stopTimes!.clicked !== undefined) {
          state.__stopTimes!.stopped = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(log, { childList: true, subtree: true, characterData: true });
    },
    [CONSOLE, stoppedText] as const,
  );
  await simulatorRegion(page).getByRole('button', { name: stopName, exact: true }).click();
  await waitForConsole(page, stoppedText);
  await page.waitForFunction(() => (window as unknown as { __stopTimes?: { stopped?: number } }).__stopTimes?.stopped !== undefined, undefined, WAIT);
  return page.evaluate(() => {
    const times = (window as unknown as { __stopTimes: { clicked: number; stopped: number } }).__stopTimes;
    return times.stopped - times.clicked;
  });
}

describeWithTool(chromiumCheck(), 'board simulator (Chromium, MicroPython WebAssembly)', () => {
  const classroom = useClassroomBrowser(['board-editor.js', 'simulator-worker.js', 'micropython/micropython.wasm', 'micropython/micropython.mjs']);
  const clients = new ClientPool();
  let brokerUrl: string;

  const open = async (locale = 'en-US'): Promise<OpenedPage> => {
    const opened = await classroom.open({ locale });
    await opened.page.goto(`http://127.0.0.1:${classroom.server.httpPort}/board/`, { waitUntil: 'load', ...WAIT });
    await opened.page.waitForSelector('.blocklyToolbox', WAIT);
    return opened;
  };

  beforeAll(() => {
    brokerUrl = `mqtt://127.0.0.1:${classroom.server.tcpPort}`;
  });
  afterEach(() => clients.endAll());

  test('the tutorial subscriber prints messages from Node in order, Chinese intact; Stop ends it', async () => {
    const { page, problems } = await open();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await openWorkspace(page, 'tutorial-subscriber.json', fixture('tutorial-subscriber'));
    const started = Date.now();
    await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
    await waitForConsole(page, 'connected at once');
    const sender = await clients.connect(brokerUrl);
    await untilSubscribed(page, sender, 'classroom/ready');
    const firstMessageMs = Date.now() - started;
    const payloads = ['one', '二：你好，世界', 'three 🚀', 'quote \' " \\ end', ...Array.from({ length: 16 }, (_, i) => `n${i} 消息`)];
    for (const payload of payloads) await sender.publishAsync('classroom/test', payload, { qos: 1 });
    await waitForConsole(page, 'classroom/test: n15 消息');
    const text = await consoleText(page);
    const positions = payloads.map((payload) => text.indexOf(`classroom/test: ${payload}\n`));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The board's client id is shown, and it is the one the broker knows (machine.unique_id of this tab).
    expect(text).toMatch(/mqtt-blocks-[0-9a-f]{12}/);

    expect(await stopAndTime(page)).toBeLessThan(1000);
    await saveScreenshot(page, 'simulator-subscriber.png');
    expect(problems.all()).toEqual([]);
    console.log(`simulator: click to first received message ${firstMessageMs} ms (includes subscribing)`);
  }, 90_000);

  test('the tutorial publisher sends what the pupil types (Chinese too) to a Node subscriber', async () => {
    const { page, problems } = await open();
    await openWorkspace(page, 'tutorial-publisher.json', fixture('tutorial-publisher'));
    const listener = await clients.connect(brokerUrl);
    await listener.subscribeAsync('classroom/chat', { qos: 1 });
    const received: string[] = [];
    listener.on('message', (topic, payload) => {
      if (topic === 'classroom/chat') received.push(payload.toString('utf8'));
    });
    await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
    await waitForConsole(page, 'Message to send:');
    const input = page.getByRole('textbox', { name: 'Type a line for the program, then press Enter' });
    for (const line of ['hello', '你好，模拟器！']) {
      await input.fill(line);
      await input.press('Enter');
    }
    const deadline = Date.now() + 10_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual(['hello', '你好，模拟器！']);
    // The page's monitor names the simulated board as the sender, with the id its console announced.
    const boardId = /mqtt-blocks-[0-9a-f]{12}/.exec(await consoleText(page))?.[0];
    expect(boardId).toBeDefined();
    await page.waitForFunction((id) => (document.getElementById('monitor')?.textContent ?? '').includes(id), boardId as string, WAIT);
    await simulatorRegion(page).getByRole('button', { name: 'Stop', exact: true }).click();
    await waitForConsole(page, 'Stopped.');
    expect(problems.all()).toEqual([]);
  }, 60_000);

  test('Stop ends `while True: pass` within a second, and the next run starts fresh', async () => {
    const { page, problems } = await open();
    await openWorkspace(page, 'tight-loop.json', TIGHT_LOOP);
    await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
    await waitForConsole(page, 'going round 转圈');
    const stopMs = await stopAndTime(page);
    console.log(`simulator: Stop on while True: pass took ${Math.round(stopMs)} ms in the page`);
    expect(stopMs).toBeLessThan(1000);
    // The page is responsive all along, and a second run prints again from the start.
    await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
    await waitForConsole(page, 'going round 转圈');
    expect((await consoleText(page)).match(/going round/g)).toHaveLength(1);
    await simulatorRegion(page).getByRole('button', { name: 'Stop', exact: true }).click();
    await waitForConsole(page, 'Stopped.');
    expect(problems.all()).toEqual([]);
  }, 60_000);

  test('an error shows the traceback with its line and highlights the block it came from', async () => {
    const { page, problems } = await open();
    await openWorkspace(page, 'divide.json', DIVIDE_BY_ZERO);
    await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
    await waitForConsole(page, 'ZeroDivisionError');
    await waitForConsole(page, 'error at line');
    const text = await consoleText(page);
    expect(text).toContain('before\n');
    expect(text).toMatch(/File "main\.py", line \d+/);
    await page.waitForSelector('[data-id="divide-block"].blocklyHighlighted', WAIT);
    // Only that block: not the print before it.
    const highlighted = await page.locator('.blocklyHighlighted').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));
    expect(highlighted).toEqual(['divide-block']);
    expect(problems.all()).toEqual([]);
  }, 60_000);

  test('an error in a message script: the traceback with its line, its block highlighted, the other script still receives', async () => {
    const { page, problems } = await open();
    const workspace = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'broken-hat.workspace.json'), 'utf8');
    const divideLine = generateBoardProgram(JSON.parse(workspace) as object, 'micropython', 'en').main.text.split('\n').indexOf('    print(1 / 0)') + 1;
    expect(divideLine).toBeGreaterThan(0);
    await openWorkspace(page, 'broken-hat.json', workspace);
    await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
    const sender = await clients.connect(brokerUrl);
    await untilSubscribed(page, sender, 'class/fine');
    await sender.publishAsync('class/broken', 'first 第一', { qos: 1 });
    await waitForConsole(page, `A script stopped with an error at line ${divideLine} of main.py`);
    await page.waitForSelector('[data-id="divide-block"].blocklyHighlighted', WAIT);
    // The program goes on: the other hat gets its messages, and the failing one fails again.
    for (const [topic, payload] of [['class/fine', 'still here 还在'], ['class/broken', 'second'], ['class/fine', 'again']]) {
      await sender.publishAsync(topic, payload, { qos: 1 });
    }
    await waitForConsole(page, 'class/fine: again');
    const text = await consoleText(page);
    expect(text).toContain('first 第一\nError in on_message_class_broken: ZeroDivisionError');
    expect(text.match(new RegExp(`File "main\\.py", line ${divideLine}, in on_message_class_broken\nZeroDivisionError: divide by zero\n`, 'g'))).toHaveLength(2);
    expect(text.indexOf('class/fine: still here 还在')).toBeGreaterThan(text.indexOf('first 第一'));
    expect(text.indexOf('class/fine: again')).toBeGreaterThan(text.indexOf('second\n'));
    // Explained once, not after every failure; the traceback itself is shown as an error.
    expect(text.match(/A script stopped with an error/g)).toHaveLength(1);
    expect(await simulatorRegion(page).locator('.simulator-traceback', { hasText: `line ${divideLine}, in on_message_class_broken` }).count()).toBe(2);
    expect(await page.locator('.blocklyHighlighted').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')))).toEqual(['divide-block']);
    expect(text).not.toContain('The program has ended');
    await expect(simulatorRegion(page).getByRole('button', { name: 'Stop', exact: true }).isEnabled()).resolves.toBe(true);
    await saveScreenshot(page, 'simulator-hat-error.png');
    expect(await stopAndTime(page)).toBeLessThan(1000);
    expect(problems.all()).toEqual([]);
  }, 90_000);

  test('two tabs are two boards with their own client ids, both receiving', async () => {
    const first = await open();
    const second = await open();
    for (const { page } of [first, second]) {
      await openWorkspace(page, 'tutorial-subscriber.json', fixture('tutorial-subscriber'));
      await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
    }
    const sender = await clients.connect(brokerUrl);
    for (const { page } of [first, second]) await untilSubscribed(page, sender, 'classroom/both');
    const ids = await Promise.all([first, second].map(async ({ page }) => /mqtt-blocks-[0-9a-f]{12}/.exec(await consoleText(page))?.[0]));
    expect(ids[0]).toBeDefined();
    expect(ids[0]).not.toEqual(ids[1]);
    await sender.publishAsync('classroom/both', '大家好');
    for (const { page } of [first, second]) await waitForConsole(page, 'classroom/both: 大家好');
    for (const { page } of [first, second]) await simulatorRegion(page).getByRole('button', { name: 'Stop', exact: true }).click();
    for (const { page, problems } of [first, second]) {
      await waitForConsole(page, 'Stopped.');
      expect(problems.all()).toEqual([]);
    }
  }, 90_000);

  test('in Chinese: buttons, console name and notes; the Python tab says the simulator runs MicroPython only', async () => {
    const { page, problems } = await open('zh-CN');
    await expect(page.getByRole('log', { name: '模拟器输出' }).count()).resolves.toBe(1);
    await page.getByRole('tab', { name: 'Python（树莓派）' }).click();
    await expect(page.locator('#pane-python').textContent()).resolves.toContain('模拟器只能运行 MicroPython');
    await openWorkspace(page, 'tight-loop.json', TIGHT_LOOP);
    await simulatorRegion(page).getByRole('button', { name: '在模拟器中运行', exact: true }).click();
    await waitForConsole(page, 'going round 转圈');
    await simulatorRegion(page).getByRole('button', { name: '停止', exact: true }).click();
    await waitForConsole(page, '已停止');
    await saveScreenshot(page, 'simulator-zh.png');
    expect(problems.all()).toEqual([]);
  }, 60_000);
  test('a module or board feature the simulator lacks gets one clear line naming it, no traceback', async () => {
    const { page, problems } = await open();
    await runMain(page, "print('start')\nimport neopixel\n");
    await waitForConsole(page, 'This program uses neopixel');
    let text = await consoleText(page);
    expect(text).toContain('start\n');
    expect(text).not.toContain('Traceback');
    expect(text.match(/neopixel/g)).toHaveLength(1);

    await runMain(page, 'from machine import ADC\nADC(0)\n');
    await waitForConsole(page, 'ADC, which the simulator does not have');
    text = await consoleText(page);
    expect(text).not.toContain('Traceback');
    expect(problems.all()).toEqual([]);
  }, 60_000);

  test('machine.Pin drives an LED on the page and reads a held button', async () => {
    const { page, problems } = await open();
    await runMain(
      page,
      [
        'from machine import Pin',
        'import time',
        'led = Pin(2, Pin.OUT)',
        'button = Pin(0, Pin.IN, Pin.PULL_UP)',
        "print('ready')",
        'while True:',
        '    led.value(0 if button.value() else 1)',
        '    time.sleep_ms(20)',
        '',
      ].join('\n'),
    );
    await waitForConsole(page, 'ready');
    const led = (state: string) => page.getByRole('img', { name: `LED on GPIO 2: ${state}` });
    await led('off').waitFor(WAIT);
    const button = page.getByRole('button', { name: 'Button on GPIO 0 (hold to press)' });
    await button.hover();
    await page.mouse.down();
    await led('on').waitFor(WAIT);
    await page.mouse.up();
    await led('off').waitFor(WAIT);
    expect(await stopAndTime(page)).toBeLessThan(1000);
    expect(problems.all()).toEqual([]);
  }, 60_000);

  test('messages keep arriving while the program sleeps; sleep really waits; ticks wrap like a board', async () => {
    const { page, problems } = await open();
    const sender = await clients.connect(brokerUrl);
    await runMain(
      page,
      [
        'import time',
        'from umqtt.simple import MQTTClient',
        'got = []',
        "c = MQTTClient(b'sleeper', '192.168.1.2', port=1883)",
        'c.set_callback(lambda t, m: got.append((t, m)))',
        'c.connect()',
        "c.subscribe(b'sim/sleep', qos=1)",
        "print('sleeping')",
        't = time.ticks_ms()',
        'time.sleep(1.5)',
        "print('slept', 1400 <= time.ticks_diff(time.ticks_ms(), t) < 3000)",
        'while len(got) < 5:',
        '    c.wait_msg()',
        'for topic, msg in got:',
        "    print(topic.decode(), msg.decode())",
        "print('ticks', time.ticks_add(2**30 - 1, 1), time.ticks_diff(0, 2**30 - 1))",
        'try:',
        "    c.publish('主题', b'x')",
        'except ValueError as e:',
        "    print('refused:', e)",
        'try:',
        "    c.publish(b'sim/x', b'x', qos=2)",
        'except AssertionError:',
        "    print('no QoS 2')",
        'c.disconnect()',
        '',
      ].join('\n'),
    );
    await waitForConsole(page, 'sleeping');
    const payloads = ['a', '二', 'c 🚀', 'd', 'e 完'];
    for (const payload of payloads) await sender.publishAsync('sim/sleep', payload, { qos: 1 });
    await waitForConsole(page, 'The program has ended.');
    const text = await consoleText(page);
    expect(text).toContain('slept True');
    expect(text).toContain(payloads.map((payload) => `sim/sleep ${payload}\n`).join(''));
    expect(text).toContain('ticks 0 1');
    expect(text).toContain('refused: topic is a str with non-ASCII text');
    expect(text).toContain('no QoS 2');
    expect(text).toContain('the simulated board uses the classroom broker');
    expect(problems.all()).toEqual([]);
  }, 60_000);

  test('machine.reset() restarts the program; Stop still ends it', async () => {
    const { page, problems } = await open();
    await runMain(page, "print('boot')\nimport machine, time\ntime.sleep_ms(100)\nmachine.reset()\n");
    await page.waitForFunction((selector) => (document.querySelector(selector)?.textContent ?? '').split('boot\n').length > 2, CONSOLE, WAIT);
    expect(await consoleText(page)).toContain('machine.reset(): the simulated board restarts the program.');
    await simulatorRegion(page).getByRole('button', { name: 'Stop', exact: true }).click();
    await waitForConsole(page, 'Stopped.');
    await expect(simulatorRegion(page).getByRole('button', { name: 'Stop', exact: true }).isDisabled()).resolves.toBe(true);
    expect(problems.all()).toEqual([]);
  }, 60_000);
});
