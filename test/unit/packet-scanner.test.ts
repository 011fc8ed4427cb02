/** The stream-level MQTT header scanner: packet boundaries however the bytes are split, sizes refused from the header. */
import { PACKET_TYPE, PacketScanner } from '../../src/server/limits/packet-scanner';
import { connectPacket, headerOnly, publishPacket, subscribePacket } from '../support/raw-mqtt';

function scanAll(chunks: Buffer[], limit = Number.POSITIVE_INFINITY) {
  const ends: [number, number][] = [];
  const scanner = new PacketScanner({ limit: () => limit, onPacketEnd: (type, end) => ends.push([type, end]) });
  for (const chunk of chunks) {
    const problem = scanner.scan(chunk);
    if (problem) return { ends, problem };
  }
  return { ends, problem: null };
}

/** Splits `bytes` at pseudo-random places (seeded, so a failure can be replayed). */
function split(bytes: Buffer, seed: number): Buffer[] {
  const chunks: Buffer[] = [];
  let state = seed;
  for (let at = 0; at < bytes.length; ) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const size = 1 + (state % 7);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

test('finds every packet end however the stream is cut, including multi-byte lengths', () => {
  const packets = [connectPacket('c'), subscribePacket('#'), publishPacket('a', ''), publishPacket('b', Buffer.alloc(300)), publishPacket('c', Buffer.alloc(20000)), Buffer.from([0xc0, 0x00])];
  const stream = Buffer.concat(packets);
  const expected: [number, number][] = [];
  let offset = 0;
  for (const packet of packets) {
    offset += packet.length;
    expected.push([packet[0] >> 4, offset]);
  }
  for (let seed = 1; seed <= 50; seed += 1) expect(scanAll(split(stream, seed)).ends).toEqual(expected);
  expect(scanAll([...stream].map((byte) => Buffer.from([byte]))).ends).toEqual(expected);
  expect(expected.filter(([type]) => type === PACKET_TYPE.publish)).toHaveLength(3);
});

test('refuses a packet by its declared size before its body, and a five-byte length as malformed', () => {
  expect(scanAll([headerOnly(0x10, 200 * 1024 * 1024)], 64 * 1024).problem).toEqual({
    kind: 'tooLarge',
    packetType: 1,
    declaredBytes: 200 * 1024 * 1024 + 5,
    limit: 64 * 1024,
  });
  // Exactly at the limit is fine.
  const atLimit = publishPacket('t', Buffer.alloc(100));
  expect(scanAll([atLimit], atLimit.length).problem).toBeNull();
  expect(scanAll([atLimit], atLimit.length - 1).problem).toMatchObject({ kind: 'tooLarge' });
  expect(scanAll([Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01])]).problem).toEqual({ kind: 'malformed' });
});
