/**
 * The dashboard's feed (`/api/monitor?history=charts`): the server's chart history goes first, in
 * pieces, only while the page's socket has room, then the live messages; a page built from what it
 * was sent (the dashboard's own model) has every reading once, with no gap and no duplicate at the
 * seam, even when the class keeps publishing while a slow page is still taking the history.
 */
import { MessageMonitor } from '../../src/server/monitor';
import { ChartHistoryStore } from '../../src/server/chart-history/chart-history-store';
import { DashboardModel } from '../../src/pages/dashboard/dashboard-model';
import { parseHistoryPiece } from '../../src/pages/monitor/monitor-feed';
import type { MonitoredMessage } from '../../src/server/monitor';
import { openFeed, type FakeResponse } from './fake-feed';

/** Opens a feed for a page that reads everything sent to it at once. */
function attach(monitor: MessageMonitor, url: string, lastEventId?: string): FakeResponse {
  const res = openFeed(monitor, url, lastEventId);
  for (let i = 0; i < 1000 && url.includes('history=charts') && lastEventId === undefined && !res.written.includes('event: history-end'); i += 1) res.drain();
  return res;
}

interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

function parseEvents(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split('\n\n')) {
    const event: SseEvent = { event: 'message', data: '' };
    let hasData = false;
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const [name, value] = [line.slice(0, colon), line.slice(colon + 1).trimStart()];
      if (name === 'id') event.id = value;
      if (name === 'event') event.event = value;
      if (name === 'data') {
        event.data = value;
        hasData = true;
      }
    }
    if (hasData) events.push(event);
  }
  return events;
}

/** Builds the dashboard's model from what the page was sent, as src/pages/dashboard/main.ts does. */
function pageModel(text: string): DashboardModel {
  const model = new DashboardModel();
  for (const event of parseEvents(text)) {
    if (event.event === 'history-start') model.startHistory();
    if (event.event === 'history') {
      const piece = parseHistoryPiece(event.data);
      expect(piece).not.toBeNull();
      if (piece !== null) model.addHistory(piece);
    }
    if (event.event === 'message') model.add(JSON.parse(event.data) as MonitoredMessage);
  }
  return model;
}

const charted = (model: DashboardModel, topic: string): number[] => (model.topics.get(topic)?.history?.columns[0] ?? []) as number[];

const topics = ['class/g1/temp', 'class/g2/temp', '教室/第三组/温度'];
const next = new Map<string, number>();

describe('chart history on the dashboard feed', () => {
  let store: ChartHistoryStore;
  let monitor: MessageMonitor;
  beforeEach(() => {
    for (const topic of topics) next.set(topic, 0);
    store = new ChartHistoryStore();
    // A short replay and a small socket buffer: the seam is crossed many times.
    monitor = new MessageMonitor({ historySize: 10, maxBufferedBytes: 3000 }, store);
  });
  afterEach(() => monitor.close());

  const publishRound = (): void => {
    for (const topic of topics) {
      const value = next.get(topic) ?? 0;
      monitor.record({ topic, payload: String(value), clientId: `board-${topic}` });
      next.set(topic, value + 1);
    }
  };

  test('history first, then live: every reading once, in order, while the class keeps publishing', () => {
    for (let i = 0; i < 1000; i += 1) {
      publishRound();
      if (i % 100 === 0) monitor.record({ topic: 'class/g1/status', payload: 'online', clientId: 'board-1' });
    }
    const res = openFeed(monitor, '/api/monitor?history=charts');
    expect(res.written.startsWith('retry: 2000\n\nevent: history-start\n')).toBe(true);
    // A slow page: it takes what waits only now and then, and the class publishes meanwhile,
    // far more than the ten messages the monitor replays.
    let rounds = 0;
    while (!res.written.includes('event: history-end') && rounds < 1000) {
      res.writableLength = 1_000_000;
      for (let i = 0; i < 7; i += 1) publishRound();
      res.drain();
      rounds += 1;
    }
    expect(res.written).toContain('event: history-end');
    expect(rounds).toBeGreaterThan(3);
    // Live after the history.
    for (let i = 0; i < 20; i += 1) {
      publishRound();
      res.drain();
    }
    monitor.record({ topic: 'class/g1/status', payload: 'offline', clientId: 'board-1' });

    const model = pageModel(res.written);
    for (const topic of topics) {
      const total = next.get(topic) ?? 0;
      expect(charted(model, topic)).toEqual(Array.from({ length: total }, (_, i) => i));
      expect(model.topics.get(topic)?.history?.senders.every((sender) => sender === `board-${topic}`)).toBe(true);
    }
    // Text topics still come from the replay and live messages, and get no chart.
    expect(model.topics.get('class/g1/status')).toMatchObject({ lastPayload: 'offline', history: null });
  });

  test('a page that reloads gets the history again; one that reconnects resumes without it', () => {
    for (let i = 0; i < 50; i += 1) publishRound();
    const first = attach(monitor, '/api/monitor?history=charts');
    const events = parseEvents(first.written);
    const end = events.find((event) => event.event === 'history-end');
    expect(end?.id).toBe(String(monitor.recent()[0].seq - 1));
    expect(pageModel(first.written).topics.get(topics[0])?.history?.length).toBe(50);

    const reloaded = attach(monitor, '/api/monitor?history=charts');
    expect(parseEvents(reloaded.written).filter((event) => event.event === 'history')).toHaveLength(topics.length);

    const resumed = attach(monitor, '/api/monitor?history=charts', end?.id);
    expect(resumed.written).not.toContain('event: history');
    // The monitor page and the board page's panel do not ask for it.
    const plain = attach(monitor, '/api/monitor');
    expect(plain.written).not.toContain('event: history');
  });

  test('a page that reconnects when it could not resume (server restarted) keeps its older points and gets no duplicates', () => {
    for (let i = 0; i < 30; i += 1) publishRound();
    const res = attach(monitor, '/api/monitor?history=charts');
    for (let i = 0; i < 30; i += 1) publishRound();
    // The same page gets the history again (its Last-Event-ID was unknown): it must not double the points.
    const again = attach(monitor, '/api/monitor?history=charts');
    const model = pageModel(res.written + again.written);
    expect(charted(model, topics[1])).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  test('a stuck page is written nothing while its socket is full, and the store keeps going', () => {
    for (let i = 0; i < 2000; i += 1) publishRound();
    const res = openFeed(monitor, '/api/monitor?history=charts');
    const written = res.written.length;
    expect(written).toBeLessThan(3000 + 20_000);
    res.writableLength = 1_000_000;
    for (let i = 0; i < 100; i += 1) publishRound();
    expect(res.written.length).toBe(written);
    expect(store.get(topics[0])?.length).toBe(2100);
  });
});

describe('the page accepts only well-formed history pieces', () => {
  const good = { topic: '教室/温度', fields: ['value'], clients: ['b', null], times: [1, 2], from: [0, 1], values: [[1.5, null]], through: 9 };
  test('a well-formed piece, Chinese topic and a broker point included', () => {
    expect(parseHistoryPiece(JSON.stringify(good))).toEqual(good);
  });
  test.each([
    ['not JSON', '{"topic":'],
    ['not an object', '42'],
    ['a column shorter than the times', JSON.stringify({ ...good, values: [[1.5]] })],
    ['a sender index past the clients', JSON.stringify({ ...good, from: [0, 2] })],
    ['a negative sender index', JSON.stringify({ ...good, from: [0, -1] })],
    ['a value that is text', JSON.stringify({ ...good, values: [[1.5, '2']] })],
    ['a field that is not text', JSON.stringify({ ...good, fields: [1] })],
    ['more columns than fields', JSON.stringify({ ...good, values: [[1, 2], [3, 4]] })],
    ['no through', JSON.stringify({ ...good, through: 'all' })],
    ['a time that is not a number', JSON.stringify({ ...good, times: [1, null] })],
  ])('refused: %s', (_what, data) => {
    expect(parseHistoryPiece(data)).toBeNull();
  });
});
