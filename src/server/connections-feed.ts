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

export interface ConnectionsSnapshot {
  /** Clients connected now, oldest first (at most MAX_LISTED). */
  connected: ConnectedClient[];
  /** How many are connected in all (more than listed when over MAX_LISTED). */
  connectedCount: number;
  /** The latest refusals, oldest first. */
  refused: RefusedEvent[];
}

export interface ConnectionsFeedOptions {
  maxBufferedBytes?: number;
  keepAliveMs?: number;
  maxFeeds?: number;
  maxFeedsPerAddress?: number;
  stalledFeedTimeoutMs?: number;
}

const DEFAULTS: Required<ConnectionsFeedOptions> = {
  maxBufferedBytes: 64 * 1024,
  keepAliveMs: 15000,
  maxFeeds: 20,
  maxFeedsPerAddress: 4,
  stalledFeedTimeoutMs: 30000,
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
  private readonly feeds = new Set<Feed>();
  private readonly timer: NodeJS.Timeout;
  private readonly onEvent = (event: ConnectionEvent): void => this.broadcast(event);
  private lastKeepAlive = Date.now();

  constructor(
    private readonly events: ConnectionEvents,
    options: ConnectionsFeedOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
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
    const address = req.socket?.remoteAddress ?? 'unknown';
    const fromAddress = [...this.feeds].filter((feed) => feed.address === address).length;
    if (this.feeds.size >= this.options.maxFeeds || fromAddress >= this.options.maxFeedsPerAddress) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10', 'Cache-Control': 'no-store' });
      res.end(`${inLines(T.tooManyDashboards)}\n`);
      return;
    }
    // No Access-Control-Allow-Origin: only this server's own dashboard may read who is connected.
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const feed: Feed = { res, address, behind: false, fullSince: null };
    this.feeds.add(feed);
    const remove = (): void => {
      this.feeds.delete(feed);
    };
    req.on('close', remove);
    res.on('close', remove);
    res.on('error', remove);
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
    for (const feed of this.feeds) feed.res.end();
    this.feeds.clear();
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
    const { res } = feed;
    if (res.destroyed || res.writableEnded) {
      this.feeds.delete(feed);
      return;
    }
    if (!res.write(chunk)) feed.fullSince ??= Date.now();
  }

  private tick(): void {
    const now = Date.now();
    const keepAlive = now - this.lastKeepAlive >= this.options.keepAliveMs;
    if (keepAlive) this.lastKeepAlive = now;
    for (const feed of this.feeds) {
      if (feed.fullSince !== null && now - feed.fullSince >= this.options.stalledFeedTimeoutMs) {
        this.feeds.delete(feed);
        feed.res.destroy();
        continue;
      }
      if (keepAlive && feed.res.writableLength === 0 && !feed.res.writableEnded) feed.res.write(': keep-alive\n\n');
    }
  }
}
