import { createServer, type Server, type Socket } from 'node:net';
import type { Aedes } from './aedes-loader';
import { closeServer, listenOn } from './listen';

export interface TcpBroker {
  port: number;
  close(): Promise<void>;
}

/**
 * Plain MQTT over TCP, for boards (ESP32 umqtt, Raspberry Pi paho). Sockets are tracked
 * so close() can drop connections that never finished CONNECT, which aedes does not know
 * about yet and would otherwise keep the port open.
 */
export async function startTcpBroker(broker: Aedes, port: number, host: string): Promise<TcpBroker> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Boards send small packets; Nagle's delay would only add latency.
    socket.setNoDelay(true);
    broker.handle(socket);
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
