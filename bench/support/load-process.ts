/**
 * The broker and the publisher of a benchmark, in a child process of their own: the measured
 * receiver (a raw mqtt.js client, or scratch-vm with our extension) then has the parent's core to
 * itself, as a pupil's browser does when the classroom broker runs on the teacher's computer.
 *
 * Protocol (IPC messages): the child sends {ready, wsUrl, tcpUrl}; the parent sends
 * {publish: topic, count, qos} and gets {published} once the broker has taken them all.
 */
import { fork, type ChildProcess } from 'node:child_process';
import mqtt from 'mqtt';
import { startTestBroker } from '../../test/support/test-broker';

interface Ready {
  ready: true;
  wsUrl: string;
  tcpUrl: string;
}
interface PublishRequest {
  publish: string;
  count: number;
  payloadPrefix: string;
}

export interface LoadProcess {
  readonly wsUrl: string;
  /** Publishes `count` QoS 0 messages `${prefix}${i}` and resolves when the broker has them all. */
  publish(topic: string, count: number, payloadPrefix?: string): Promise<void>;
  close(): Promise<void>;
}

export function startLoadProcess(): Promise<LoadProcess> {
  const child: ChildProcess = fork(__filename, ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => {
      const ready = message as Ready;
      resolve({
        wsUrl: ready.wsUrl,
        publish(topic, count, payloadPrefix = 'm') {
          return new Promise((done) => {
            child.once('message', () => done());
            child.send({ publish: topic, count, payloadPrefix } satisfies PublishRequest);
          });
        },
        close() {
          return new Promise((done) => {
            child.once('exit', () => done());
            child.kill();
          });
        },
      });
    });
  });
}

async function runChild(): Promise<void> {
  const broker = await startTestBroker();
  const publisher = await mqtt.connectAsync(broker.tcpUrl);
  process.on('message', (message) => {
    const request = message as PublishRequest;
    for (let i = 0; i < request.count; i++) publisher.publish(request.publish, `${request.payloadPrefix}${i}`);
    // A QoS 1 message nobody receives: its acknowledgement means the broker has taken all of the above.
    publisher.publish(`${request.publish}-flush`, 'flush', { qos: 1 }, () => process.send?.({ published: true }));
  });
  process.send?.({ ready: true, wsUrl: broker.wsUrl, tcpUrl: broker.tcpUrl } satisfies Ready);
}

if (process.argv.includes('--child')) {
  runChild().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
