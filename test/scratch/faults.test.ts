/**
 * Classroom faults for the live extension: a broker that dies and returns, a port that refuses,
 * a half-open connection, a huge payload, a flood, and stop/reload while messages flow.
 */
import { createServer, type Server } from 'node:net';
import type { MqttClient } from 'mqtt';
import { loadFixture, type ScratchHarness } from '../support/scratch-harness';
import { useLiveProjects } from '../support/live-project';
import { startTestBroker } from '../support/test-broker';
import { startTcpProxy } from '../support/tcp-proxy';
import { sleep, waitFor } from '../support/ports';
import { ProjectBuilder, block, num, text } from '../support/sb3-builder';
import { QUEUE_BOUND } from '../../src/scratch/hat-dispatcher';

const live = useLiveProjects(() => startTestBroker());
const open = live.load;

async function connected(h: ScratchHarness, url = live.broker.wsUrl): Promise<void> {
  await h.extension.connect({ URL: url, USERNAME: '', PASSWORD: '' });
  expect(h.extension.lastError()).toBe('');
  await h.stepFrames(3);
}

async function watcher(topic: string): Promise<{ client: MqttClient; seen: string[] }> {
  const client = await live.client();
  const seen: string[] = [];
  await client.subscribeAsync(topic, { qos: 1 });
  client.on('message', (_topic, payload) => seen.push(payload.toString()));
  return { client, seen };
}

test('QoS 1 messages published while the broker is down are delivered once it is back', async () => {
  const h = await open('reconnect');
  await connected(h);
  await live.broker.stop();
  await h.stepUntil(() => !h.extension.isConnected(), { maxMs: 3000 });
  for (const payload of ['offline 1', 'offline 2', 'offline 3']) {
    h.extension.publishWithOptions({ MESSAGE: payload, TOPIC: 'queued/test', QOS: '1', RETAIN: 'no' });
  }
  // QoS 0 while offline is reported, not silently lost.
  h.extension.publish({ MESSAGE: 'qos0', TOPIC: 'queued/test' });
  expect(h.extension.lastError()).toContain('was not sent');
  await live.broker.start();
  const { seen } = await watcher('queued/test');
  expect(await h.stepUntil(() => h.extension.isConnected(), { maxMs: 10000 })).toBe(true);
  expect(await waitFor(() => seen.length >= 3, 5000)).toBe(true);
  expect(seen).toEqual(['offline 1', 'offline 2', 'offline 3']);
});

test('a port that accepts and hangs up: connect returns promptly with a clear error and retries back off', async () => {
  let attempts = 0;
  const refuser: Server = createServer((socket) => {
    attempts++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => refuser.listen(0, '127.0.0.1', resolve));
  const port = (refuser.address() as { port: number }).port;
  try {
    const h = await open('two-hats');
    const started = Date.now();
    await h.extension.connect({ URL: `ws://127.0.0.1:${port}/mqtt`, USERNAME: '', PASSWORD: '' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(h.extension.isConnected()).toBe(false);
    expect(h.extension.lastError()).toContain('Cannot reach the broker');
    await sleep(6500);
    // Without backoff a 1 s period would make 7+ attempts in this time; with doubling delays about 3-4.
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(5);
  } finally {
    await new Promise<void>((resolve) => refuser.close(() => resolve()));
  }
});

test('a half-open connection is noticed by keepalive and then recovers', async () => {
  const proxy = await startTcpProxy(live.broker.wsPort);
  try {
    const h = await open('reconnect', { keepaliveSeconds: 1 });
    await connected(h, `ws://127.0.0.1:${proxy.port}/mqtt`);
    expect(h.variable('drops')).toBe(0);
    proxy.goSilent();
    // mqtt.js gives up after 1.5 keepalive periods without an answer.
    expect(await h.stepUntil(() => h.variable('drops') === 1, { maxMs: 6000 })).toBe(true);
    expect(h.extension.lastError()).toContain('was lost');
    proxy.resume();
    expect(await h.stepUntil(() => h.variable('connects') === 2, { maxMs: 15000 })).toBe(true);
    expect(h.extension.lastError()).toBe('');
  } finally {
    await proxy.close();
  }
});

test('a 1 MB message goes out and comes back intact', async () => {
  const project = new ProjectBuilder()
    .variable('length', 0)
    .script(
      block('mqtt_whenMessage', { TOPIC: text('big/in') }),
      block('data_setvariableto', { VALUE: block('operator_length', { STRING: block('mqtt_message') }) }, { VARIABLE: { variable: 'length' } }),
    )
    .build();
  const h = await open(project);
  await connected(h);
  const { client: outside, seen } = await watcher('big/out');
  const megabyte = 'x'.repeat(1024 * 1024);
  h.extension.publishWithOptions({ MESSAGE: megabyte, TOPIC: 'big/out', QOS: '1', RETAIN: 'no' });
  expect(await waitFor(() => seen.length === 1, 5000)).toBe(true);
  expect(seen[0].length).toBe(1024 * 1024);
  await outside.publishAsync('big/in', megabyte, { qos: 1 });
  expect(await h.stepUntil(() => h.variable('length') === 1024 * 1024, { maxMs: 5000 })).toBe(true);
  expect(h.extension.isConnected()).toBe(true);
});

test('50,000 messages to a slow script: bounded queue, every drop counted, the VM keeps stepping', async () => {
  const project = new ProjectBuilder()
    .variable('frames', 0)
    .list('received')
    .script(block('event_whenflagclicked'), block('control_forever', {}, {}, { SUBSTACK: [block('data_changevariableby', { VALUE: num(1) }, { VARIABLE: { variable: 'frames' } })] }))
    .script(
      block('mqtt_whenMessage', { TOPIC: text('flood/slow') }),
      block('control_wait', { DURATION: num(10) }),
      block('data_addtolist', { ITEM: block('mqtt_message') }, { LIST: { list: 'received' } }),
    )
    .build();
  const h = await open(project);
  await connected(h);
  h.greenFlag();
  const publisher = await live.client();
  const FLOOD = 50000;
  for (let i = 0; i < FLOOD; i++) publisher.publish('flood/slow', `f${i}`);
  await publisher.publishAsync('flood/slow-done', 'done', { qos: 1 });
  const framesBefore = Number(h.variable('frames'));
  const dropsExpected = FLOOD - 1 - QUEUE_BOUND; // one running, QUEUE_BOUND waiting
  const done = await h.stepUntil(() => h.extension.droppedMessages() >= dropsExpected, { maxMs: 20000 });
  expect(done).toBe(true);
  await h.stepFrames(30);
  expect(h.extension.droppedMessages()).toBe(dropsExpected);
  // The forever loop ran on every frame we stepped: the flood never starved the project.
  expect(Number(h.variable('frames')) - framesBefore).toBeGreaterThanOrEqual(30);
  expect(h.vm.runtime.threads.length).toBeLessThanOrEqual(3);
  expect(h.extension.isConnected()).toBe(true);
});

test('stop and reload while messages flow: no thread leak, nothing delivered to the old project', async () => {
  const h = await open('burst-list');
  await connected(h);
  const publisher = await live.client();
  let flowing = true;
  const flow = (async () => {
    for (let i = 0; flowing && i < 5000; i++) {
      publisher.publish('burst/test', `n${i}`);
      if (i % 50 === 0) await sleep(5);
    }
  })();
  await h.stepFrames(10);
  h.vm.stopAll();
  await h.stepFrames(5);
  expect(h.vm.runtime.threads.length).toBeLessThanOrEqual(1);
  expect(h.extension.isConnected()).toBe(true);
  // Reload: the connection closes with the old project; the new project has no such hat.
  await h.vm.loadProject(loadFixture('two-hats'));
  await h.stepFrames(20);
  flowing = false;
  await flow;
  expect(h.extension.isConnected()).toBe(false);
  expect(h.vm.runtime.threads.length).toBe(0);
  expect(h.extension.droppedMessages()).toBe(0);
});
