/**
 * The dashboard's data rules without a browser: which payloads are readings, the bounded history
 * per topic, the message rate, grouping and ordering of topics, CSV export, and the controls'
 * checks on what a teacher types or what localStorage holds.
 */
import { readingOf, MAX_FIELDS } from '../../src/readings/numeric-payload';
import { TopicHistory, DEFAULT_LIMITS } from '../../src/pages/dashboard/topic-history';
import { RateMeter } from '../../src/pages/dashboard/rate-meter';
import { compareTopics, groupOf, isInGroup, GROUP_BY_PARENT } from '../../src/pages/dashboard/topic-groups';
import { csvFileName, csvText, topicsToCsv } from '../../src/pages/dashboard/csv';
import { DashboardModel } from '../../src/pages/dashboard/dashboard-model';
import { acceptControl, controlProblem, sliderPayload, type ControlConfig } from '../../src/pages/dashboard/controls/control-config';
import { FrameBatcher } from '../../src/pages/dashboard/frame-batcher';
import type { MonitoredMessage } from '../../src/server/monitor';
import { MESSAGES } from '../../src/i18n/messages';

const fields = (payload: string): Record<string, number> | null => {
  const reading = readingOf(payload);
  return reading === null ? null : Object.fromEntries(reading);
};

describe('readings: numbers, or JSON with numeric fields', () => {
  test.each([
    ['21.5', { value: 21.5 }],
    [' -3 \n', { value: -3 }],
    ['1e3', { value: 1000 }],
    ['.5', { value: 0.5 }],
    ['42', { value: 42 }],
    ['{"temp": 21.5, "hum": 40, "name": "kitchen", "ok": true}', { temp: 21.5, hum: 40 }],
    ['{"sensors": [{"value": 3}, {"value": 4}]}', { 'sensors.0.value': 3, 'sensors.1.value': 4 }],
    ['[1, 2]', { '0': 1, '1': 2 }],
    ['17', { value: 17 }],
  ])('%j is a reading', (payload, expected) => {
    expect(fields(payload)).toEqual(expected);
  });

  test.each(['', 'online', 'true', '0x10', '0b1', 'NaN', 'Infinity', '1e400', '12abc', '{"name": "x"}', '{broken', '[]', '"5"', '<b>5</b>', '２１'])(
    '%j is not a reading',
    (payload) => {
      expect(readingOf(payload)).toBeNull();
    },
  );

  test('wide or deep JSON is bounded', () => {
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i])));
    expect(readingOf(wide)?.size).toBe(MAX_FIELDS);
    expect(fields('{"a":{"b":{"c":{"d":{"e":1}}}},"x":2}')).toEqual({ x: 2 });
  });
});

describe('bounded history per topic', () => {
  const reading = (value: number): Map<string, number> => new Map([['value', value]]);

  test('keeps at most maxPoints, oldest dropped first', () => {
    const history = new TopicHistory({ maxPoints: 5, maxAgeMs: 60_000 });
    for (let i = 0; i < 12; i += 1) history.add(1_000_000 + i, reading(i), `c${i}`);
    expect(history.length).toBe(5);
    expect(history.columns[0]).toEqual([7, 8, 9, 10, 11]);
    expect(history.senders).toEqual(['c7', 'c8', 'c9', 'c10', 'c11']);
  });

  test('drops points older than maxAgeMs, also when no message comes', () => {
    const history = new TopicHistory({ maxPoints: 100, maxAgeMs: 10_000 });
    history.add(0, reading(1), null);
    history.add(5_000, reading(2), null);
    history.add(12_000, reading(3), null);
    expect(history.columns[0]).toEqual([2, 3]);
    history.trim(30_000);
    expect(history.length).toBe(0);
  });

  test('the default is 10 minutes or 10,000 points, whichever is smaller', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxPoints: 10_000, maxAgeMs: 600_000 });
    const history = new TopicHistory();
    // 20 messages a second for 10 minutes would be 12,000 points.
    for (let i = 0; i < 12_000; i += 1) history.add(i * 50, reading(i), null);
    expect(history.length).toBe(10_000);
  });

  test('fields that appear later get empty cells before, missing fields empty cells after', () => {
    const history = new TopicHistory();
    history.add(1000, new Map([['a', 1]]), null);
    history.add(2000, new Map([['b', 2]]), null);
    expect(history.fields).toEqual(['a', 'b']);
    expect(history.columns).toEqual([
      [1, null],
      [null, 2],
    ]);
    expect(history.latest()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  test('times never go backwards (uPlot needs sorted x values)', () => {
    const history = new TopicHistory();
    history.add(5000, reading(1), null);
    history.add(4000, reading(2), null);
    expect(history.times).toEqual([5, 5]);
  });
});

test('rate: messages per second over the last 10 s, bounded memory', () => {
  const meter = new RateMeter(10_000, 100);
  for (let i = 0; i < 50; i += 1) meter.record(i * 100);
  expect(meter.perSecond(5_000)).toBeCloseTo(5);
  expect(meter.perSecond(30_000)).toBe(0);
  for (let i = 0; i < 1000; i += 1) meter.record(40_000 + i);
  // Capped at 100 kept arrivals over 99 ms: still about 1000 a second.
  expect(meter.perSecond(41_000)).toBeGreaterThan(90);
});

describe('groups by topic levels', () => {
  test('all but the last level by default; a chosen number of leading levels otherwise', () => {
    expect(groupOf('school/class3/group2/temp')).toBe('school/class3/group2');
    expect(groupOf('school/class3/group2/temp', 1)).toBe('school');
    expect(groupOf('school/class3/group2/temp', 2)).toBe('school/class3');
    expect(groupOf('class3/temp', 2)).toBe('class3');
    expect(groupOf('temp')).toBe('');
    expect(groupOf('temp', 2)).toBe('');
    expect(GROUP_BY_PARENT).toBe(0);
    expect(isInGroup('a/b/c', 'a/b')).toBe(true);
    expect(isInGroup('a/bc', 'a/b')).toBe(false);
    expect(isInGroup('temp', '')).toBe(true);
  });

  test('order: level by level, numbers as numbers, Chinese by pinyin', () => {
    const topics = ['g10/t', 'g2/t', 'g2', 'a/b/c', 'a/b', '教室/一', '教室/二'];
    // Chinese collation: 二 (èr) before 一 (yī), and Chinese names before Latin ones.
    expect([...topics].sort(compareTopics)).toEqual(['教室/二', '教室/一', 'a/b', 'a/b/c', 'g2', 'g2/t', 'g10/t']);
  });
});

describe('CSV export', () => {
  test('defuses formulas and quotes separators in text cells', () => {
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('line\nbreak')).toBe('"line\nbreak"');
    expect(csvText('教室/温度')).toBe('教室/温度');
  });

  test('one row per message in time order, a column per field, UTF-8 BOM for Excel', () => {
    const a = new TopicHistory();
    const b = new TopicHistory();
    a.add(Date.UTC(2026, 0, 1, 0, 0, 1), new Map([['value', 1.5]]), 'board-a');
    b.add(Date.UTC(2026, 0, 1, 0, 0, 2), new Map([['x', 2], ['y', -3]]), null);
    a.add(Date.UTC(2026, 0, 1, 0, 0, 3), new Map([['value', 2.5]]), 'board-a');
    const csv = topicsToCsv([
      { topic: '教室/a', history: a },
      { topic: 'b,c', history: b },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows[0]).toBe('time,unix_ms,topic,client,value,x,y');
    expect(rows.slice(1, 4).map((row) => row.split(',').slice(1).join(','))).toEqual([
      `${Date.UTC(2026, 0, 1, 0, 0, 1)},教室/a,board-a,1.5,,`,
      `${Date.UTC(2026, 0, 1, 0, 0, 2)},"b,c",,,2,-3`,
      `${Date.UTC(2026, 0, 1, 0, 0, 3)},教室/a,board-a,2.5,,`,
    ]);
    expect(rows[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:01\.000,/);
    expect(rows[4]).toBe('');
  });

  test('file names are safe on every system and keep Chinese', () => {
    expect(csvFileName('class3/group2')).toBe('class3_group2.csv');
    expect(csvFileName('教室/第一组')).toBe('教室_第一组.csv');
    expect(csvFileName('../..')).toBe('mqtt.csv');
    expect(csvFileName('a:b*c?"<>|')).toBe('a_b_c.csv');
  });
});

describe('dashboard model', () => {
  const message = (topic: string, payload: string, extra: Partial<MonitoredMessage> = {}): MonitoredMessage => ({
    seq: 1,
    time: 1_000_000,
    topic,
    payload,
    truncated: false,
    bytes: payload.length,
    retain: false,
    qos: 0,
    clientId: 'pupil-1',
    ...extra,
  });

  test('a topic is charted from its first numeric message; later text is its last message only', () => {
    const model = new DashboardModel({ now: () => 1_000_000 });
    model.add(message('lamp', 'off'));
    expect(model.topics.get('lamp')?.history).toBeNull();
    model.add(message('lamp', '1'));
    model.add(message('lamp', 'broken'));
    const state = model.topics.get('lamp');
    expect(state?.history?.length).toBe(1);
    expect(state?.lastPayload).toBe('broken');
    expect(state?.lastWasReading).toBe(false);
    expect(state?.lastSender).toBe('pupil-1');
  });

  test('a cut payload is never charted: half a number is a wrong number', () => {
    const model = new DashboardModel();
    model.add(message('t', '123', { truncated: true }));
    expect(model.topics.get('t')?.history).toBeNull();
  });

  test('endless new topics are bounded and counted', () => {
    const model = new DashboardModel({ maxTopics: 10 });
    for (let i = 0; i < 25; i += 1) model.add(message(`flood/${i}`, '1'));
    expect(model.topics.size).toBe(10);
    expect(model.ignoredMessages).toBe(15);
  });

  test("ages are measured on the server's clock, not a viewer laptop's wrong clock", () => {
    let pageNow = 5_000_000; // the laptop is far ahead of the server
    const model = new DashboardModel({ now: () => pageNow, limits: { maxPoints: 100, maxAgeMs: 60_000 } });
    model.add(message('t', '1', { time: 1_000_000 }));
    expect(model.trimAll()).toEqual([]);
    expect(model.topics.get('t')?.history?.length).toBe(1);
    pageNow += 61_000;
    expect(model.trimAll()).toEqual(['t']);
  });
});

describe('controls', () => {
  const base: ControlConfig = { id: 'a', kind: 'switch', label: '', topic: 'lab/lamp', qos: 1, retain: true, payload: 'x', on: 'on', off: 'off', min: 0, max: 100, step: 1 };

  test('topics are checked like the publish block checks them', () => {
    expect(controlProblem(base)).toBeNull();
    expect(controlProblem({ ...base, topic: '' })).toEqual({ topic: { message: MESSAGES.topicEmpty, params: { topic: '' } } });
    expect(controlProblem({ ...base, topic: 'lab/#' })).toEqual({ topic: { message: MESSAGES.topicWildcardInTopic, params: { topic: 'lab/#' } } });
    expect(controlProblem({ ...base, topic: '$SYS/x' })).toEqual({ topic: { message: MESSAGES.topicReserved, params: { topic: '$SYS/x' } } });
    expect(controlProblem({ ...base, kind: 'slider', min: 5, max: 5 })).toEqual({ sliderRange: true });
    expect(controlProblem({ ...base, kind: 'slider', step: 0 })).toEqual({ sliderRange: true });
    expect(controlProblem({ ...base, kind: 'slider', min: Number.NaN })).toEqual({ sliderRange: true });
  });

  test('whatever localStorage holds is accepted only as a valid control', () => {
    expect(acceptControl(base)).toEqual(base);
    expect(acceptControl({ ...base, qos: 7, retain: 'yes', label: 42 })).toEqual({ ...base, qos: 0, retain: false, label: '' });
    expect(acceptControl({ ...base, kind: 'rocket' })).toBeNull();
    expect(acceptControl({ ...base, topic: 'a/+' })).toBeNull();
    expect(acceptControl(null)).toBeNull();
    expect(acceptControl('switch')).toBeNull();
    expect(acceptControl({ ...base, label: 'x'.repeat(5000) })?.label).toHaveLength(1000);
  });

  test('slider values are sent as a person would type them', () => {
    expect(sliderPayload(0.1 + 0.2, 0.1)).toBe('0.3');
    expect(sliderPayload(25, 1)).toBe('25');
    expect(sliderPayload(-2.5, 0.5)).toBe('-2.5');
  });
});

test('drawing is batched: many marks between frames, one draw per topic', () => {
  const frames: Array<() => void> = [];
  const drawn: string[][] = [];
  let leftOver = false;
  const batcher = new FrameBatcher<string>(
    (keys) => {
      drawn.push([...keys]);
      return leftOver;
    },
    (callback) => frames.push(callback),
  );
  for (let i = 0; i < 100; i += 1) batcher.mark(i % 2 === 0 ? 'a' : 'b');
  expect(frames).toHaveLength(1);
  frames[0]?.();
  expect(drawn).toEqual([['a', 'b']]);
  batcher.mark('c');
  expect(frames).toHaveLength(2);
  // Work left over (frame budget spent) asks for one more frame by itself.
  leftOver = true;
  frames[1]?.();
  expect(frames).toHaveLength(3);
  leftOver = false;
  frames[2]?.();
  expect(drawn).toEqual([['a', 'b'], ['c'], []]);
  expect(frames).toHaveLength(3);
});
