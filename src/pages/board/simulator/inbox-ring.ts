/**
 * Received messages in shared memory: the page appends `[topic length][topic][payload length][payload]`
 * records, the worker takes them in batches on check_msg()/wait_msg() without a round trip to the
 * page, which may be busy drawing. Lengths are 32-bit little-endian; records wrap around the ring.
 */
import { INBOX_RING_BYTES, Slot, type SharedViews } from './shared-memory';

export interface InboxMessage {
  topic: Uint8Array;
  payload: Uint8Array;
}

const at = (counter: number): number => (counter >>> 0) % INBOX_RING_BYTES;

function copyIn(ring: Uint8Array, start: number, bytes: Uint8Array): void {
  const offset = at(start);
  const first = Math.min(bytes.length, INBOX_RING_BYTES - offset);
  ring.set(bytes.subarray(0, first), offset);
  if (first < bytes.length) ring.set(bytes.subarray(first), 0);
}

function copyOut(ring: Uint8Array, start: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const offset = at(start);
  const first = Math.min(length, INBOX_RING_BYTES - offset);
  out.set(ring.subarray(offset, offset + first));
  if (first < length) out.set(ring.subarray(0, length - first), first);
  return out;
}

function lengthBytes(value: number): Uint8Array {
  return new Uint8Array([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff]);
}

const readLength = (bytes: Uint8Array): number => ((bytes[0]) | ((bytes[1]) << 8) | ((bytes[2]) << 16) | ((bytes[3]) << 24)) >>> 0;

/** Page side: appends one message if it fits; false when the ring is full (the page keeps it for later). */
export function appendMessage(views: SharedViews, message: InboxMessage): boolean {
  const { slots, inbox } = views;
  const write = Atomics.load(slots, Slot.inWrite);
  const used = (write - Atomics.load(slots, Slot.inRead)) | 0;
  const size = 8 + message.topic.length + message.payload.length;
  if (used + size > INBOX_RING_BYTES) return false;
  copyIn(inbox, write, lengthBytes(message.topic.length));
  copyIn(inbox, write + 4, message.topic);
  copyIn(inbox, write + 4 + message.topic.length, lengthBytes(message.payload.length));
  copyIn(inbox, write + 8 + message.topic.length, message.payload);
  Atomics.store(slots, Slot.inWrite, (write + size) | 0);
  return true;
}

/** Worker side: takes up to `limit` messages (at least one if any wait, at most about `maxBytes`). */
export function takeMessages(views: SharedViews, limit: number, maxBytes: number): InboxMessage[] {
  const { slots, inbox } = views;
  const write = Atomics.load(slots, Slot.inWrite);
  let read = Atomics.load(slots, Slot.inRead);
  const taken: InboxMessage[] = [];
  let bytes = 0;
  while (((write - read) | 0) > 0 && taken.length < limit && (taken.length === 0 || bytes < maxBytes)) {
    const topicLength = readLength(copyOut(inbox, read, 4));
    const topic = copyOut(inbox, read + 4, topicLength);
    const payloadLength = readLength(copyOut(inbox, read + 4 + topicLength, 4));
    const payload = copyOut(inbox, read + 8 + topicLength, payloadLength);
    taken.push({ topic, payload });
    read = (read + 8 + topicLength + payloadLength) | 0;
    bytes += topicLength + payloadLength;
  }
  Atomics.store(slots, Slot.inRead, read);
  return taken;
}

export function inboxEmpty(views: SharedViews): boolean {
  return Atomics.load(views.slots, Slot.inWrite) === Atomics.load(views.slots, Slot.inRead);
}
