/**
 * Simulator benchmark (board page in Chromium, classroom server in this process):
 * - time from the click on "Run in simulator" to the program's first print, first and second run;
 * - messages a second a counting hat handles in the simulator, next to the same main.py and
 *   mqtt_blocks.py under CPython against the same broker. CPython runs micropython-lib's real
 *   umqtt.simple when UMQTT_SIMPLE_DIR names a folder holding its umqtt/simple.py (it is not
 *   shipped with this project and cannot be installed from here), otherwise this project's socket
 *   stand-in with its API (bench/support/cpython-board/). Two programs: the generated one (the
 *   library serves one message per 10 ms turn of `wait_msg()`, on a board too) and a bare
 *   umqtt.simple `wait_msg()` loop.
 *
 *   npm run bench            (all benchmarks)
 *   npx tsx bench/simulator.ts [messages for the bare loop]
 *   UMQTT_SIMPLE_DIR=/path/to/micropython-lib/micropython/umqtt.simple npx tsx bench/simulator.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { Page } from 'playwright-core';
import { generateBoardProgram } from '../src/generators/headless';
import { startClassroomServer, type ClassroomServer } from '../src/server';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt } from '../test/support/browser';
import { chromiumCheck, DEBIAN_PYTHON } from '../test/support/system-tool';

const RAW_MESSAGES = Number(process.argv[2] ?? 2000);
/** The generated program takes at most 100 a second (one per 10 ms turn): fewer keep the run short. */
const HAT_MESSAGES = 500;
const TIME_LIMIT_MS = 60_000;
const CONSOLE = '[role="log"].simulator-console';
const CPYTHON_BOARD = path.join(__dirname, 'support', 'cpython-board');

const text = (id: string, value: string) => ({ shadow: { type: 'text', id, fields: { TEXT: value } } });

/** count = 0, connect, print ready; when message on bench/count: count = count + 1, print count. */
function countingWorkspace(brokerUrl: string): string {
  const count = { id: 'v1' };
  return JSON.stringify({
    variables: [{ name: 'count', id: 'v1' }],
    blocks: {
      languageVersion: 0,
      blocks: [
        {
          type: 'variables_set', id: 's0', x: 20, y: 20, fields: { VAR: count },
          inputs: { VALUE: { block: { type: 'math_number', id: 'z', fields: { NUM: 0 } } } },
          next: { block: {
            type: 'mqtt_connect', id: 'c', inputs: { URL: text('u', brokerUrl), USERNAME: text('un', ''), PASSWORD: text('pw', '') },
            next: { block: { type: 'text_print', id: 'p', inputs: { TEXT: text('t', 'ready') } } },
          } },
        },
        {
          type: 'mqtt_whenMessage', id: 'h', x: 20, y: 240, inputs: { TOPIC: text('tp', 'bench/count') },
          next: { block: {
            type: 'variables_set', id: 's1', fields: { VAR: count },
            inputs: { VALUE: { block: { type: 'math_arithmetic', id: 'a', fields: { OP: 'ADD' }, inputs: {
              A: { block: { type: 'variables_get', id: 'g0', fields: { VAR: count } } },
              B: { block: { type: 'math_number', id: 'one', fields: { NUM: 1 } } },
            } } } },
            next: { block: { type: 'text_print', id: 'p2', inputs: { TEXT: { block: { type: 'variables_get', id: 'g', fields: { VAR: count } } } } } },
          } },
        },
      ],
    },
  });
}

const HELLO_WORKSPACE = JSON.stringify({
  blocks: { languageVersion: 0, blocks: [{ type: 'text_print', id: 'p', x: 20, y: 20, inputs: { TEXT: text('t', 'hello 你好') } }] },
});

/** umqtt.simple alone: count messages in the callback, wait_msg() forever. */
function bareLoop(host: string, port: number, messages: number): string {
  return [
    'import machine',
    'from umqtt.simple import MQTTClient',
    'count = 0',
    'def counted(topic, msg):',
    '    global count',
    '    count += 1',
    `    if count == ${messages}:`,
    "        print('counted', count)",
    "client = MQTTClient(('bench-' + ''.join('%02x' % b for b in machine.unique_id())).encode(), " + JSON.stringify(host) + `, port=${port})`,
    'client.set_callback(counted)',
    'client.connect()',
    "client.subscribe(b'bench/raw')",
    "print('ready')",
    'while True:',
    '    client.wait_msg()',
    '',
  ].join('\n');
}

async function publishMany(client: MqttClient, topic: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    client.publish(topic, String(i));
    // Let the socket drain now and then, so the publisher itself is never the limit.
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + TIME_LIMIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The simulator panel (a region named by its heading): the page has other Stop buttons (USB upload). */
const simulatorRegion = (page: Page) => page.locator('#simulator');

const consoleHas = (page: Page, needle: string) => page.locator(CONSOLE).evaluate((node, n) => (node.textContent ?? '').includes(n), needle);

/** Milliseconds from the click on Run to `needle` in the console, measured in the page. */
async function clickToPrint(page: Page, needle: string): Promise<number> {
  await page.evaluate(
    ([selector, text]) => {
      const state = window as unknown as { __firstPrint?: { clicked?: number; printed?: number } };
      const times: { clicked?: number; printed?: number } = {};
      state.__firstPrint = times;
      document.getElementById('simulator-run')?.addEventListener('click', () => (times.clicked = performance.now()), { once: true, capture: true });
      const log = document.querySelector(selector) as HTMLElement;
      const observer = new MutationObserver(() => {
        if (times.clicked !== undefined && (log.textContent ?? '').includes(text)) {
          times.printed = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(log, { childList: true, subtree: true, characterData: true });
    },
    [CONSOLE, needle] as const,
  );
  await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
  await page.waitForFunction(() => (window as unknown as { __firstPrint: { printed?: number } }).__firstPrint.printed !== undefined, undefined, { timeout: TIME_LIMIT_MS });
  return page.evaluate(() => {
    const times = (window as unknown as { __firstPrint: { clicked: number; printed: number } }).__firstPrint;
    return times.printed - times.clicked;
  });
}

async function openWorkspace(page: Page, content: string): Promise<void> {
  await page.setInputFiles('#open-file', { name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
  await page.waitForFunction(() => document.querySelector('#pane-micropython .code-output code')?.textContent?.includes('main.py') ?? false);
}

/** Messages a second from the first publish to the program's print of `done`. */
async function simulatorRate(page: Page, publisher: MqttClient, topic: string, count: number, done: string): Promise<number> {
  await waitFor(() => consoleHas(page, 'ready'), 'the simulated board to subscribe');
  const started = performance.now();
  await publishMany(publisher, topic, count);
  await waitFor(() => consoleHas(page, done), `the simulated board to count ${count} messages`);
  const rate = count / ((performance.now() - started) / 1000);
  await simulatorRegion(page).getByRole('button', { name: 'Stop', exact: true }).click();
  await waitFor(() => consoleHas(page, 'Stopped.'), 'Stop');
  return rate;
}

async function cpythonRate(files: Array<{ name: string; text: string }>, publisher: MqttClient, topic: string, count: number, done: string): Promise<number> {
  const folder = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-bench-'));
  for (const file of files) writeFileSync(path.join(folder, file.name), file.text);
  const child: ChildProcess = spawn(DEBIAN_PYTHON, ['-u', path.join(CPYTHON_BOARD, 'run_board.py'), folder], { env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  try {
    await waitFor(() => output.includes('ready') || child.exitCode !== null, 'CPython to subscribe');
    if (!output.includes('ready')) throw new Error(`the CPython board stopped: ${output}`);
    const started = performance.now();
    await publishMany(publisher, topic, count);
    await waitFor(() => output.includes(done), `CPython to count ${count} messages`);
    return count / ((performance.now() - started) / 1000);
  } finally {
    child.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function runSimulatorBenchmark(): Promise<void> {
  console.log('Simulator (board page in Chromium, MicroPython WebAssembly in a worker)');
  const chromium = chromiumCheck();
  if (!chromium.available) {
    console.log(`  skipped: ${chromium.reason}`);
    return;
  }
  requireBuilt('board-editor.js', 'simulator-worker.js', 'micropython/micropython.wasm');
  const server: ClassroomServer = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {} });
  const browser = await launchChromium();
  const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${server.tcpPort}`);
  try {
    const { page } = await newWatchedPage(browser);
    await page.goto(`http://127.0.0.1:${server.httpPort}/board/`, { waitUntil: 'load' });
    await page.waitForSelector('.blocklyToolbox');

    await openWorkspace(page, HELLO_WORKSPACE);
    const first = await clickToPrint(page, 'hello 你好');
    await waitFor(() => consoleHas(page, 'The program has ended.'), 'the first run to end');
    const second = await clickToPrint(page, 'hello 你好');
    await waitFor(() => consoleHas(page, 'The program has ended.'), 'the second run to end');
    console.log(`  click on "Run in simulator" to the first print: first run ${first.toFixed(0)} ms, second run ${second.toFixed(0)} ms (next board booted in advance)`);

    const workspace = countingWorkspace(`mqtt://127.0.0.1:${server.tcpPort}`);
    const program = generateBoardProgram(workspace, 'micropython', 'en');
    const files = [program.main, ...(program.library ? [program.library] : [])].map(({ name, text: body }) => ({ name, text: body }));
    await openWorkspace(page, workspace);
    await simulatorRegion(page).getByRole('button', { name: 'Run in simulator', exact: true }).click();
    const hatSimulator = await simulatorRate(page, publisher, 'bench/count', HAT_MESSAGES, `\n${HAT_MESSAGES}\n`);
    const hatCpython = await cpythonRate(files, publisher, 'bench/count', HAT_MESSAGES, `\n${HAT_MESSAGES}\n`);

    const bare = (host: string, port: number) => [{ name: 'main.py', text: bareLoop(host, port, RAW_MESSAGES) }];
    await page.evaluate((main) => window.mqttBlocksSimulator?.runFiles(main), bare('127.0.0.1', server.tcpPort));
    const bareSimulator = await simulatorRate(page, publisher, 'bench/raw', RAW_MESSAGES, `counted ${RAW_MESSAGES}`);
    const bareCpython = await cpythonRate(bare('127.0.0.1', server.tcpPort), publisher, 'bench/raw', RAW_MESSAGES, `counted ${RAW_MESSAGES}`);

    const row = (label: string, simulated: number, cpython: number) =>
      console.log(`  ${label.padEnd(58)} simulator ${simulated.toFixed(0).padStart(6)}/s   CPython ${cpython.toFixed(0).padStart(6)}/s   ratio ${(simulated / cpython).toFixed(2)}`);
    const umqttSimple = process.env.UMQTT_SIMPLE_DIR ? `micropython-lib's umqtt.simple from ${process.env.UMQTT_SIMPLE_DIR}` : 'the socket umqtt.simple stand-in';
    console.log(`  counting hat, messages a second (same main.py, same broker; CPython with ${umqttSimple}):`);
    row(`generated program (${HAT_MESSAGES} msgs; library: one per 10 ms turn)`, hatSimulator, hatCpython);
    row(`bare umqtt.simple wait_msg() loop (${RAW_MESSAGES} msgs)`, bareSimulator, bareCpython);
  } finally {
    await publisher.endAsync();
    await browser.close();
    await server.close();
  }
}

if (require.main === module) {
  runSimulatorBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
