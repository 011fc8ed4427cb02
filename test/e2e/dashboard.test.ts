/**
 * The classroom dashboard (/dashboard/) in Chromium against a real classroom server: charts for
 * numeric topics and only for them, who sent each message, Chinese topics, markup shown as text,
 * search, pins, grouping, CSV export, and a teacher's control whose publish reaches a Node client.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, saveScreenshot, type OpenedPage } from '../support/browser';
import { useClassroomBrowser } from '../support/classroom-browser';
import { ClientPool, nextMessage, rawGet, withTimeout } from '../server/helpers';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const WAIT = { timeout: 15_000 };

/** Accessible names of the charts on screen, as assistive technology reads them. */
const chartNames = (page: Page): Promise<string[]> =>
  page.getByRole('img').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));

describeWithTool(chromiumCheck(), 'classroom dashboard page (Chromium)', () => {
  const classroom = useClassroomBrowser(['dashboard.js', 'uPlot.min.css']);
  const clients = new ClientPool();

  const openDashboard = async (locale = 'en-US'): Promise<OpenedPage> => {
    const opened = await classroom.open({ locale, acceptDownloads: true });
    await opened.page.goto(`http://127.0.0.1:${classroom.server.httpPort}/dashboard/`, { waitUntil: 'load', ...WAIT });
    await opened.page.waitForSelector('#feed-status[data-state="live"]', WAIT);
    return opened;
  };

  afterEach(() => clients.endAll());

  test('the home page, the board page and the monitor link to the dashboard', async () => {
    for (const page of ['/', '/board/', '/monitor/']) {
      const html = await (await fetch(`http://127.0.0.1:${classroom.server.httpPort}${page}`)).text();
      expect(html).toContain('href="/dashboard/"');
    }
  });

  test('charts numeric topics and only them, with last value, sender and rate', async () => {
    const { page, problems } = await openDashboard();
    const board = await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`, { clientId: 'esp32-group1' });
    await board.publishAsync('c1/group1/temperature', '21.5');
    await board.publishAsync('c1/group1/env', JSON.stringify({ temp: 20.25, hum: 40, name: 'kitchen', ok: true }));
    await board.publishAsync('c1/group1/status', 'online');
    await board.publishAsync('c1/group1/flag', 'true');
    await board.publishAsync('c1/group1/hex', '0x10');
    await board.publishAsync('c1/group1/temperature', '22');
    await page.locator('.text-row[data-topic="c1/group1/hex"]').waitFor(WAIT);
    await page.waitForFunction(() => document.querySelector('.chart-card[data-topic="c1/group1/temperature"] .card-number')?.textContent === '22', undefined, WAIT);

    const names = await chartNames(page);
    expect(names).toHaveLength(2);
    expect(names.find((name) => name.includes('c1/group1/temperature'))).toContain('22');
    expect(names.find((name) => name.includes('c1/group1/env'))).toMatch(/temp 20\.25.*hum 40/);
    // Text topics are listed, not charted.
    const textTopics = await page.locator('.text-row .text-topic').allTextContents();
    expect(textTopics.sort()).toEqual(['c1/group1/flag', 'c1/group1/hex', 'c1/group1/status']);
    const card = page.locator('.chart-card[data-topic="c1/group1/temperature"]');
    await expect(card.locator('.card-sender').textContent()).resolves.toBe('from esp32-group1');
    await expect(card.locator('.card-rate').textContent()).resolves.toMatch(/^\d+(\.\d)? msg\/s$/);
    await expect(page.locator('.text-row[data-topic="c1/group1/status"] .text-sender').textContent()).resolves.toBe('from esp32-group1');
    // The chart is drawn by uPlot onto a canvas inside the role=img element.
    expect(await card.locator('[role="img"] canvas').count()).toBe(1);
    await expect(page.locator('.group[data-group="c1/group1"] .group-title').textContent()).resolves.toBe('c1 / group1');
    await saveScreenshot(page, 'dashboard-en.png');
    expect(problems.all()).toEqual([]);
  });

  test('Chinese topics render, markup in payloads stays text, and the page speaks Chinese', async () => {
    const { page, problems } = await openDashboard('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toBe('课堂仪表板');
    const client = await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`, { clientId: '第一组的板子' });
    const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await client.publishAsync('教室/第一组/温度', '23.5');
    await client.publishAsync('教室/第一组/备注', hostile);
    await client.publishAsync(`教室/第一组/<b>粗体</b>`, '7');
    const chart = page.getByRole('img', { name: /教室\/第一组\/温度/ });
    await chart.waitFor(WAIT);
    await expect(chart.getAttribute('aria-label')).resolves.toContain('最新值 23.5');
    await page.getByRole('img', { name: /<b>粗体<\/b>/ }).waitFor(WAIT);
    const note = page.locator('.text-row', { hasText: '教室/第一组/备注' });
    await note.waitFor(WAIT);
    await expect(note.locator('.text-payload').textContent()).resolves.toBe(hostile);
    await expect(note.locator('.text-sender').textContent()).resolves.toBe('来自 第一组的板子');
    expect(await page.locator('.dash-groups img, .dash-groups script, .dash-groups b').count()).toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
    await saveScreenshot(page, 'dashboard-zh.png');
    expect(problems.all()).toEqual([]);
  });

  test('search, pins and grouping by levels', async () => {
    const { page, problems } = await openDashboard();
    const client = await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`);
    for (const topic of ['s/class3/g2/temp', 's/class3/g10/temp', 's/class4/g1/temp', 's/class4/g1/light']) await client.publishAsync(topic, '1');
    await page.getByRole('img', { name: /s\/class4\/g1\/light/ }).waitFor(WAIT);

    const groupsOf = (): Promise<string[]> =>
      page.$$eval('.group:not([hidden]):not(.group-pinned)', (nodes) => nodes.map((node) => (node as HTMLElement).dataset.group ?? '').filter((group) => group.startsWith('s/')));
    // Numbers in names sort as numbers: g2 before g10.
    expect(await groupsOf()).toEqual(['s/class3/g2', 's/class3/g10', 's/class4/g1']);

    await page.fill('#search', 's/+/g1/#');
    expect((await chartNames(page)).map((name) => name.split(': ')[0])).toEqual(['Chart of s/class4/g1/light', 'Chart of s/class4/g1/temp']);
    await page.fill('#search', 'CLASS3');
    expect(await groupsOf()).toEqual(['s/class3/g2', 's/class3/g10']);
    await page.fill('#search', 'no such topic anywhere');
    await expect(page.locator('#nothing-matches').isVisible()).resolves.toBe(true);
    await page.fill('#search', '');

    await page.selectOption('#group-by', '2');
    expect(await groupsOf()).toEqual(['s/class3', 's/class4']);
    await expect(page.locator('.group[data-group="s/class4"] .chart-card').count()).resolves.toBe(2);

    // Pinning moves the chart to the top, and survives a reload.
    const card = page.locator('.chart-card[data-topic="s/class4/g1/light"]');
    await card.locator('.pin-button').click();
    await expect(page.locator('.group-pinned .chart-card').getAttribute('data-topic')).resolves.toBe('s/class4/g1/light');
    await expect(card.locator('.pin-button').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.reload({ waitUntil: 'load' });
    await client.publishAsync('s/class4/g1/light', '2');
    await page.locator('.group-pinned .chart-card[data-topic="s/class4/g1/light"]').waitFor(WAIT);
    await page.locator('.group-pinned .pin-button').click();
    await expect(page.locator('.group-pinned .chart-card').count()).resolves.toBe(0);
    expect(problems.all()).toEqual([]);
  });

  test('CSV export of a topic and of a group, with the sender of every value', async () => {
    const { page, problems } = await openDashboard();
    const client = await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`, { clientId: '=cmd|calc' });
    // Each one shown before the next is sent, so they reach the server in different milliseconds:
    // rows of a group are in time order (same-millisecond rows would be in topic order).
    await client.publishAsync('csv/g1/a', '1.5');
    await page.locator('.chart-card[data-topic="csv/g1/a"]').waitFor(WAIT);
    await client.publishAsync('csv/g1/b', '{"x": 2, "y": -3}');
    await page.locator('.chart-card[data-topic="csv/g1/b"]').waitFor(WAIT);
    await client.publishAsync('csv/g1/a', '2.5');
    await page.waitForFunction(() => document.querySelector('.chart-card[data-topic="csv/g1/a"] .card-number')?.textContent === '2.5', undefined, WAIT);

    const [topicFile] = await Promise.all([page.waitForEvent('download', WAIT), page.locator('.chart-card[data-topic="csv/g1/a"] .csv-button').click()]);
    expect(topicFile.suggestedFilename()).toBe('csv_g1_a.csv');
    const topicCsv = readFileSync(await topicFile.path(), 'utf8');
    const lines = topicCsv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('time,unix_ms,topic,client,value');
    expect(lines.slice(1).map((line) => line.split(',').slice(2).join(','))).toEqual(["csv/g1/a,'=cmd|calc,1.5", "csv/g1/a,'=cmd|calc,2.5"]);

    const [groupFile] = await Promise.all([page.waitForEvent('download', WAIT), page.locator('.group[data-group="csv/g1"] .csv-group').click()]);
    const groupLines = readFileSync(await groupFile.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(groupLines[0]).toBe('time,unix_ms,topic,client,value,x,y');
    expect(groupLines.slice(1).map((line) => line.split(',').slice(2).join(','))).toEqual([
      "csv/g1/a,'=cmd|calc,1.5,,",
      "csv/g1/b,'=cmd|calc,,2,-3",
      "csv/g1/a,'=cmd|calc,2.5,,",
    ]);
    expect(problems.all()).toEqual([]);
  });

  test('charts keep the earlier readings after a reload and in a second tab opened later (server history), and CSV has them', async () => {
    const board = await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`, { clientId: 'esp32-history' });
    const readings = Array.from({ length: 30 }, (_, i) => 20 + i / 10);
    for (const value of readings) await board.publishAsync('hist/g1/temp', String(value));
    await board.publishAsync('hist/g1/env', JSON.stringify({ temp: 19.5, hum: 41 }));
    // More than the monitor replays (200): the readings can only come from the server's chart history.
    for (let i = 0; i < 250; i += 1) await board.publishAsync('hist/noise', `text ${i}`);

    const chartData = async (page: Page, count: number): Promise<string[]> => {
      const chart = page.getByRole('img', { name: /hist\/g1\/temp/ });
      // Charts off screen are not drawn: earlier tests' topics are on this server too.
      await page.fill('#search', 'hist/g1');
      await chart.scrollIntoViewIfNeeded(WAIT);
      await page.waitForFunction((n) => document.querySelector('.chart-card[data-topic="hist/g1/temp"] [role="img"]')?.getAttribute('data-points') === String(n), count, WAIT);
      await expect(chart.getAttribute('aria-label')).resolves.toContain(String(readings[readings.length - 1]));
      const [file] = await Promise.all([page.waitForEvent('download', WAIT), page.locator('.chart-card[data-topic="hist/g1/temp"] .csv-button').click()]);
      const lines = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('time,unix_ms,topic,client,value');
      return lines.slice(1).map((line) => line.split(',').slice(2).join(','));
    };
    const expected = readings.map((value) => `hist/g1/temp,esp32-history,${value}`);

    const { page, problems } = await openDashboard();
    expect(await chartData(page, 30)).toEqual(expected);
    await page.getByRole('img', { name: /hist\/g1\/env/ }).waitFor(WAIT);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('#feed-status[data-state="live"]', WAIT);
    expect(await chartData(page, 30)).toEqual(expected);

    // Live readings continue the same chart, once each.
    readings.push(23.5, 23.6);
    for (const value of readings.slice(30)) await board.publishAsync('hist/g1/temp', String(value));
    expected.push(...readings.slice(30).map((value) => `hist/g1/temp,esp32-history,${value}`));
    expect(await chartData(page, 32)).toEqual(expected);
    // A second tab (the projector) opened later sees the same history.
    const second = await openDashboard('zh-CN');
    expect(await chartData(second.page, 32)).toEqual(expected);
    await expect(second.page.locator('#history-help').textContent()).resolves.toContain('10 分钟');
    await expect(page.locator('#history-help').textContent()).resolves.toContain('10 minutes');
    expect(problems.all()).toEqual([]);
    expect(second.problems.all()).toEqual([]);
  });

  test("a teacher's switch, slider and text box publish with the chosen QoS and retain, and follow the topic", async () => {
    const { page, problems } = await openDashboard();
    await page.waitForSelector('.controls-status[data-state="live"]', WAIT);
    const listener = await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`);
    await listener.subscribeAsync('lab/#', { qos: 2 });

    await page.getByRole('button', { name: 'Add a control' }).click();
    await page.selectOption('select[name="kind"]', 'switch');
    await page.fill('input[name="label"]', 'Lamp');
    await page.fill('input[name="topic"]', 'lab/lamp');
    await page.fill('input[name="on"]', 'ON');
    await page.fill('input[name="off"]', 'OFF');
    await page.selectOption('select[name="qos"]', '1');
    await page.check('input[name="retain"]');
    await page.getByRole('button', { name: 'Add', exact: true }).click();

    const received = new Promise<{ payload: string; qos: number }>((resolve) => {
      listener.once('message', (_topic, payload, packet) => resolve({ payload: payload.toString(), qos: packet.qos }));
    });
    await page.getByRole('switch', { name: 'Lamp' }).click();
    await expect(withTimeout(received, 5000, 'switch publish')).resolves.toEqual({ payload: 'ON', qos: 1 });
    // Retained: a board that connects later still learns the lamp is on.
    const late = await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`);
    const retained = nextMessage(late, 'lab/lamp');
    await late.subscribeAsync('lab/lamp');
    await expect(retained.then((message) => [message.payload.toString(), message.retain])).resolves.toEqual(['ON', true]);
    // A pupil's program turns it off: the switch shows it.
    await listener.publishAsync('lab/lamp', 'OFF');
    await page.waitForSelector('[role="switch"][aria-checked="false"]', WAIT);

    // A wildcard topic is refused with the blocks' own explanation, and nothing is added.
    await page.getByRole('button', { name: 'Add a control' }).click();
    await page.fill('input[name="topic"]', 'lab/#');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('contains + or #');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.control').count()).toBe(1);

    // A slider sends its value when let go; a text box sends what was typed, markup and Chinese included.
    await page.getByRole('button', { name: 'Add a control' }).click();
    await page.selectOption('select[name="kind"]', 'slider');
    await page.fill('input[name="label"]', 'Fan speed');
    await page.fill('input[name="topic"]', 'lab/fan');
    await page.fill('input[name="min"]', '0');
    await page.fill('input[name="max"]', '1');
    await page.fill('input[name="step"]', '0.1');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const fan = nextMessage(listener, 'lab/fan');
    await page.getByRole('slider', { name: 'Fan speed' }).evaluate((input: HTMLInputElement) => {
      input.value = '0.3';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(fan.then((message) => message.payload.toString())).resolves.toBe('0.3');
    await page.getByRole('button', { name: 'Add a control' }).click();
    await page.selectOption('select[name="kind"]', 'text');
    await page.fill('input[name="label"]', 'Say');
    await page.fill('input[name="topic"]', 'lab/屏幕');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const said = nextMessage(listener, 'lab/屏幕');
    await page.getByRole('textbox', { name: 'Say' }).fill('<b>你好</b>');
    await page.getByRole('textbox', { name: 'Say' }).press('Enter');
    await expect(said.then((message) => message.payload.toString())).resolves.toBe('<b>你好</b>');
    await expect(page.locator('.control[data-kind="text"] .control-feedback').textContent()).resolves.toBe('Sent: <b>你好</b>');
    expect(await page.locator('.controls-list b').count()).toBe(0);

    // The controls are remembered in this browser.
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('switch', { name: 'Lamp' }).waitFor(WAIT);
    await page.getByRole('slider', { name: 'Fan speed' }).waitFor(WAIT);
    expect(problems.all()).toEqual([]);
  });

  test('the connections panel lists who is connected, with user, address and since when', async () => {
    const { page, problems } = await openDashboard();
    await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`, { clientId: 'group3-board' });
    // A client id is the pupil's choice: markup in it is shown as text.
    await clients.connect(`mqtt://127.0.0.1:${classroom.server.tcpPort}`, { clientId: '<img src=x onerror=alert(1)>' });
    await page.locator('.connected-list li', { hasText: '<img src=x onerror=alert(1)>' }).waitFor(WAIT);
    expect(await page.locator('#connections img').count()).toBe(0);
    const row = page.locator('.connected-list li[data-client-id="group3-board"]');
    await row.waitFor(WAIT);
    await expect(row.locator('.connection-detail').textContent()).resolves.toMatch(/^127\.0\.0\.1 · board \(TCP\) · since \d\d:\d\d:\d\d$/);
    // The dashboard's own controls are a client too, over WebSocket.
    await expect(page.locator('.connected-list li', { hasText: 'browser (WebSocket)' }).count()).resolves.toBeGreaterThan(0);
    await clients.endAll();
    await row.waitFor({ state: 'detached', ...WAIT });
    expect(problems.all()).toEqual([]);
  });
});

/**
 * The same access rules as the monitor feed when the classroom broker needs a login (as with
 * --lan): the page and both feeds ask for the teacher's login or the viewer code; the controls
 * publish only after the teacher signs them in; refused boards show with their reason.
 */
describeWithTool(chromiumCheck(), 'classroom dashboard with a login, as in --lan (Chromium)', () => {
  const TEACHER = { username: 'teacher', password: 'tiger-maple-4821' };
  let server: ClassroomServer;
  let browser: Browser;
  const pages: OpenedPage[] = [];
  const clients = new ClientPool();
  const base = (): string => `http://127.0.0.1:${server.httpPort}`;
  const basic = (username: string, password: string): Record<string, string> => ({
    Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
  });

  beforeAll(async () => {
    requireBuilt('dashboard.js');
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {}, ...TEACHER, viewerCode: 'owl-7261' });
    browser = await launchChromium();
  }, 60_000);

  afterEach(async () => {
    await clients.endAll();
    for (const { context } of pages.splice(0)) await context.close().catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 30_000);

  test('page and feeds ask for a login; the teacher and the viewer code get in', async () => {
    for (const path of ['/dashboard/', '/api/dashboard/connections', '/api/monitor', '/api/monitor?history=charts']) {
      const anonymous = await fetch(`${base()}${path}`);
      expect([path, anonymous.status]).toEqual([path, 401]);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic /);
      await anonymous.body?.cancel();
    }
    for (const login of [basic(TEACHER.username, TEACHER.password), basic('viewer', 'owl-7261')]) {
      const controller = new AbortController();
      const feed = await fetch(`${base()}/api/dashboard/connections`, { headers: login, signal: controller.signal });
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/^text\/event-stream/);
      // No CORS: another web site the teacher visits cannot read who is connected.
      expect(feed.headers.get('access-control-allow-origin')).toBeNull();
      controller.abort();
    }
    // A foreign Host (DNS rebinding) is refused even with the right login.
    // (fetch cannot set Host, so a raw request.)
    const foreign = await rawGet(server.httpPort, '/api/dashboard/connections', { ...basic(TEACHER.username, TEACHER.password), Host: 'evil.example' });
    expect(foreign.status).toBe(403);
  });

  test('controls publish once signed in; a refused board shows with its reason', async () => {
    const opened = await newWatchedPage(browser, { httpCredentials: TEACHER });
    pages.push(opened);
    const { page, problems } = opened;
    await page.goto(`${base()}/dashboard/`, { waitUntil: 'load', ...WAIT });
    await page.waitForSelector('#feed-status[data-state="live"]', WAIT);
    await expect(page.locator('.controls-status').textContent()).resolves.toContain('sign in');

    const wrong = clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`, { clientId: 'group4-board', username: 'teacher', password: 'guess' });
    await expect(wrong).rejects.toThrow();
    const refused = page.locator('.refused-list li', { hasText: 'group4-board' });
    await refused.waitFor(WAIT);
    await expect(refused.locator('.connection-reason').textContent()).resolves.toContain('wrong username or password');

    const board = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`, { clientId: 'group1-board', ...TEACHER });
    await expect(page.locator('.connected-list li[data-client-id="group1-board"] .connection-detail').textContent({ timeout: 15_000 })).resolves.toContain('user teacher');
    await board.subscribeAsync('lan/lamp', { qos: 1 });

    await page.fill('#sign-in input[name="username"]', TEACHER.username);
    await page.fill('#sign-in input[name="password"]', TEACHER.password);
    await page.getByRole('button', { name: 'Connect the controls' }).click();
    await page.waitForSelector('.controls-status[data-state="live"]', WAIT);
    await page.getByRole('button', { name: 'Add a control' }).click();
    await page.selectOption('select[name="kind"]', 'button');
    await page.fill('input[name="topic"]', 'lan/lamp');
    await page.fill('input[name="payload"]', 'toggle');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const received = nextMessage(board, 'lan/lamp');
    await page.locator('.control-button').click();
    await expect(received.then((message) => message.payload.toString())).resolves.toBe('toggle');
    expect(problems.all()).toEqual([]);
  });

  test('the viewer code sees the charts', async () => {
    const opened = await newWatchedPage(browser, { httpCredentials: { username: 'viewer', password: 'owl-7261' } });
    pages.push(opened);
    const { page, problems } = opened;
    await page.goto(`${base()}/dashboard/`, { waitUntil: 'load', ...WAIT });
    await page.waitForSelector('#feed-status[data-state="live"]', WAIT);
    const board = await clients.connect(`mqtt://127.0.0.1:${server.tcpPort}`, TEACHER);
    await board.publishAsync('lan/group2/temperature', '19.5');
    await page.getByRole('img', { name: /lan\/group2\/temperature/ }).waitFor(WAIT);
    expect(problems.all()).toEqual([]);
  });
});
