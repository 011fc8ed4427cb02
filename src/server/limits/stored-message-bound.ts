/**
 * Bounds what the broker stores for clients with a kept session (clean session off): QoS 1/2
 * messages waiting while such a client is away (its offline queue) and those sent but not yet
 * acknowledged (in flight). aedes's memory store keeps them without limit, so a board that
 * subscribed to `#` with a kept session and never came back would grow the server forever.
 *
 * The store is aedes-persistence's own memory store; its three outgoing-queue methods are wrapped to
 * count messages and bytes per client id and to skip (and report) messages beyond the bound, the
 * way Mosquitto's max_queued_messages does.
 */
import type { BrokerLimits } from './broker-limits';

interface StoredPacket {
  payload?: Buffer | string;
}
interface Subscriber {
  clientId: string;
}
type Callback = (error?: Error | null) => void;

/** The part of aedes-persistence's store this module wraps (its callback or promise forms). */
interface OutgoingStore {
  outgoingEnqueue(sub: Subscriber, packet: StoredPacket, cb?: Callback): Promise<void> | void;
  outgoingEnqueueCombi(subs: Subscriber[], packet: StoredPacket, cb?: Callback): Promise<void> | void;
  outgoingClearMessageId(client: { id: string }, packet: unknown, cb?: (error: Error | null, packet?: StoredPacket) => void): Promise<StoredPacket | undefined> | void;
}

function sizeOf(packet: StoredPacket | undefined): number {
  const payload = packet?.payload;
  if (payload === undefined) return 0;
  return typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
}

export interface StoredMessageBound {
  /** The store to give aedes as its `persistence` option. */
  persistence: unknown;
  /** Messages stored for `clientId` now. */
  storedFor(clientId: string): number;
}

export function createBoundedPersistence(limits: BrokerLimits, onDrop: (clientId: string, dropped: number) => void): StoredMessageBound {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS module without usable types here (they import aedes's ES module types)
  const createMemoryStore = require('aedes-persistence') as () => OutgoingStore;
  const store = createMemoryStore();
  const counts = new Map<string, { messages: number; bytes: number; dropped: number }>();
  const maxBytes = limits.maxQueuedBytesPerClient;

  /** Takes a place for one more message for this client, or counts it as dropped. */
  const admit = (clientId: string, bytes: number): boolean => {
    const count = counts.get(clientId) ?? { messages: 0, bytes: 0, dropped: 0 };
    counts.set(clientId, count);
    if (count.messages >= limits.maxStoredMessagesPerClient || (count.messages > 0 && count.bytes + bytes > maxBytes)) {
      count.dropped += 1;
      // Reported on the first drop and then every 100th, so a long absence does not flood the log.
      if (count.dropped === 1 || count.dropped % 100 === 0) onDrop(clientId, count.dropped);
      return false;
    }
    count.messages += 1;
    count.bytes += bytes;
    return true;
  };

  const enqueue = store.outgoingEnqueue.bind(store);
  const enqueueCombi = store.outgoingEnqueueCombi.bind(store);
  const clear = store.outgoingClearMessageId.bind(store);

  store.outgoingEnqueue = (sub, packet, cb) => {
    if (admit(sub.clientId, sizeOf(packet))) return enqueue(sub, packet, cb);
    if (cb) {
      process.nextTick(cb, null);
      return;
    }
    return Promise.resolve();
  };

  store.outgoingEnqueueCombi = (subs, packet, cb) => {
    const bytes = sizeOf(packet);
    return enqueueCombi(
      subs.filter((sub) => admit(sub.clientId, bytes)),
      packet,
      cb,
    );
  };

  const release = (clientId: string, packet: StoredPacket | undefined): void => {
    if (packet === undefined) return;
    const count = counts.get(clientId);
    if (count === undefined) return;
    count.messages = Math.max(0, count.messages - 1);
    count.bytes = Math.max(0, count.bytes - sizeOf(packet));
    if (count.messages === 0) counts.delete(clientId);
  };

  store.outgoingClearMessageId = (client, packet, cb) => {
    if (cb) {
      return clear(client, packet, (error, removed) => {
        if (!error) release(client.id, removed);
        cb(error, removed);
      });
    }
    return (clear(client, packet) as Promise<StoredPacket | undefined>).then((removed) => {
      release(client.id, removed);
      return removed;
    });
  };

  return { persistence: store, storedFor: (clientId) => counts.get(clientId)?.messages ?? 0 };
}
