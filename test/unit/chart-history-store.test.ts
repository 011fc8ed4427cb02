/**
 * The server's chart history (src/server/chart-history): what it keeps (the dashboard's own rule),
 * its per-topic window (10 minutes or 10,000 points, on an injectable clock, not by waiting), and
 * that its memory stays within its bound whatever pupils publish: endless new topics, huge or
 * hostile payloads, a new client id for every message.
 */
import { CHART_HISTORY_DEFAULTS, ChartHistoryStore, type ChartableMessage } from '../../src/server/chart-history/chart-history-store';
import { DEFAULT_LIMITS } from '../../src/readings/history-limits';
import { MAX_FIELDS } from '../../src/readings/numeric-payload';

class Clock {
  ms = Date.UTC(2026, 10, 30, 8, 0, 0);
  readonly now = (): number => this.ms;
}

const message = (clock: Clock, topic: string, payload: string, clientId: string | null = 'board-1', truncated = false): ChartableMessage => ({
  time: clock.ms,
  topic,
  payload,
  truncated,
  clientId,
});

test('the store keeps the same window as the page', () => {
  expect(CHART_HISTORY_DEFAULTS.maxPoints).toBe(DEFAULT_LIMITS.maxPoints);
  expect(CHART_HISTORY_DEFAULTS.maxAgeMs).toBe(DEFAULT_LIMITS.maxAgeMs);
});

test('keeps readings only: numbers and JSON with numbers, as the dashboard charts them', () => {
  const clock = new Clock();
  const store = new ChartHistoryStore({ now: clock.now });
  for (const [topic, payload] of [
    ['t/number', '21.5'],
    ['t/json', '{"temp": 20.25, "hum": 40, "name": "kitchen"}'],
    ['t/text', 'online'],
    ['t/bool', 'true'],
    ['t/hex', '0x10'],
    ['t/nan', 'NaN'],
    ['t/broken', '{"temp": 2'],
  ]) store.record(message(clock, topic, payload));
  // A payload the monitor cut is not the real reading.
  store.record(message(clock, 't/cut', '12345', 'board-1', true));
  expect(store.topics()).toEqual(['t/number', 't/json']);
  const json = store.get('t/json')?.piece(0, 10, 7)?.piece;
  expect(json).toEqual({ topic: 't/json', fields: ['temp', 'hum'], clients: ['board-1'], times: [clock.ms], from: [0], values: [[20.25], [40]], through: 7 });
});

test('per topic: the last 10,000 points, in order, resumable by point number', () => {
  const clock = new Clock();
  const store = new ChartHistoryStore({ now: clock.now });
  for (let i = 0; i < 25_000; i += 1) {
    clock.ms += 10; // 100 a second: 10,000 points are 100 s, well inside 10 minutes
    store.record(message(clock, 'fast', String(i)));
  }
  const series = store.get('fast');
  expect(series?.length).toBe(10_000);
  const all: number[] = [];
  let from = 0;
  for (let piece = series?.piece(from, 999, 1); piece; piece = series?.piece(from, 999, 1)) {
    all.push(...(piece.piece.values[0] as number[]));
    from = piece.nextAdded;
  }
  expect(all).toHaveLength(10_000);
  expect(all[0]).toBe(15_000);
  expect(all[9_999]).toBe(24_999);
});

test('per topic: the last 10 minutes, and a quiet topic goes once its points age out', () => {
  const clock = new Clock();
  const store = new ChartHistoryStore({ now: clock.now });
  // One reading a second for 15 minutes.
  for (let i = 0; i < 900; i += 1) {
    store.record(message(clock, 'slow', String(i)));
    clock.ms += 1000;
  }
  const series = store.get('slow');
  expect(series?.length).toBeGreaterThanOrEqual(599);
  expect(series?.length).toBeLessThanOrEqual(601);
  const times = series?.piece(0, 1000, 0)?.piece.times ?? [];
  expect(clock.ms - times[0]).toBeLessThanOrEqual(10 * 60_000 + 1000);

  clock.ms += 5 * 60_000;
  store.sweep();
  expect(store.get('slow')?.length).toBeLessThan(310);
  const before = store.bytes;
  clock.ms += 6 * 60_000;
  store.sweep();
  expect(store.topics()).toEqual([]);
  expect(store.bytes).toBeLessThan(before);
  expect(store.bytes).toBe(0);
});

test('endless new topics: at most maxTopics kept, the least recently updated dropped first', () => {
  const clock = new Clock();
  const store = new ChartHistoryStore({ now: clock.now, maxTopics: 100 });
  store.record(message(clock, 'class/keeps-talking', '1'));
  for (let i = 0; i < 2_000; i += 1) {
    clock.ms += 1;
    store.record(message(clock, `flood/${i}`, String(i)));
    // One topic keeps being updated: it is never the least recent one.
    if (i % 50 === 0) store.record(message(clock, 'class/keeps-talking', String(i)));
  }
  expect(store.topicCount).toBe(100);
  expect(store.droppedTopics).toBe(2_000 + 1 - 100);
  expect(store.topics()).toContain('class/keeps-talking');
  expect(store.topics()).toContain('flood/1999');
  expect(store.topics()).not.toContain('flood/0');
});

test('memory stays within its bound: many topics, eight-field JSON, huge and hostile payloads, a new sender per message', () => {
  const clock = new Clock();
  const maxBytes = 512 * 1024;
  const store = new ChartHistoryStore({ now: clock.now, maxBytes });
  const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`字段${i}`, i + 0.5])));
  const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
  const huge = `${'9'.repeat(1_000_000)}`;
  let peak = 0;
  for (let i = 0; i < 3_000; i += 1) {
    clock.ms += 1;
    const topic = `教室/${i % 300}/${'长'.repeat(200)}`;
    const sender = `学生-${i}-${'x'.repeat(50)}`;
    store.record(message(clock, topic, i % 3 === 0 ? wide : String(i), sender));
    if (i % 500 === 0) {
      store.record(message(clock, 'hostile/deep', deep, sender));
      store.record(message(clock, 'hostile/huge', huge, sender));
    }
    peak = Math.max(peak, store.bytes);
  }
  expect(peak).toBeLessThanOrEqual(maxBytes);
  expect(store.droppedTopics).toBeGreaterThan(0);
  // Wide JSON keeps its first eight fields only; deep nesting gives no reading (too deep).
  const anyWide = store.get(store.topics()[store.topicCount - 1]);
  expect(anyWide?.fields.length).toBeLessThanOrEqual(MAX_FIELDS);
  expect(store.get('hostile/deep')).toBeUndefined();
  // A million digits make Infinity, which is no reading.
  expect(store.get('hostile/huge')).toBeUndefined();
});

test('senders are forgotten with their last point: rotating client ids do not grow a topic', () => {
  const clock = new Clock();
  const store = new ChartHistoryStore({ now: clock.now, maxPoints: 100 });
  for (let i = 0; i < 100; i += 1) store.record(message(clock, 'rotating', String(i), `id-${String(i).padStart(5, '0')}`));
  const full = store.bytes;
  for (let i = 100; i < 20_000; i += 1) store.record(message(clock, 'rotating', String(i), `id-${String(i).padStart(5, '0')}`));
  expect(store.bytes).toBe(full);
  const piece = store.get('rotating')?.piece(0, 100, 0)?.piece;
  expect(piece?.clients).toHaveLength(100);
  expect(piece?.clients[99]).toBe('id-19999');
  // Messages from the broker itself (no client) keep null as their sender.
  store.record(message(clock, 'from-broker', '1', null));
  expect(store.get('from-broker')?.piece(0, 1, 0)?.piece.clients).toEqual([null]);
});
