/**
 * Follows MQTT packet boundaries in a byte stream by reading only each fixed header (type byte and
 * "remaining length"), never buffering a packet. That is enough to refuse a packet by its declared
 * size from its first bytes, before any of its body has arrived, and to count whole packets.
 */

/** MQTT control packet types (upper four bits of the first byte). */
export const PACKET_TYPE = { connect: 1, publish: 3 } as const;

/** The remaining length is at most four bytes of seven bits each (MQTT 3.1.1 section 2.2.3). */
const MAX_LENGTH_BYTES = 4;

export type ScanProblem =
  | { kind: 'tooLarge'; packetType: number; declaredBytes: number; limit: number }
  | { kind: 'malformed' };

export interface PacketScannerHooks {
  /** Largest whole packet (fixed header included) allowed right now; asked at each new packet. */
  limit: () => number;
  /** Called when a packet's last byte has been seen, with the stream offset just after it. */
  onPacketEnd?: (packetType: number, endOffset: number) => void;
}

export class PacketScanner {
  /** Bytes seen so far. */
  offset = 0;
  private state: 'type' | 'length' | 'body' = 'type';
  private packetType = 0;
  private length = 0;
  private lengthBytes = 0;
  private bodyLeft = 0;
  private failed = false;

  constructor(private readonly hooks: PacketScannerHooks) {}

  /** Reads a chunk; returns the first problem found (after which the stream must be closed), or null. */
  scan(chunk: Uint8Array): ScanProblem | null {
    if (this.failed) return { kind: 'malformed' };
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'body') {
        const take = Math.min(this.bodyLeft, chunk.length - i);
        i += take;
        this.bodyLeft -= take;
        if (this.bodyLeft === 0) this.finishPacket(this.offset + i);
        continue;
      }
      const byte = chunk[i];
      i += 1;
      if (this.state === 'type') {
        this.packetType = byte >> 4;
        this.length = 0;
        this.lengthBytes = 0;
        this.state = 'length';
        continue;
      }
      // state === 'length'
      this.length += (byte & 0x7f) * 2 ** (7 * this.lengthBytes);
      this.lengthBytes += 1;
      if (byte & 0x80) {
        if (this.lengthBytes >= MAX_LENGTH_BYTES) {
          this.failed = true;
          return { kind: 'malformed' };
        }
        continue;
      }
      const total = 1 + this.lengthBytes + this.length;
      const limit = this.hooks.limit();
      if (total > limit) {
        this.failed = true;
        return { kind: 'tooLarge', packetType: this.packetType, declaredBytes: total, limit };
      }
      this.bodyLeft = this.length;
      this.state = 'body';
      if (this.bodyLeft === 0) this.finishPacket(this.offset + i);
    }
    this.offset += chunk.length;
    return null;
  }

  private finishPacket(endOffset: number): void {
    this.state = 'type';
    this.hooks.onPacketEnd?.(this.packetType, endOffset);
  }
}
