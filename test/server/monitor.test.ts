import { MessageMonitor } from '../../src/server/monitor';
import { openFeed } from './fake-feed';

describe('MessageMonitor', () => {
  let monitor: MessageMonitor;
  beforeEach(() => {
    monitor = new MessageMonitor();
  });
  afterEach(() => monitor.close());

  test('keeps only the last 200 messages', () => {
    for (let i = 1; i <= 250; i += 1) monitor.record({ topic: `t/${i}`, payload: String(i) });
    const recent = monitor.recent();
    expect(recent).toHaveLength(200);
    expect(recent[0]?.topic).toBe('t/51');
    expect(recent[199]?.topic).toBe('t/250');
  });

  test('skips $SYS topics and cuts huge payloads but reports their real size', () => {
    monitor.record({ topic: '$SYS/broker/uptime', payload: '1' });
    monitor.record({ topic: 'big', payload: Buffer.alloc(100000, 0x61) });
    const recent = monitor.recent();
    expect(recent.map((m) => m.topic)).toEqual(['big']);
    expect(recent[0]).toMatchObject({ bytes: 100000, truncated: true });
    expect(recent[0].payload.length).toBeLessThanOrEqual(4096);
  });

  test('a slow page never holds the broker: it is written to only when it has room, and told what left the history meanwhile', () => {
    const small = new MessageMonitor({ historySize: 3, firstSeq: 0 });
    try {
      const res = openFeed(small);
      res.writableLength = 10 * 1024 * 1024; // the page stopped reading
      for (let i = 0; i < 5; i += 1) small.record({ topic: 'fast', payload: 'x' });
      const writesWhileSlow = res.chunks.length;
      expect(writesWhileSlow).toBe(1); // only the initial retry/history chunk
      res.writableLength = 0; // the page caught up
      small.record({ topic: 'fast', payload: 'after' });
      const tail = res.chunks.slice(writesWhileSlow).join('');
      // Messages 1-3 left the 3-message history while the page was not reading; 4-6 still reach it.
      expect(tail).toContain('event: dropped\ndata: {"count":3}');
      expect(tail).toContain('"seq":4');
      expect(tail).toContain('"payload":"after"');
    } finally {
      small.close();
    }
  });

  const reconnect = (to: MessageMonitor, lastEventId: string): string => openFeed(to, '/api/monitor', lastEventId).written;

  test('a page reconnecting with Last-Event-ID only gets what it missed', () => {
    for (let i = 1; i <= 5; i += 1) monitor.record({ topic: `t/${i}`, payload: '' });
    const first = reconnect(monitor, String(monitor.recent()[2].seq));
    expect(first).not.toContain('"topic":"t/3"');
    expect(first).toContain('"topic":"t/4"');
    expect(first).toContain('"topic":"t/5"');
  });

  test('a page still open from before the server restarted gets the new history, not a resume that skips it', async () => {
    const before = new MessageMonitor();
    for (let i = 1; i <= 300; i += 1) before.record({ topic: `old/${i}`, payload: '' });
    const lastSeen = String(before.recent()[199].seq);
    before.close();
    await new Promise((resolve) => setTimeout(resolve, 5)); // a restart takes longer than this
    const after = new MessageMonitor();
    try {
      // More messages than the page had seen: with numbers counted from 1 again, its old id
      // would look like one of these and the page would silently miss them.
      for (let i = 1; i <= 300; i += 1) after.record({ topic: `new/${i}`, payload: '' });
      const written = reconnect(after, lastSeen);
      expect(written).toContain('"topic":"new/101"');
      expect(written).toContain('"topic":"new/300"');
      // A forged id (not a number from this run) is treated the same way.
      expect(reconnect(after, '1e400')).toContain('"topic":"new/101"');
      expect(reconnect(after, 'abc')).toContain('"topic":"new/101"');
    } finally {
      after.close();
    }
  });
});
