import type { IncomingMessage, ServerResponse } from 'node:http';
import { cutText } from '../text/cut-text';

/** One message as shown to the monitor page. */
export interface MonitoredMessage {
  /** Increasing number; also the SSE event id, so a reconnecting page can resume. */
  seq: number;
  /** Milliseconds since the Unix epoch, when the broker saw the message. */
  time: number;
  topic: string;
  /** Payload decoded as UTF-8; invalid bytes become U+FFFD, never an exception. */
  payload: string;
  /** True when `payload` was cut to keep the feed small; `bytes` is still the real size. */
  truncated: boolean;
  bytes: number;
  retain: boolean;
  qos: number;
  /** Id of the publishing client, when the message came from one (not from the broker). */
  clientId: string | null;
}

export interface MonitorOptions {
  /** Messages kept for pages that connect later. */
  historySize?: number;
  /** Characters of payload kept per message; bounds memory with large payloads. */
  maxPayloadChars?: number;
  /** Bytes queued for one page before we stop writing to it until it drains. */
  maxBufferedBytes?: number;
  /** Interval of SSE comments that keep proxies and idle timeouts from closing the stream. */
  keepAliveMs?: number;
}

interface Subscriber {
  res: ServerResponse;
  /** Messages not sent to this page because it was not reading fast enough. */
  dropped: number;
}

/**
 * Feed of every message passing through the broker, for the teacher's monitor page.
 *
 * The broker calls record() synchronously for every publish, so it must never wait on a
 * page: writes are fire-and-forget, and a page that falls behind (its socket buffer over
 * the limit) simply misses messages, which are counted and reported to it once it catches up.
 */
export class MessageMonitor {
  private readonly history: MonitoredMessage[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private readonly historySize: number;
  private readonly maxPayloadChars: number;
  private readonly maxBufferedBytes: number;
  private readonly keepAlive: NodeJS.Timeout;
  private seq = 0;

  constructor(options: MonitorOptions = {}) {
    this.historySize = options.historySize ?? 200;
    this.maxPayloadChars = options.maxPayloadChars ?? 4096;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 256 * 1024;
    this.keepAlive = setInterval(() => this.broadcast(': keep-alive\n\n', false), options.keepAliveMs ?? 15000);
    this.keepAlive.unref();
  }

  /** Adds a message to the history and sends it to every connected page. `$SYS/` is skipped. */
  record(message: {
    topic: string;
    payload: Buffer | string;
    retain?: boolean;
    qos?: number;
    clientId?: string | null;
  }): void {
    if (message.topic.startsWith('$SYS/')) return;
    const buffer = typeof message.payload === 'string' ? Buffer.from(message.payload, 'utf8') : message.payload;
    // Buffer#toString('utf8') replaces malformed sequences with U+FFFD instead of throwing.
    const { text, truncated } = cutText(buffer.toString('utf8'), this.maxPayloadChars);
    const entry: MonitoredMessage = {
      seq: ++this.seq,
      time: Date.now(),
      topic: message.topic,
      payload: text,
      truncated,
      bytes: buffer.length,
      retain: message.retain ?? false,
      qos: message.qos ?? 0,
      clientId: message.clientId ?? null,
    };
    this.history.push(entry);
    if (this.history.length > this.historySize) this.history.shift();
    this.broadcast(formatEvent(entry));
  }

  /** Last messages, oldest first (a copy). */
  recent(): MonitoredMessage[] {
    return [...this.history];
  }

  /** Serves `GET /api/monitor` as Server-Sent Events: history first, then live messages. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      // Deliberately no Access-Control-Allow-Origin: the monitor page is served from this
      // server, and CORS would let any web site the teacher visits read the class's messages.
    });
    // A page that reconnects sends the last id it saw: resend only what it missed.
    const lastId = Number(req.headers['last-event-id']);
    const since = Number.isFinite(lastId) && lastId > 0 && lastId <= this.seq ? lastId : 0;
    let chunk = 'retry: 2000\n\n';
    for (const entry of this.history) if (entry.seq > since) chunk += formatEvent(entry);
    res.write(chunk);

    const subscriber: Subscriber = { res, dropped: 0 };
    this.subscribers.add(subscriber);
    const remove = (): void => {
      this.subscribers.delete(subscriber);
    };
    req.on('close', remove);
    res.on('close', remove);
    res.on('error', remove);
  }

  /** Ends every open feed, e.g. when the server stops. */
  close(): void {
    clearInterval(this.keepAlive);
    for (const subscriber of this.subscribers) subscriber.res.end();
    this.subscribers.clear();
  }

  /** `isMessage` is false for keep-alives, which a slow page can miss without being told. */
  private broadcast(chunk: string, isMessage = true): void {
    for (const subscriber of this.subscribers) {
      const { res } = subscriber;
      if (res.destroyed || res.writableEnded) {
        this.subscribers.delete(subscriber);
        continue;
      }
      if (res.writableLength > this.maxBufferedBytes) {
        if (isMessage) subscriber.dropped += 1;
        continue;
      }
      if (subscriber.dropped > 0) {
        res.write(`event: dropped\ndata: ${JSON.stringify({ count: subscriber.dropped })}\n\n`);
        subscriber.dropped = 0;
      }
      res.write(chunk);
    }
  }
}

/** JSON never contains a raw newline, so one `data:` line is always a valid SSE event. */
function formatEvent(entry: MonitoredMessage): string {
  return `id: ${entry.seq}\ndata: ${JSON.stringify(entry)}\n\n`;
}
