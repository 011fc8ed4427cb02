import type { IncomingMessage, ServerResponse } from 'node:http';
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';
import { cutText } from '../text/cut-text';
import { FEED_LIMIT_DEFAULTS, LimitedFeeds, type FeedLimitOptions } from './feeds/feed-limits';

/** One message as shown to the monitor page. */
export interface MonitoredMessage {
  /** Increasing number; also the SSE event id, so a reconnecting page can resume. */
  seq: number;
  /** Milliseconds since the Unix epoch, when the broker saw the message. */
  time: number;
  /** Topic, cut for display (a topic may be 65 kB long); ends with "…" when cut. */
  topic: string;
  /** Payload decoded as UTF-8; invalid bytes become U+FFFD, never an exception. */
  payload: string;
  /** True when `payload` was cut to keep the feed small; `bytes` is still the real size. */
  truncated: boolean;
  bytes: number;
  retain: boolean;
  qos: number;
  /** Id of the publishing client, when the message came from one (not from the broker); cut for display. */
  clientId: string | null;
}

/** Feed limits (how many open, in all and per computer; when a stalled feed closes): see feeds/feed-limits.ts. */
export interface MonitorOptions extends FeedLimitOptions {
  /** Messages kept for pages that connect later. */
  historySize?: number;
  /** Characters of payload kept per message; bounds memory with large payloads. */
  maxPayloadChars?: number;
  /** Characters of topic and of client id kept per message. */
  maxTopicChars?: number;
  maxClientIdChars?: number;
  /** A feed is written to only while its socket holds less than this (history goes out in pieces of this size). */
  maxBufferedBytes?: number;
  /** Interval of SSE comments that keep proxies and idle timeouts from closing the stream. */
  keepAliveMs?: number;
}

export const MONITOR_DEFAULTS = {
  historySize: 200,
  maxPayloadChars: 4096,
  maxTopicChars: 256,
  maxClientIdChars: 64,
  maxBufferedBytes: 64 * 1024,
  keepAliveMs: 15000,
  ...FEED_LIMIT_DEFAULTS,
} as const;

interface Feed {
  res: ServerResponse;
  address: string;
  /** seq of the last message written to this feed. */
  sent: number;
  /** Messages that left the history before this feed could be sent them, not yet reported. */
  dropped: number;
  fullSince: number | null;
}

function cutForDisplay(text: string, max: number): string {
  const { text: kept, truncated } = cutText(text, max);
  return truncated ? `${kept}…` : kept;
}

/**
 * Feed of every message passing through the broker, for the teacher's monitor page.
 *
 * The broker calls record() synchronously for every publish, so it must never wait on a page.
 * Every feed is a cursor into one shared, bounded history: a feed is written to only while its
 * socket has room, in pieces, so a page that stops reading costs a bounded socket buffer and no
 * copies. A page that falls so far behind that messages leave the history is told how many it
 * missed; one that takes nothing for a while is closed.
 */
export class MessageMonitor {
  private readonly history: MonitoredMessage[] = [];
  private readonly feeds: LimitedFeeds<Feed>;
  private readonly options: Required<MonitorOptions>;
  private readonly timer: NodeJS.Timeout;
  private seq = 0;
  private lastKeepAlive = Date.now();

  constructor(options: MonitorOptions = {}) {
    this.options = { ...MONITOR_DEFAULTS, ...options };
    this.feeds = new LimitedFeeds<Feed>(this.options);
    this.timer = setInterval(() => this.tick(), Math.min(1000, this.options.keepAliveMs));
    this.timer.unref();
  }

  /** Adds a message to the history and sends it to every connected page that has room. `$SYS/` is skipped. */
  record(message: { topic: string; payload: Buffer | string; retain?: boolean; qos?: number; clientId?: string | null }): void {
    if (message.topic.startsWith('$SYS/')) return;
    const buffer = typeof message.payload === 'string' ? Buffer.from(message.payload, 'utf8') : message.payload;
    // Decode only what can be shown (a character is at most 4 bytes): a cut of a 1 MB string would
    // keep the whole string alive in the history. Buffer#toString('utf8') replaces malformed
    // sequences with U+FFFD instead of throwing.
    const shown = buffer.subarray(0, this.options.maxPayloadChars * 4 + 4).toString('utf8');
    const cut = cutText(shown, this.options.maxPayloadChars);
    const truncated = cut.truncated;
    // Copy the kept text so it does not hold on to the longer decoded string it was cut from.
    const text = cut.truncated ? Buffer.from(cut.text, 'utf8').toString('utf8') : cut.text;
    const entry: MonitoredMessage = {
      seq: ++this.seq,
      time: Date.now(),
      topic: cutForDisplay(message.topic, this.options.maxTopicChars),
      payload: text,
      truncated,
      bytes: buffer.length,
      retain: message.retain ?? false,
      qos: message.qos ?? 0,
      clientId: message.clientId == null ? null : cutForDisplay(message.clientId, this.options.maxClientIdChars),
    };
    this.history.push(entry);
    if (this.history.length > this.options.historySize) this.history.shift();
    for (const feed of this.feeds) this.pump(feed);
  }

  /** Last messages, oldest first (a copy). */
  recent(): MonitoredMessage[] {
    return [...this.history];
  }

  /** Open feeds (for tests and the dashboard). */
  get feedCount(): number {
    return this.feeds.size;
  }

  /**
   * Serves `GET /api/monitor` as Server-Sent Events: history first, then live messages. `HEAD`
   * gets the headers only. Beyond the feed limits the answer is 503 with an explanation.
   */
  attach(req: IncomingMessage, res: ServerResponse): void {
    if (this.feeds.refuseOverLimit(req, res, `${inLines(T.tooManyMonitors)}\n`)) return;
    const address = LimitedFeeds.addressOf(req);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      // Deliberately no Access-Control-Allow-Origin: the monitor page is served from this
      // server, and CORS would let any web site the teacher visits read the class's messages.
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A page that reconnects sends the last id it saw: resend only what it missed.
    const lastId = Number(req.headers['last-event-id']);
    const since = Number.isFinite(lastId) && lastId > 0 && lastId <= this.seq ? lastId : 0;
    const feed: Feed = { res, address, sent: since, dropped: 0, fullSince: null };
    // Messages older than the history that this page never saw are not "dropped": it just came late.
    const oldest = this.history[0]?.seq;
    if (oldest !== undefined && feed.sent < oldest - 1) feed.sent = oldest - 1;
    if (oldest === undefined) feed.sent = Math.max(feed.sent, this.seq);
    this.feeds.add(req, feed);
    res.on('drain', () => this.pump(feed));
    this.pump(feed, 'retry: 2000\n\n');
  }

  /** Ends every open feed, e.g. when the server stops. */
  close(): void {
    clearInterval(this.timer);
    this.feeds.closeAll();
  }

  /** Writes what this feed has not had yet, while its socket has room. */
  private pump(feed: Feed, prefix = ''): void {
    if (!this.feeds.isOpen(feed)) return;
    const { res } = feed;
    const oldest = this.history[0]?.seq;
    if (oldest !== undefined && feed.sent < oldest - 1) {
      // The page fell so far behind that these left the history: count them for the page.
      feed.dropped += oldest - 1 - feed.sent;
      feed.sent = oldest - 1;
    }
    let chunk = prefix;
    if (feed.dropped > 0 && this.hasRoom(res)) {
      chunk += `event: dropped\ndata: ${JSON.stringify({ count: feed.dropped })}\n\n`;
      feed.dropped = 0;
    }
    while (oldest !== undefined && feed.sent < this.seq && res.writableLength + chunk.length < this.options.maxBufferedBytes) {
      const entry = this.history[feed.sent + 1 - oldest];
      chunk += formatEvent(entry);
      feed.sent = entry.seq;
    }
    if (chunk !== '') {
      const more = res.write(chunk);
      if (!more) feed.fullSince ??= Date.now();
    }
    if (this.hasRoom(res)) feed.fullSince = null;
    else feed.fullSince ??= Date.now();
  }

  private hasRoom(res: ServerResponse): boolean {
    return res.writableLength < this.options.maxBufferedBytes;
  }

  /** Keep-alives for idle feeds, and closing feeds that stopped reading. */
  private tick(): void {
    const now = Date.now();
    const keepAlive = now - this.lastKeepAlive >= this.options.keepAliveMs;
    if (keepAlive) this.lastKeepAlive = now;
    for (const feed of this.feeds.sweep(now, keepAlive)) this.pump(feed);
  }
}

/** JSON never contains a raw newline, so one `data:` line is always a valid SSE event. */
function formatEvent(entry: MonitoredMessage): string {
  return `id: ${entry.seq}\ndata: ${JSON.stringify(entry)}\n\n`;
}
