/**
 * The dashboard under a classroom's load: 60 charted topics, 10 messages a second each (600 a
 * second through the broker and the monitor feed), in headless Chromium. Prints frame intervals
 * (what the teacher sees as smoothness), the main thread's busy share and how far the charts lag
 * behind the last message, idle and loaded, with all 60 charts on screen and in a laptop window
 * (where charts scrolled out of view are not drawn). Figures, not pass/fail: compare the rows.
 *
 *   npm run build && npx tsx bench/dashboard-frames.ts
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../src/server';
import { DIST_DIR, launchChromium, requireBuilt } from '../test/support/browser';

const TOPICS = 60;
const RATE_PER_TOPIC = 10;
const MEASURE_MS = 8000;

interface FrameFigures {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  slow: number;
  busy: number;
  lag: number;
}

const topicOf = (i: number): string => `bench/group${Math.floor(i / 6)}/sensor${i % 6}`;

/**
 * Collects requestAnimationFrame intervals in the page for `ms`. Written as page source text: tsx
 * would wrap a named inner function in a helper (__name) that does not exist in the page.
 */
function measureFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const intervals = [];
    let last = performance.now();
    const end = last + ${ms};
    function step(now) {
      intervals.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(step);
      else resolve(intervals);
    }
    requestAnimationFrame(step);
  })`);
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** Starts publishing every topic RATE_PER_TOPIC times a second; payloads count up per topic. */
function startLoad(client: MqttClient, sent: number[]): () => void {
  const timer = setInterval(() => {
    for (let i = 0; i < TOPICS; i += 1) {
      sent[i] = (sent[i] ?? 0) + 1;
      client.publish(topicOf(i), JSON.stringify({ temp: 20 + Math.sin(sent[i] / 10) * 5, seq: sent[i] }));
    }
  }, 1000 / RATE_PER_TOPIC);
  return () => clearInterval(timer);
}

async function runCase(browser: Browser, server: ClassroomServer, client: MqttClient, viewport: { width: number; height: number }, load: boolean): Promise<FrameFigures> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.httpPort}/dashboard/`, { waitUntil: 'load' });
  await page.waitForSelector('#feed-status[data-state="live"]');
  const sent: number[] = [];
  for (let i = 0; i < TOPICS; i += 1) {
    sent[i] = 1;
    client.publish(topicOf(i), JSON.stringify({ temp: 20, seq: 1 }));
  }
  await page.waitForFunction((count) => document.querySelectorAll('[role="img"]').length >= count, TOPICS, { timeout: 20_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metricsNow = async (): Promise<Record<string, number>> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
  };
  const taskTime = async (): Promise<number> => (await metricsNow()).TaskDuration ?? 0;
  const before = await metricsNow();
  const stop = load ? startLoad(client, sent) : () => {};
  // Let the load settle (history fills, rates rise) before measuring.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const busyBefore = await taskTime();
  const started = Date.now();
  const intervals = await measureFrames(page, MEASURE_MS);
  const busy = ((await taskTime()) - busyBefore) / ((Date.now() - started) / 1000);
  if (process.env.BENCH_DEBUG) {
    const after = await metricsNow();
    console.log(['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration', 'LayoutCount', 'RecalcStyleCount'].map((k) => `${k}=${((after[k] ?? 0) - (before[k] ?? 0)).toFixed(2)}`).join(' '));
  }
  stop();
  // How far behind the cards are once the load stops: the last "seq" each shows versus what was sent
  // (off-screen cards refresh their texts once a second, hence the wait).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const shown = await page.$$eval('.chart-card', (cards) =>
    cards.map((card) => {
      const seq = Array.from(card.querySelectorAll('.card-value')).find((chip) => chip.querySelector('.card-field')?.textContent === 'seq');
      return [(card as HTMLElement).dataset.topic ?? '', Number(seq?.querySelector('.card-number')?.textContent ?? 0)] as const;
    }),
  );
  const lag = Math.max(0, ...shown.map(([topic, value]) => (sent[Number(/group(\d+)\/sensor(\d+)/.exec(topic)?.slice(1).reduce((g, s) => String(Number(g) * 6 + Number(s))) ?? 0)] ?? 0) - value));
  await context.close();
  const sorted = intervals.slice(1).sort((a, b) => a - b);
  return {
    frames: sorted.length / (MEASURE_MS / 1000),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? 0,
    slow: sorted.filter((interval) => interval > 33.4).length,
    busy,
    lag,
  };
}

export async function runDashboardFramesBenchmark(): Promise<void> {
  requireBuilt('dashboard.js');
  const server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {} });
  const browser = await launchChromium();
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${server.tcpPort}`);
  try {
    console.log(`Dashboard: ${TOPICS} charts x ${RATE_PER_TOPIC} messages/s (${TOPICS * RATE_PER_TOPIC}/s), headless Chromium, ${MEASURE_MS / 1000} s per row`);
    console.log('case                                   frames/s  p50 ms  p95 ms  max ms  frames>33ms  main thread busy  cards behind');
    const rows: Array<[string, { width: number; height: number }, boolean]> = [
      ['idle, all 60 charts on screen', { width: 1920, height: 5200 }, false],
      ['600 msg/s, all 60 charts on screen', { width: 1920, height: 5200 }, true],
      ['idle, 1920x1080 projector', { width: 1920, height: 1080 }, false],
      ['600 msg/s, 1920x1080 projector', { width: 1920, height: 1080 }, true],
      ['idle, 1400x860 laptop', { width: 1400, height: 860 }, false],
      ['600 msg/s, 1400x860 laptop', { width: 1400, height: 860 }, true],
    ];
    const results: FrameFigures[] = [];
    for (const [name, viewport, load] of rows) {
      const figures = await runCase(browser, server, client, viewport, load);
      results.push(figures);
      console.log(
        `${name.padEnd(38)} ${figures.frames.toFixed(1).padStart(8)} ${figures.p50.toFixed(1).padStart(7)} ${figures.p95.toFixed(1).padStart(7)} ${figures.max
          .toFixed(1)
          .padStart(7)} ${String(figures.slow).padStart(12)} ${`${(figures.busy * 100).toFixed(0)}%`.padStart(17)} ${String(figures.lag).padStart(14)}`,
      );
    }
    const pairs = ['all 60 on screen', 'projector', 'laptop'].map((name, i) => {
      const idle = results[2 * i];
      const loaded = results[2 * i + 1];
      return `${name} ${(loaded.frames / idle.frames).toFixed(2)}x frame rate, ${(loaded.p95 / idle.p95).toFixed(2)}x p95 interval`;
    });
    console.log(`loaded / idle: ${pairs.join('; ')}`);
  } finally {
    await client.endAsync();
    await browser.close();
    await server.close();
  }
}

if (require.main === module) {
  runDashboardFramesBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
