/**
 * Publish and subscribe checks (aedes `authorizePublish` / `authorizeSubscribe` hooks): topics over
 * the length limit are refused, and a viewer-code login may subscribe but not publish.
 */
import type { AedesOptions } from '../aedes-loader';
import type { ConnectionEvents } from '../events/connection-events';
import { loginOf, whereFrom } from '../access/login';
import type { BrokerLimits } from './broker-limits';

type PublishHook = NonNullable<AedesOptions['authorizePublish']>;
type SubscribeHook = NonNullable<AedesOptions['authorizeSubscribe']>;

function topicTooLong(topic: string, limits: BrokerLimits): boolean {
  // Cheap test first: a string of n UTF-16 units has at most 3n UTF-8 bytes.
  return topic.length * 3 > limits.maxTopicBytes && Buffer.byteLength(topic, 'utf8') > limits.maxTopicBytes;
}

export function createPublishRule(limits: BrokerLimits, events: ConnectionEvents): PublishHook {
  return (client, packet, callback) => {
    // Messages the server publishes itself (restored retained messages, $SYS) have no client.
    if (client === null) {
      callback(null);
      return;
    }
    const { address, transport } = whereFrom(client);
    const clientId = client.id ?? '';
    if (topicTooLong(packet.topic, limits)) {
      events.refused({ reason: 'topicTooLong', address, transport, clientId, detail: `publish topic over ${limits.maxTopicBytes} bytes` });
      callback(new Error('topic too long'));
      return;
    }
    if (loginOf(client)?.readOnly === true) {
      events.refused({ reason: 'readOnly', address, transport, clientId });
      callback(new Error('read-only login may not publish'));
      return;
    }
    callback(null);
  };
}

export function createSubscribeRule(limits: BrokerLimits, events: ConnectionEvents): SubscribeHook {
  return (client, subscription, callback) => {
    if (topicTooLong(subscription.topic, limits)) {
      const { address, transport } = whereFrom(client);
      events.refused({ reason: 'topicTooLong', address, transport, clientId: client.id ?? '', detail: `subscription over ${limits.maxTopicBytes} bytes` });
      // A null subscription is answered with SUBACK failure (128) for this filter only.
      callback(null, null);
      return;
    }
    callback(null, subscription);
  };
}
