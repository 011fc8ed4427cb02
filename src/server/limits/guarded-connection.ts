/**
 * Sits between a client's socket (TCP, or a WebSocket stream) and aedes, and does two jobs aedes
 * cannot do from above:
 *
 * - Inbound: refuses a packet by its declared size from its first bytes (a CONNECT announcing
 *   200 MB is closed after five bytes, not buffered), with a smaller bound until the client has
 *   logged in.
 * - Outbound: never makes aedes wait. aedes waits for a slow socket to drain before it finishes a
 *   delivery, and its shared delivery queue then waits with it, so one client that stops reading
 *   stalls the whole class. Here every write is accepted at once and passed on to the socket; the
 *   bytes and messages still waiting for this client are counted so the delivery guard can drop
 *   messages to it beyond its bound, and so the slow-reader watch can close it.
 */
import { Duplex } from 'node:stream';
import type { RefusalReason, Transport } from '../events/connection-events';
import type { BrokerLimits } from './broker-limits';
import { PACKET_TYPE, PacketScanner, type ScanProblem } from './packet-scanner';

export interface ConnectionMeta {
  /** The peer's network address (IPv4-mapped IPv6 addresses are shown as plain IPv4). */
  address: string;
  transport: Transport;
}

export class GuardedConnection extends Duplex {
  /** Set once the broker accepted the client's login: from then on the larger packet limit applies. */
  loggedIn = false;
  /** Messages dropped for this client because it was over its bound. */
  dropped = 0;
  /** When the client went over its bound (null while under it). */
  overBoundSince: number | null = null;
  /** Why the server closed this connection, when it did (reported with the disconnect). */
  closeReason: RefusalReason | undefined;
  /** Facts about that reason for the log line. */
  closeDetail: string | undefined;

  private readonly inbound: PacketScanner;
  private readonly outbound: PacketScanner;
  private accepted = 0;
  private flushed = 0;
  /** Stream offsets just after each PUBLISH written but not yet flushed to the socket. */
  private publishEnds: number[] = [];
  private publishHead = 0;
  private lastProgress = Date.now();

  constructor(
    private readonly raw: Duplex,
    readonly meta: ConnectionMeta,
    private readonly limits: BrokerLimits,
    private readonly onProblem: (problem: ScanProblem) => void,
  ) {
    super({ allowHalfOpen: false });
    this.inbound = new PacketScanner({
      limit: () => (this.loggedIn ? this.limits.maxPacketBytes : this.limits.maxLoginPacketBytes),
    });
    this.outbound = new PacketScanner({
      limit: () => Number.POSITIVE_INFINITY,
      onPacketEnd: (type, end) => {
        if (type === PACKET_TYPE.publish) this.publishEnds.push(end);
      },
    });
    raw.on('data', (chunk: Buffer) => this.receive(chunk));
    raw.on('end', () => this.push(null));
    raw.on('error', (error: Error) => this.destroy(error));
    raw.on('close', () => this.destroy());
  }

  /** Bytes accepted for this client that its socket has not taken yet. */
  get pendingBytes(): number {
    return this.accepted - this.flushed;
  }

  /** Messages (PUBLISH packets) accepted for this client and not yet flushed to its socket. */
  get pendingMessages(): number {
    return this.publishEnds.length - this.publishHead;
  }

  /** Whether a new message for this client would go beyond its bound. */
  isOverBound(): boolean {
    return this.pendingBytes >= this.limits.maxQueuedBytesPerClient || this.pendingMessages >= this.limits.maxQueuedMessagesPerClient;
  }

  /** Milliseconds since this client last took any data while data was waiting for it (0 when nothing waits). */
  stalledFor(now: number): number {
    return this.pendingBytes > 0 ? now - this.lastProgress : 0;
  }

  private receive(chunk: Buffer): void {
    if (this.destroyed) return;
    const problem = this.inbound.scan(chunk);
    if (problem !== null) {
      this.onProblem(problem);
      this.destroy();
      return;
    }
    if (!this.push(chunk)) this.raw.pause();
  }

  override _read(): void {
    this.raw.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.send(chunk);
    callback();
  }

  /** aedes corks the stream around each packet: pass the packet on as one write (one WebSocket frame). */
  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.send(chunks.length === 1 ? chunks[0].chunk : Buffer.concat(chunks.map((c) => c.chunk)));
    callback();
  }

  private send(chunk: Buffer): void {
    if (this.raw.destroyed) return;
    if (this.pendingBytes === 0) this.lastProgress = Date.now();
    this.outbound.scan(chunk);
    this.accepted += chunk.length;
    const size = chunk.length;
    this.raw.write(chunk, (error) => {
      if (error) return;
      this.flushed += size;
      this.lastProgress = Date.now();
      this.forgetFlushedPublishes();
    });
  }

  private forgetFlushedPublishes(): void {
    const ends = this.publishEnds;
    while (this.publishHead < ends.length && ends[this.publishHead] <= this.flushed) this.publishHead += 1;
    if (this.publishHead > 1024 && this.publishHead * 2 > ends.length) {
      this.publishEnds = ends.slice(this.publishHead);
      this.publishHead = 0;
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.raw.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.raw.destroy();
    this.publishEnds = [];
    this.publishHead = 0;
    callback(error);
  }
}

/** "::ffff:192.168.1.5" -> "192.168.1.5", so one pupil's computer counts as one address on both listeners. */
export function normaliseAddress(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
