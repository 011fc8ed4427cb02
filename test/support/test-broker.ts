/**
 * An in-process aedes broker for tests: MQTT over WebSocket (browsers, the Scratch extension) and
 * over TCP (boards, Python), on free ports of 127.0.0.1. It can be stopped and started again on the
 * same ports, as a classroom broker that crashes and comes back.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { createAedesBroker, type Aedes } from '../../src/server/aedes-loader';

export interface TestBrokerOptions {
  /** Accept only this username/password (CONNACK 4 otherwise). */
  credentials?: { username: string; password: string };
}

export interface TestBroker {
  readonly wsUrl: string;
  readonly tcpUrl: string;
  readonly tcpPort: number;
  readonly wsPort: number;
  /** Connection attempts seen (CONNECT packets), to detect reconnect storms. */
  readonly connectAttempts: number;
  /** Cuts every browser (WebSocket) client without a DISCONNECT, as a Wi-Fi drop would; TCP clients and the broker stay. */
  dropWebSocketClients(): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestBroker(options: TestBrokerOptions = {}): Promise<TestBroker> {
  // Port 0 on the first start (the OS picks, no race with other test workers); the same ports on restarts.
  let wsPort = 0;
  let tcpPort = 0;
  let attempts = 0;
  let running: { broker: Aedes; http: HttpServer; wss: WebSocketServer; tcp: TcpServer; sockets: Set<Socket> } | null = null;

  async function start(): Promise<void> {
    const broker = await createAedesBroker({
      authenticate: (_client, username, password, done) => {
        attempts++;
        const wanted = options.credentials;
        if (!wanted) return done(null, true);
        const ok = username === wanted.username && password?.toString() === wanted.password;
        if (ok) return done(null, true);
        const error = Object.assign(new Error('bad username or password'), { returnCode: 4 as const });
        return done(error, false);
      },
    });
    const sockets = new Set<Socket>();
    const http = createHttpServer();
    const wss = new WebSocketServer({ server: http });
    wss.on('connection', (socket) => broker.handle(createWebSocketStream(socket)));
    const tcp = createTcpServer((socket) => broker.handle(socket));
    for (const server of [http, tcp]) {
      server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
    }
    wsPort = await listen(http, wsPort);
    tcpPort = await listen(tcp, tcpPort);
    running = { broker, http, wss, tcp, sockets };
  }

  async function stop(): Promise<void> {
    const current = running;
    running = null;
    if (!current) return;
    // A crash, not a polite shutdown: cut every socket, then release the ports.
    for (const socket of current.sockets) socket.destroy();
    for (const client of current.wss.clients) client.terminate();
    await new Promise<void>((resolve) => current.wss.close(() => resolve()));
    await new Promise<void>((resolve) => current.http.close(() => resolve()));
    await new Promise<void>((resolve) => current.tcp.close(() => resolve()));
    await new Promise<void>((resolve) => current.broker.close(() => resolve()));
  }

  await start();
  return {
    wsUrl: `ws://127.0.0.1:${wsPort}/mqtt`,
    tcpUrl: `mqtt://127.0.0.1:${tcpPort}`,
    tcpPort,
    wsPort,
    get connectAttempts() {
      return attempts;
    },
    dropWebSocketClients() {
      if (!running) return;
      for (const client of running.wss.clients) client.terminate();
    },
    stop,
    start,
    close: stop,
  };
}

function listen(server: HttpServer | TcpServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
