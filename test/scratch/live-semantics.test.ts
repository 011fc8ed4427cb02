/**
 * More of what a pupil sees in a live project: language, address explanations, the stop sign,
 * loading another project, clones, overload, unique client ids and the last will.
 */
import { loadFixture, type ScratchHarness } from '../support/scratch-harness';
import { useLiveProjects } from '../support/live-project';
import { startTestBroker } from '../support/test-broker';
import { sleep, waitFor } from '../support/ports';
import { QUEUE_BOUND } from '../../src/scratch/hat-dispatcher';

const live = useLiveProjects(() => startTestBroker());
const client = live.client;

/** A fixture connected by its green-flag script, or only loaded (with `broker` set) when `connect` is false. */
async function open(fixture: string, connect = true): Promise<ScratchHarness> {
  if (connect) return live.start(fixture);
  const h = await live.load(fixture);
  h.setVariable('broker', live.broker.wsUrl);
  return h;
}

test('the editor language decides block texts, menus and error messages (vm.setLocale)', async () => {
  const h = await open('wildcard-hat', false);
  await h.vm.setLocale('zh-cn', {});
  const blocks = h.vm.runtime._blockInfo.find((info) => info.id === 'mqtt');
  expect(blocks?.name).toBe('MQTT 物联网');
  const publishXml = blocks?.blocks.find((b) => b.info.opcode === 'publish')?.info.text;
  expect(publishXml).toBe('发布 [MESSAGE] 到 [TOPIC]');
  await h.extension.connect({ URL: 'mqtt://127.0.0.1:1883', USERNAME: '', PASSWORD: '' });
  expect(h.extension.lastError()).toContain('浏览器不能使用 mqtt:// 地址');
  await h.vm.setLocale('en', {});
  // The same problem re-renders in the new language.
  expect(h.extension.lastError()).toContain('A browser cannot use mqtt:// addresses');
});

test('port 1883 from a browser gets an explanation with the WebSocket address to use', async () => {
  const h = await open('wildcard-hat', false);
  await h.extension.connect({ URL: 'ws://127.0.0.1:1883', USERNAME: '', PASSWORD: '' });
  expect(h.extension.isConnected()).toBe(false);
  expect(h.extension.lastError()).toContain("Port 1883 is the broker's TCP port for boards");
  expect(h.extension.lastError()).toContain('ws://127.0.0.1:8000/mqtt');
});

test('the stop sign drops waiting messages but keeps the connection', async () => {
  const h = await open('slow-script');
  const pub = await client();
  for (const payload of ['a', 'b', 'c', 'd']) await pub.publishAsync('slow/topic', payload, { qos: 1 });
  await h.stepFrames(2);
  h.vm.stopAll();
  await h.stepFrames(30);
  expect(h.list('received')).toEqual([]);
  expect(h.extension.isConnected()).toBe(true);
  await pub.publishAsync('slow/topic', 'after stop', { qos: 1 });
  await h.stepUntil(() => h.list('received').length > 0, { maxMs: 3000 });
  expect(h.list('received')).toEqual(['after stop']);
});

test('loading another project closes the connection', async () => {
  const h = await open('two-hats');
  const closed = new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (!h.extension.isConnected()) {
        clearInterval(check);
        resolve();
      }
    }, 10);
  });
  await h.vm.loadProject(loadFixture('burst-list'));
  await closed;
  expect(h.extension.isConnected()).toBe(false);
  expect(h.extension.message({}, {})).toBe('');
});

test('each clone runs the hat script for every message', async () => {
  const h = await open('clones');
  await h.stepFrames(3);
  const pub = await client();
  await pub.publishAsync('clone/test', 'hi clones', { qos: 1 });
  await h.stepUntil(() => h.list('received').length >= 3, { maxMs: 3000 });
  await h.stepFrames(5);
  expect(h.list('received')).toEqual(['hi clones', 'hi clones', 'hi clones']);
});

test('a flood to a slow script keeps at most the queue bound waiting and counts every drop', async () => {
  const h = await open('very-slow-script');
  const pub = await client();
  const flood = QUEUE_BOUND + 500;
  for (let i = 0; i < flood; i++) pub.publish('flood/test', `f${i}`, { qos: 0 });
  await pub.publishAsync('flood/test', 'last', { qos: 1 });
  // The first message is running; of the rest, the newest QUEUE_BOUND wait and the others are dropped.
  const expectedDrops = flood + 1 - 1 - QUEUE_BOUND;
  // Wait for the whole flood to arrive (a busy machine spreads it over many frames), then a little more.
  await h.stepUntil(() => h.extension.droppedMessages() >= expectedDrops, { maxMs: 10000 });
  await h.stepFrames(10);
  expect(h.extension.droppedMessages()).toBe(expectedDrops);
  expect(h.extension.isConnected()).toBe(true);
});

test('two pupils connecting to the same broker both stay connected (unique client ids)', async () => {
  const a = await open('two-hats');
  const b = await open('two-hats');
  await sleep(300);
  await a.stepFrames(2);
  await b.stepFrames(2);
  expect(a.extension.isConnected()).toBe(true);
  expect(b.extension.isConnected()).toBe(true);
  const pub = await client();
  await pub.publishAsync('room/a', 'both', { qos: 1 });
  await a.stepUntil(() => a.variable('A') === 'both', { maxMs: 2000 });
  await b.stepUntil(() => b.variable('A') === 'both', { maxMs: 2000 });
  expect([a.variable('A'), b.variable('A')]).toEqual(['both', 'both']);
});

test('the last will is published by the broker when the connection is cut', async () => {
  const h = await open('two-hats', false);
  h.extension.setLastWill({ MESSAGE: 'pupil 7 offline', TOPIC: 'classroom/status' });
  await h.extension.connect({ URL: live.broker.wsUrl, USERNAME: '', PASSWORD: '' });
  expect(h.extension.isConnected()).toBe(true);
  const watcher = await client();
  const wills: string[] = [];
  await watcher.subscribeAsync('classroom/status');
  watcher.on('message', (_topic, payload) => wills.push(payload.toString()));
  live.broker.dropWebSocketClients();
  expect(await waitFor(() => wills.length > 0, 3000)).toBe(true);
  expect(wills).toEqual(['pupil 7 offline']);
});

test('a hat that can never run says why in "connection error" (misplaced #, or a block as its topic)', async () => {
  const broken = await open('broken-hats');
  const explanation = 'In "room/#/wrong", # must be the last level on its own, like sensors/#.';
  // The green-flag script copies "connection error" right after connecting: the pupil sees it there.
  expect(broken.variable('error')).toBe(explanation);
  expect(broken.extension.lastError()).toBe(explanation);
  const reporter = await open('reporter-hat');
  expect(reporter.extension.lastError()).toContain('has a block in its topic');
  expect(reporter.extension.isConnected()).toBe(true);
});
