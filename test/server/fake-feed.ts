/** A page's feed (`/api/monitor`) without a socket: watch what the monitor writes, make the page slow or fast. */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MessageMonitor } from '../../src/server/monitor';

/** Just enough of a response for the monitor: it writes only while `writableLength` leaves room. */
export class FakeResponse extends EventEmitter {
  /** Each write, in order. */
  readonly chunks: string[] = [];
  writableLength = 0;
  destroyed = false;
  writableEnded = false;
  /** Everything written so far, as the page's EventSource reads it. */
  get written(): string {
    return this.chunks.join('');
  }
  writeHead(): this {
    return this;
  }
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  end(): void {
    this.writableEnded = true;
  }
  /** The page takes what waits for it. */
  drain(): void {
    this.writableLength = 0;
    this.emit('drain');
  }
}

/** Opens a feed on `url`; `lastEventId` is what a reconnecting page's EventSource sends. */
export function openFeed(monitor: MessageMonitor, url = '/api/monitor', lastEventId?: string): FakeResponse {
  const res = new FakeResponse();
  const req = Object.assign(new EventEmitter(), { url, headers: lastEventId === undefined ? {} : { 'last-event-id': lastEventId } });
  monitor.attach(req as unknown as IncomingMessage, res as unknown as ServerResponse);
  return res;
}
