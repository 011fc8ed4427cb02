import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Aedes } from './aedes-loader';

/**
 * Largest WebSocket message accepted. mqtt.js sends one MQTT packet per frame; the ws
 * default (100 MiB) would let one tab exhaust the teacher's memory.
 */
const MAX_WEBSOCKET_MESSAGE = 16 * 1024 * 1024;

export interface WebSocketBridge {
  close(): Promise<void>;
}

/**
 * Serves MQTT over WebSocket on the HTTP server's own port, at `path`. Browsers cannot open
 * raw TCP, so this is how the Scratch extension reaches the same broker the boards use.
 * Sharing the HTTP port means one port for pupils to remember (and one firewall rule).
 */
export function attachWebSocketBroker(httpServer: HttpServer, broker: Aedes, path: string): WebSocketBridge {
  // noServer: the HTTP server owns the port; we only take upgrades for our path.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WEBSOCKET_MESSAGE });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    } catch {
      pathname = '';
    }
    if (pathname !== path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = createWebSocketStream(ws);
      // A tab closing mid-packet errors the stream; aedes cleans up the client on close.
      stream.on('error', () => stream.destroy());
      broker.handle(stream, req);
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
