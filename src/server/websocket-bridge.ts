import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { CONNACK, refuseConnection } from './access/refuse-connection';
import type { OriginPolicy } from './access/origin-policy';
import type { ConnectionEvents } from './events/connection-events';
import { normaliseAddress, type ConnectionMeta } from './limits/guarded-connection';

export interface WebSocketBridge {
  close(): Promise<void>;
}

export interface WebSocketBridgeOptions {
  /** Path of the MQTT endpoint, e.g. `/mqtt`. */
  path: string;
  /** Largest MQTT packet; one WebSocket message never needs to be larger. */
  maxPacketBytes: number;
  /** Which pages and host names may use the broker. */
  originPolicy: OriginPolicy;
  events: ConnectionEvents;
  /** The connection intake: limits, then the broker. */
  accept: (stream: Duplex, meta: ConnectionMeta, req: IncomingMessage) => void;
}

/**
 * Serves MQTT over WebSocket on the HTTP server's own port, at `path`. Browsers cannot open
 * raw TCP, so this is how the Scratch extension reaches the same broker the boards use.
 * Sharing the HTTP port means one port for pupils to remember (and one firewall rule).
 *
 * A request naming a host that is not this server is refused before the upgrade (DNS rebinding).
 * A page from a foreign site gets its WebSocket, but its CONNECT is answered "not authorised"
 * without reaching the broker, so the extension can tell the pupil what to ask the teacher.
 */
export function attachWebSocketBroker(httpServer: HttpServer, options: WebSocketBridgeOptions): WebSocketBridge {
  // noServer: the HTTP server owns the port; we only take upgrades for our path. A frame never
  // needs to exceed one packet (plus its WebSocket framing slack); larger ones close the socket.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPacketBytes + 16 });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    } catch {
      pathname = '';
    }
    if (pathname !== options.path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const meta: ConnectionMeta = { address: normaliseAddress(req.socket.remoteAddress), transport: 'websocket' };
    const verdict = options.originPolicy.check({ host: req.headers.host, origin: req.headers.origin });
    if (!verdict.allowed && verdict.reason === 'foreignHost') {
      options.events.refused({ reason: 'foreignHost', ...meta, detail: verdict.shown });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = createWebSocketStream(ws);
      // A tab closing mid-packet errors the stream; the broker cleans up the client on close.
      stream.on('error', () => stream.destroy());
      if (!verdict.allowed) {
        options.events.refused({ reason: 'foreignOrigin', ...meta, detail: verdict.shown });
        refuseConnection(stream, CONNACK.notAuthorized);
        return;
      }
      options.accept(stream, meta, req);
    });
  };
  httpServer.on('upgrade', onUpgrade);

  return {
    close: () =>
      new Promise((resolve) => {
        httpServer.removeListener('upgrade', onUpgrade);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
