/**
 * The shared set-up of live-extension tests: a fresh broker per test, headless projects connected
 * to it the way a pupil does (green flag → the project's "connect" block), and mqtt.js clients
 * playing the other devices. Everything a test opens is closed after it.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { ExtensionEnvironment } from '../../src/scratch/extension';
import { loadFixture, loadProject, type ScratchHarness } from './scratch-harness';

/** What the tests need of a broker: aedes in-process or a Mosquitto process. */
export interface LiveBroker {
  readonly wsUrl: string;
  readonly tcpUrl: string;
  close(): Promise<void>;
}

export interface LiveProjects<B extends LiveBroker> {
  /** This test's broker. */
  readonly broker: B;
  /** Loads a fixture (by name) or project JSON; not connected. */
  load: (project: string | object, environment?: Partial<ExtensionEnvironment>) => Promise<ScratchHarness>;
  /** Loads, points the `broker` variable at this test's broker, clicks the green flag and waits until connected. */
  start(project: string | object, environment?: Partial<ExtensionEnvironment>): Promise<ScratchHarness>;
  /** An mqtt.js client over TCP, as a board or a Raspberry Pi would connect. */
  client: () => Promise<MqttClient>;
}

export function useLiveProjects<B extends LiveBroker>(startBroker: () => Promise<B>): LiveProjects<B> {
  let broker: B | null = null;
  const harnesses: ScratchHarness[] = [];
  const clients: MqttClient[] = [];

  beforeEach(async () => {
    broker = await startBroker();
  });
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) harness.dispose();
    for (const client of clients.splice(0)) await client.endAsync(true);
    await broker?.close();
    broker = null;
  });

  const current = (): B => {
    if (!broker) throw new Error('the broker exists only inside a test');
    return broker;
  };

  const load = async (project: string | object, environment: Partial<ExtensionEnvironment> = {}) => {
    const harness = await loadProject(typeof project === 'string' ? loadFixture(project) : project, environment);
    harnesses.push(harness);
    return harness;
  };

  return {
    get broker() {
      return current();
    },
    load,
    async start(project, environment) {
      const harness = await load(project, environment);
      harness.setVariable('broker', current().wsUrl);
      harness.greenFlag();
      expect(await harness.stepUntil(() => harness.extension.isConnected(), { maxMs: 5000 })).toBe(true);
      // Let the hats' automatic subscriptions reach the broker.
      await harness.stepFrames(3);
      return harness;
    },
    async client() {
      const client = await mqtt.connectAsync(current().tcpUrl);
      clients.push(client);
      return client;
    },
  };
}
