/**
 * The live extension in headless scratch-vm against an in-process aedes broker over WebSocket:
 * what a pupil would see in variables and lists.
 */
import { useLiveProjects } from '../support/live-project';
import { startTestBroker } from '../support/test-broker';
import { sleep } from '../support/ports';

const live = useLiveProjects(() => startTestBroker());

test('a hat on sensors/+/temp gets exactly the matching messages, each with its own topic', async () => {
  const h = await live.start('wildcard-hat');
  const pub = await live.client();
  for (const [topic, payload] of [
    ['sensors/kitchen/temp', '21.5'],
    ['sensors/kitchen/humidity', '40'],
    ['sensors/temp', 'no level'],
    ['sensors/a/b/temp', 'two levels'],
    ['sensors/garden/temp', '18'],
    ['other/garden/temp', 'wrong root'],
  ]) {
    await pub.publishAsync(topic, payload, { qos: 1 });
  }
  await h.stepUntil(() => h.list('received').length >= 2, { maxMs: 3000 });
  await h.stepFrames(10);
  expect(h.list('received')).toEqual(['sensors/kitchen/temp=21.5', 'sensors/garden/temp=18']);
});

test('a burst of 500 messages published at once reaches the list complete and in order', async () => {
  const h = await live.start('burst-list');
  const pub = await live.client();
  const sent = Array.from({ length: 500 }, (_, i) => `m${i}`);
  await Promise.all(sent.map((payload) => pub.publishAsync('burst/test', payload, { qos: 1 })));
  await h.stepUntil(() => h.list('received').length >= 500, { maxMs: 10000 });
  await h.stepFrames(5);
  expect(h.list('received')).toEqual(sent);
  expect(h.extension.droppedMessages()).toBe(0);
});

test('two hats on different topics both run, each with its own message', async () => {
  const h = await live.start('two-hats');
  const pub = await live.client();
  await Promise.all([pub.publishAsync('room/a', 'for A', { qos: 1 }), pub.publishAsync('room/b', 'for B', { qos: 1 })]);
  await h.stepUntil(() => h.variable('A') !== '' && h.variable('B') !== '', { maxMs: 3000 });
  expect(h.variable('A')).toBe('for A');
  expect(h.variable('B')).toBe('for B');
});

test('a script with a wait still sees its own message after later ones arrived', async () => {
  const h = await live.start('slow-script');
  const pub = await live.client();
  for (const payload of ['first', 'second', 'third']) await pub.publishAsync('slow/topic', payload, { qos: 1 });
  await h.stepUntil(() => h.list('received').length >= 3, { maxMs: 5000 });
  expect(h.list('received')).toEqual(['first', 'second', 'third']);
  // Outside a hat script, "message" is the most recent one.
  expect(h.extension.message({}, {})).toBe('third');
});

test('publishing from a hat script (QoS 1) and reading JSON paths', async () => {
  const h = await live.start('echo');
  const pub = await live.client();
  const replies: string[] = [];
  await pub.subscribeAsync('echo/reply', { qos: 1 });
  pub.on('message', (_topic, payload) => replies.push(payload.toString()));
  await pub.publishAsync('echo/request', '{"sensors":[{"value":23.5}]}', { qos: 1 });
  await h.stepUntil(() => replies.length >= 1, { maxMs: 3000 });
  expect(replies).toEqual(['echo:{"sensors":[{"value":23.5}]}']);
  expect(h.variable('temp')).toBe(23.5);
});

test('stopping and starting the broker again: reconnects and resubscribes by itself', async () => {
  const h = await live.start('reconnect');
  expect(h.variable('connects')).toBe(1);
  await live.broker.stop();
  await h.stepUntil(() => !h.extension.isConnected() && h.variable('drops') === 1, { maxMs: 5000 });
  expect(h.variable('drops')).toBe(1);
  expect(h.extension.lastError()).toMatch(/lost/);
  await sleep(300);
  await live.broker.start();
  const back = await h.stepUntil(() => h.extension.isConnected(), { maxMs: 15000 });
  expect(back).toBe(true);
  await h.stepUntil(() => h.variable('connects') === 2, { maxMs: 2000 });
  expect(h.variable('connects')).toBe(2);
  expect(h.extension.lastError()).toBe('');
  const pub = await live.client();
  // Resubscription happens right after the reconnect: retry the publish briefly until it lands.
  const delivered = await (async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      await pub.publishAsync('re/test', 'after restart', { qos: 1 });
      if (await h.stepUntil(() => h.list('received').length > 0, { maxMs: 250 })) return true;
    }
    return false;
  })();
  expect(delivered).toBe(true);
  expect(h.list('received')[0]).toBe('after restart');
});

test('a wrong password gives a clear connection error and no reconnect storm', async () => {
  const guarded = await startTestBroker({ credentials: { username: 'teacher', password: 'secret' } });
  try {
    const h = await live.load('wildcard-hat');
    h.setVariable('broker', guarded.wsUrl);
    h.setVariable('username', 'teacher');
    h.setVariable('password', 'wrong');
    h.greenFlag();
    await h.stepUntil(() => h.variable('error') !== '', { maxMs: 5000 });
    expect(h.variable('error')).toBe('Wrong username or password. Check them in the connect block (ask your teacher), then connect again.');
    expect(h.extension.isConnected()).toBe(false);
    await h.stepFrames(90); // 1.5 s: a storm would show dozens of attempts
    expect(guarded.connectAttempts).toBe(1);
  } finally {
    await guarded.close();
  }
});
