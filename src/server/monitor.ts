import type { IncomingMessage, ServerResponse } from 'node:http';
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';
import { cutText } from '../text/cut-text';
import { FEED_LIMIT_DEFAULTS, LimitedFeeds, type FeedLimitOptions } from './feeds/feed-limits';
import type { ChartHistoryStore } from './chart-history/chart-history-store';
import { HistoryStream, MAX_PASSES } from './chart-history/history-stream';

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
  /**
   * The number counting starts after (default: this server's start time in microseconds). A page
   * that reconnects after a restart still holds the last server's numbers; starting above them all
   * tells its Last-Event-ID apart, so it gets the history again instead of a "resume" that skips.
   */
  firstSeq?: number;
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
  /** While set, the dashboard's chart history is still being sent; live messages wait in the history ring. */
  charts: HistoryStream | null;
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
  private readonly options: Required<Omit<MonitorOptions, 'firstSeq'>>;
  private readonly timer: NodeJS.Timeout;
  /** Numbers up to this one belong to an earlier run of the server. */
  private readonly firstSeq: number;
  private seq: number;
  private lastKeepAlive = Date.now();

  /** `chartHistory`: the charts' history kept by the server, sent first to a dashboard that opens. */
  constructor(
    options: MonitorOptions = {},
    private readonly chartHistory: ChartHistoryStore | null = null,
  ) {
    const { firstSeq = Date.now() * 1000, ...limits } = options;
    this.options = { ...MONITOR_DEFAULTS, ...limits };
    // Microseconds stay exact in a double until the year 2255, and a server would have to average
    // a million messages a second to count past the next run's start.
    this.firstSeq = firstSeq;
    this.seq = firstSeq;
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
    this.chartHistory?.record(entry);
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
   * `?history=charts` (the dashboard) first gets the charts' history kept by the server, in pieces
   * (`event: history`, between `history-start` and `history-end`), unless it is resuming.
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
    // A page that reconnects sends the last id it saw: resend only what it missed. An id from an
    // earlier run of the server (or a forged one) gets the whole history instead.
    const lastId = Number(req.headers['last-event-id']);
    const since = Number.isInteger(lastId) && lastId > this.firstSeq && lastId <= this.seq ? lastId : 0;
    const wantsCharts = new URL(req.url ?? '/', 'http://placeholder').searchParams.get('history') === 'charts';
    const charts = wantsCharts && since === 0 && this.chartHistory !== null ? new HistoryStream(this.chartHistory) : null;
    const feed: Feed = { res, address, sent: since, dropped: 0, fullSince: null, charts };
    // Messages older than the history that this page never saw are not "dropped": it just came late.
    const oldest = this.history[0]?.seq;
    if (oldest !== undefined && feed.sent < oldest - 1) feed.sent = oldest - 1;
    if (oldest === undefined) feed.sent = Math.max(feed.sent, this.seq);
    this.feeds.add(req, feed);
    res.on('drain', () => this.pump(feed));
    if (charts === null) {
      this.pump(feed, 'retry: 2000\n\n');
      return;
    }
    charts.startPass(this.seq);
    this.pump(feed, 'retry: 2000\n\nevent: history-start\ndata: {}\n\n');
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
    if (feed.charts !== null) {
      prefix = this.pumpCharts(feed, feed.charts, prefix);
      if (feed.charts !== null) return;
    }
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

  /**
   * Sends chart history while the socket has room. When a pass is complete and the recent messages
   * still reach back to where it started, the feed goes live from the oldest recent message (the
   * page skips the readings it already has); returns what is left to write with the live part.
   */
  private pumpCharts(feed: Feed, charts: HistoryStream, prefix: string): string {
    let chunk = prefix;
    while (feed.res.writableLength + chunk.length < this.options.maxBufferedBytes) {
      const piece = charts.next(this.seq);
      if (piece !== null) {
        chunk += piece;
        continue;
      }
      const oldest = this.history[0]?.seq;
      const covered = oldest === undefined || oldest - 1 <= charts.passStartSeq;
      if (!covered && charts.passes < MAX_PASSES) {
        charts.startPass(this.seq);
        continue;
      }
      // Past the last pass, what left the recent messages is reported as dropped, as for any slow page.
      feed.sent = oldest === undefined ? this.seq : covered ? oldest - 1 : charts.passStartSeq;
      feed.charts = null;
      // The id lets a page that reconnects resume instead of being sent the history again.
      return `${chunk}id: ${feed.sent}\nevent: history-end\ndata: {}\n\n`;
    }
    if (chunk !== '' && !feed.res.write(chunk)) feed.fullSince ??= Date.now();
    if (this.hasRoom(feed.res)) feed.fullSince = null;
    else feed.fullSince ??= Date.now();
    return '';
  }

  private hasRoom(res: ServerResponse): boolean {
    return res.writableLength < this.options.maxBufferedBytes;
  }

  /** Keep-alives for idle feeds, and closing feeds that stopped reading. */
  private tick(): void {
    const now = Date.now();
    const keepAlive = now - this.lastKeepAlive >= this.options.keepAliveMs;
    if (keepAlive) this.lastKeepAlive = now;
    this.chartHistory?.sweep();
    for (const feed of this.feeds.sweep(now, keepAlive)) this.pump(feed);
  }
}

/** JSON never contains a raw newline, so one `data:` line is always a valid SSE event. */
function formatEvent(entry: MonitoredMessage): string {
  return `id: ${entry.seq}\ndata: ${JSON.stringify(entry)}\n\n`;
}
