/**
 * The burst and reconnect scenarios against a real Mosquitto (Debian package) with a WebSocket
 * listener, started by the test on a free port.
 */
import { useLiveProjects } from '../support/live-project';
import { startMosquitto } from '../support/mosquitto';
import { describeWithTool, mosquittoCheck } from '../support/system-tool';
import { sleep } from '../support/ports';

describeWithTool(mosquittoCheck(), 'live extension against Mosquitto over WebSocket', () => {
  const live = useLiveProjects(() => startMosquitto());

  test('a burst of 500 messages reaches the list complete, in order and once, beside an overlapping subscription', async () => {
    const h = await live.start('burst-list');
    // Mosquitto 2 sends one copy per matching subscription: the overlap must not run the hat twice.
    await h.extension.subscribe({ TOPIC: 'burst/#', QOS: '1' });
    const publisher = await live.client();
    const sent = Array.from({ length: 500 }, (_, i) => `mosquitto-${i}`);
    await Promise.all(sent.map((payload) => publisher.publishAsync('burst/test', payload, { qos: 1 })));
    await h.stepUntil(() => h.list('received').length >= 500, { maxMs: 10000 });
    await h.stepFrames(5);
    expect(h.list('received')).toEqual(sent);
    expect(h.extension.droppedMessages()).toBe(0);
  });

  test('killing Mosquitto and starting it again: reconnects and resubscribes by itself', async () => {
    const h = await live.start('reconnect');
    await live.broker.stop();
    expect(await h.stepUntil(() => h.variable('drops') === 1, { maxMs: 5000 })).toBe(true);
    await sleep(300);
    await live.broker.start();
    expect(await h.stepUntil(() => h.variable('connects') === 2, { maxMs: 15000 })).toBe(true);
    const publisher = await live.client();
    let delivered = false;
    for (let attempt = 0; attempt < 20 && !delivered; attempt++) {
      await publisher.publishAsync('re/test', 'after restart', { qos: 1 });
      delivered = await h.stepUntil(() => h.list('received').length > 0, { maxMs: 250 });
    }
    expect(delivered).toBe(true);
    expect(h.list('received')[0]).toBe('after restart');
  });
});
