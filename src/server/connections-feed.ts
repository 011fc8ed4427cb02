/**
 * The dashboard's connections feed, `GET /api/dashboard/connections` (Server-Sent Events): first a
 * snapshot (who is connected now, the latest refusals), then every connection event as it happens.
 * The events come from ConnectionEvents, the same source the server terminal prints.
 *
 * A page that stops reading is never waited for: events are skipped while its socket is full and
 * it gets a fresh snapshot once it drains, so it is right again without any replay queue; a page
 * that takes nothing for a while is closed. Feeds are capped in all and per address.
 */
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectedClient, ConnectionEvent, ConnectionEvents, RefusedEvent } from './events/connection-events';
import { FEED_LIMIT_DEFAULTS, LimitedFeeds, type FeedLimitOptions } from './feeds/feed-limits';

export interface ConnectionsSnapshot {
  /** Clients connected now, oldest first (at most MAX_LISTED). */
  connected: ConnectedClient[];
  /** How many are connected in all (more than listed when over MAX_LISTED). */
  connectedCount: number;
  /** The latest refusals, oldest first. */
  refused: RefusedEvent[];
}

/** Feed limits (how many open, in all and per computer; when a stalled feed closes): see feeds/feed-limits.ts. */
export interface ConnectionsFeedOptions extends FeedLimitOptions {
  maxBufferedBytes?: number;
  keepAliveMs?: number;
}

const DEFAULTS: Required<ConnectionsFeedOptions> = {
  maxBufferedBytes: 64 * 1024,
  keepAliveMs: 15000,
  ...FEED_LIMIT_DEFAULTS,
};

/** Clients listed in a snapshot: a page cannot show more usefully, and it bounds the snapshot's size. */
export const MAX_LISTED = 500;

interface Feed {
  res: ServerResponse;
  address: string;
  /** Events were skipped while the socket was full: send a snapshot when it drains. */
  behind: boolean;
  fullSince: number | null;
}

export class ConnectionsFeed {
  private readonly options: Required<ConnectionsFeedOptions>;
  private readonly feeds: LimitedFeeds<Feed>;
  private readonly timer: NodeJS.Timeout;
  private readonly onEvent = (event: ConnectionEvent): void => this.broadcast(event);
  private lastKeepAlive = Date.now();

  constructor(
    private readonly events: ConnectionEvents,
    options: ConnectionsFeedOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.feeds = new LimitedFeeds<Feed>(this.options);
    events.on('event', this.onEvent);
    this.timer = setInterval(() => this.tick(), 1000);
    this.timer.unref();
  }

  get feedCount(): number {
    return this.feeds.size;
  }

  snapshot(): ConnectionsSnapshot {
    const connected = this.events.connected();
    return {
      connected: connected.slice(0, MAX_LISTED),
      connectedCount: connected.length,
      refused: this.events.recent().filter((event): event is RefusedEvent => event.type === 'refused'),
    };
  }

  attach(req: IncomingMessage, res: ServerResponse): void {
    if (this.feeds.refuseOverLimit(req, res, `${inLines(T.tooManyDashboards)}
`)) return;
    // No Access-Control-Allow-Origin: only this server's own dashboard may read who is connected.
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const feed: Feed = { res, address: LimitedFeeds.addressOf(req), behind: false, fullSince: null };
    this.feeds.add(req, feed);
    res.on('drain', () => {
      feed.fullSince = null;
      if (feed.behind) this.sendSnapshot(feed);
    });
    res.write('retry: 2000\n\n');
    this.sendSnapshot(feed);
  }

  close(): void {
    clearInterval(this.timer);
    this.events.off('event', this.onEvent);
    this.feeds.closeAll();
  }

  private sendSnapshot(feed: Feed): void {
    feed.behind = false;
    this.write(feed, `event: snapshot\ndata: ${JSON.stringify(this.snapshot())}\n\n`);
  }

  private broadcast(event: ConnectionEvent): void {
    const chunk = `data: ${JSON.stringify(event)}\n\n`;
    for (const feed of this.feeds) {
      if (feed.behind || feed.res.writableLength >= this.options.maxBufferedBytes) {
        feed.behind = true;
        feed.fullSince ??= Date.now();
        continue;
      }
      this.write(feed, chunk);
    }
  }

  private write(feed: Feed, chunk: string): void {
    if (!this.feeds.isOpen(feed)) return;
    if (!feed.res.write(chunk)) feed.fullSince ??= Date.now();
  }

  private tick(): void {
    const now = Date.now();
    const keepAlive = now - this.lastKeepAlive >= this.options.keepAliveMs;
    if (keepAlive) this.lastKeepAlive = now;
    this.feeds.sweep(now, keepAlive);
  }
}
