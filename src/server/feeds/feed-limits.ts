/**
 * The one place where the browser feeds (the monitor's `/api/monitor`, the dashboard's
 * `/api/dashboard/connections`) are limited: how many may be open, in all and per computer, and
 * when a feed that takes nothing is closed. Each feed keeps its own idea of what to send; this only
 * decides who may open one and who has to go.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FeedLimitOptions {
  /** Open feeds at most, in all: bounds memory (each feed holds at most its socket's buffer). */
  maxFeeds?: number;
  /** Open feeds at most from one computer on the network. */
  maxFeedsPerAddress?: number;
  /**
   * Open feeds at most from the server's own computer. The teacher's computer opens the board page
   * (which has a monitor panel), the monitor, the dashboard and Scratch, often several tabs each;
   * a pupil's computer has no reason to.
   */
  maxFeedsPerLoopbackAddress?: number;
  /** A feed that takes none of what waits for it for this long is closed. */
  stalledFeedTimeoutMs?: number;
}

export const FEED_LIMIT_DEFAULTS = {
  // 16 for the teacher's computer plus six computers at 4: at most 40 × 64 kB of buffered data.
  maxFeeds: 40,
  maxFeedsPerAddress: 4,
  maxFeedsPerLoopbackAddress: 16,
  stalledFeedTimeoutMs: 30000,
} as const;

/** What every feed has for the limits to work on. */
export interface LimitedFeed {
  res: ServerResponse;
  address: string;
  /** Since when the socket has been too full to write (null while it takes data). */
  fullSince: number | null;
}

/** True for the server's own computer: 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** The open feeds of one kind, with their limits. */
export class LimitedFeeds<F extends LimitedFeed> implements Iterable<F> {
  private readonly feeds = new Set<F>();
  readonly limits: Required<FeedLimitOptions>;

  constructor(options: FeedLimitOptions = {}) {
    this.limits = { ...FEED_LIMIT_DEFAULTS, ...options };
  }

  get size(): number {
    return this.feeds.size;
  }

  [Symbol.iterator](): Iterator<F> {
    return this.feeds[Symbol.iterator]();
  }

  /** The address a request comes from, as the limits count it. */
  static addressOf(req: IncomingMessage): string {
    return req.socket?.remoteAddress ?? 'unknown';
  }

  /** Whether one more feed from this address would go over a limit. */
  isFull(address: string): boolean {
    if (this.feeds.size >= this.limits.maxFeeds) return true;
    const perAddress = isLoopbackAddress(address) ? this.limits.maxFeedsPerLoopbackAddress : this.limits.maxFeedsPerAddress;
    let fromAddress = 0;
    for (const feed of this.feeds) if (feed.address === address) fromAddress += 1;
    return fromAddress >= perAddress;
  }

  /**
   * Answers 503 with `text` when a feed from this request's address would go over a limit; the
   * pages recognise the 503 and tell the teacher to close some windows. Returns whether it refused.
   */
  refuseOverLimit(req: IncomingMessage, res: ServerResponse, text: string): boolean {
    if (!this.isFull(LimitedFeeds.addressOf(req))) return false;
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10', 'Cache-Control': 'no-store' });
    res.end(text);
    return true;
  }

  /** Counts a feed until its request or response closes. */
  add(req: IncomingMessage, feed: F): void {
    this.feeds.add(feed);
    const remove = (): void => {
      this.feeds.delete(feed);
    };
    req.on('close', remove);
    feed.res.on('close', remove);
    feed.res.on('error', remove);
  }

  delete(feed: F): void {
    this.feeds.delete(feed);
  }

  /** Whether the feed can still be written to; forgets it when not. */
  isOpen(feed: F): boolean {
    if (!feed.res.destroyed && !feed.res.writableEnded) return true;
    this.feeds.delete(feed);
    return false;
  }

  /**
   * Closes feeds that took nothing for the stated time and sends an SSE comment to idle ones when
   * `keepAlive` (so proxies and idle timeouts keep the stream). Returns the feeds still open.
   */
  sweep(now: number, keepAlive: boolean): F[] {
    const open: F[] = [];
    for (const feed of this.feeds) {
      if (feed.fullSince !== null && now - feed.fullSince >= this.limits.stalledFeedTimeoutMs) {
        this.feeds.delete(feed);
        feed.res.destroy();
        continue;
      }
      // A slow page can miss a keep-alive without being told: it has data waiting anyway.
      if (keepAlive && feed.res.writableLength === 0 && !feed.res.writableEnded) feed.res.write(': keep-alive\n\n');
      open.push(feed);
    }
    return open;
  }

  /** Ends every feed, e.g. when the server stops. */
  closeAll(): void {
    for (const feed of this.feeds) feed.res.end();
    this.feeds.clear();
  }
}
