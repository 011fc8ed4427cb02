import { createServer, type Server, type Socket } from 'node:net';
import { closeServer, listenOn } from './listen';
import { normaliseAddress, type ConnectionMeta } from './limits/guarded-connection';

export interface TcpBroker {
  port: number;
  close(): Promise<void>;
}

/**
 * Plain MQTT over TCP, for boards (ESP32 umqtt, Raspberry Pi paho). Each socket goes to `accept`
 * (the connection intake, which applies the limits and hands it to the broker). Sockets are tracked
 * so close() can drop connections that never finished CONNECT, which the broker does not know
 * about yet and would otherwise keep the port open.
 */
export async function startTcpBroker(
  accept: (socket: Socket, meta: ConnectionMeta) => void,
  port: number,
  host: string,
): Promise<TcpBroker> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset before we even looked at the socket must not become an unhandled error.
    socket.on('error', () => socket.destroy());
    // Boards send small packets; Nagle's delay would only add latency.
    socket.setNoDelay(true);
    accept(socket, { address: normaliseAddress(socket.remoteAddress), transport: 'tcp' });
  });
  const boundPort = await listenOn(server, port, host, 'tcp');
  return {
    port: boundPort,
    close: async () => {
      const closed = closeServer(server);
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
