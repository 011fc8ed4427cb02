import { createServer, type Server as HttpServer } from 'node:http';
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT } from './server-text';
import path from 'node:path';
import type { EventEmitter } from 'node:events';
import { createAedesBroker, type Aedes, type AedesOptions } from './aedes-loader';
import { generatePassword, generateUsername, generateViewerCode, type Credentials } from './auth';
import { GuessLimiter } from './access/guess-limiter';
import { createLoginHook, loginOf, whereFrom } from './access/login';
import { OriginPolicy } from './access/origin-policy';
import { TeacherAccess } from './access/teacher-access';
import { ConnectionEvents, formatConnectionEvent } from './events/connection-events';
import { resolveLimits, type BrokerLimits } from './limits/broker-limits';
import { ConnectionIntake } from './limits/connection-intake';
import { createDeliveryGuard } from './limits/delivery-guard';
import { createBoundedPersistence } from './limits/stored-message-bound';
import { GuardedConnection } from './limits/guarded-connection';
import { createPublishRule, createSubscribeRule } from './limits/topic-rules';
import { createHttpApp } from './http-app';
import { closeServer, listenOn } from './listen';
import { ConnectionsFeed } from './connections-feed';
import type { FeedLimitOptions } from './feeds/feed-limits';
import { MessageMonitor, type MonitorOptions } from './monitor';
import { ChartHistoryStore, type ChartHistoryOptions } from './chart-history/chart-history-store';
import { lanIPv4Addresses } from './network';
import { RetainedFileStore, type RetainedRecord } from './retained-store';
import { findScratchGuiDir } from './scratch-gui-files';
import { startTcpBroker, type TcpBroker } from './tcp-listener';
import { attachWebSocketBroker, type WebSocketBridge } from './websocket-bridge';

export interface ClassroomServerOptions {
  /** HTTP port for pages, the extension file and MQTT over WebSocket. Default 8000; 0 = any free port. */
  httpPort?: number;
  /** MQTT over TCP port for boards. Default 1883; 0 = any free port. */
  tcpPort?: number;
  /** Address to bind. Default 127.0.0.1, or 0.0.0.0 with `lan`. */
  host?: string;
  /** Open to the classroom network: binds 0.0.0.0 (unless `host` is given) and requires credentials. */
  lan?: boolean;
  /** Required username; generated in LAN mode when missing. Giving one outside LAN mode also turns auth on. */
  username?: string;
  /** Required password; generated in LAN mode when missing. */
  password?: string;
  /** JSON file where retained messages are kept across restarts. */
  retainedFile?: string;
  /** Folder with the built `mqtt-blocks.js`. Default: the project's `dist/`. */
  distDir?: string;
  /** Folder with the editor pages. Default: `src/server/pages`. */
  pagesDir?: string;
  /**
   * Folder with the prebuilt Scratch editor (`dist/` of @scratch/scratch-gui-standalone). Default: looked
   * up on each request in vendor/scratch-gui (see `npm run setup:scratch-editor`) and node_modules;
   * null: serve the Scratch page's "not set up" explanation.
   */
  scratchGuiDir?: string | null;
  /** Where warnings and connection events go (one line each). Default: console.error. */
  log?: (line: string) => void;
  /** Overrides of the broker's limits (see limits/broker-limits.ts for each one and its default). */
  limits?: Partial<BrokerLimits>;
  /** Web page origins allowed to use the broker besides the server's own, localhost and TurboWarp (`--allow-origin`). */
  allowOrigins?: string[];
  /** Names (optionally name:port) that reach this server besides its own, e.g. a school DNS name or a proxy (`--allow-host`). */
  allowHosts?: string[];
  /** Read-only code for the monitor and dashboard (username `viewer`); generated when credentials are required. */
  viewerCode?: string;
  /**
   * How many browser feeds may be open (in all, per computer) and when one that takes nothing is
   * closed: the monitor's and the dashboard's connections feed alike.
   */
  feeds?: FeedLimitOptions;
  /** Bounds of the monitor feed (history, message sizes; feed limits here override `feeds` for it). */
  monitor?: MonitorOptions;
  /** Bounds of the charts' history the server keeps for dashboards (topics, memory, per-topic window). */
  chartHistory?: ChartHistoryOptions;
}

export interface ClassroomServer {
  host: string;
  httpPort: number;
  tcpPort: number;
  lan: boolean;
  /** `http://localhost:PORT/` */
  httpUrl: string;
  /** TurboWarp "custom extension" URL: `http://localhost:PORT/mqtt-blocks.js`. */
  extensionUrl: string;
  /** Editor pages. */
  pageUrls: { home: string; scratch: string; board: string };
  /** MQTT over WebSocket for browsers on this machine: `ws://localhost:PORT/mqtt`. */
  websocketUrl: string;
  /** MQTT over TCP for programs on this machine: `mqtt://localhost:PORT`. */
  tcpUrl: string;
  /** LAN IPv4 addresses that boards and other computers should use (LAN mode only). */
  lanAddresses: string[];
  /** The credentials clients must send, or null when the broker is open (local only). */
  credentials: (Credentials & { generated: boolean }) | null;
  /** Read-only viewer code (username `viewer`), or null when the broker is open. */
  viewerCode: string | null;
  /** The message feed behind `/api/monitor`. */
  monitor: MessageMonitor;
  /** The dashboard's feed behind `/api/dashboard/connections`. */
  connections: ConnectionsFeed;
  /** The charts' history sent first to a dashboard that opens (kept in memory only). */
  chartHistory: ChartHistoryStore;
  /** Connections: who connected, who left, what was refused and why. */
  events: ConnectionEvents;
  /** The limits in force. */
  limits: BrokerLimits;
  /** Which pages and host names may use the broker. */
  originPolicy: OriginPolicy;
  /** Stops listening, disconnects everybody, saves retained messages. Safe to call twice. */
  close(): Promise<void>;
}

export const DEFAULT_HTTP_PORT = 8000;
export const DEFAULT_TCP_PORT = 1883;
export const WEBSOCKET_PATH = '/mqtt';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Explicit credentials always win; LAN mode fills in whatever the teacher left out. */
function resolveCredentials(options: ClassroomServerOptions, lan: boolean): ClassroomServer['credentials'] {
  const hasUser = options.username !== undefined && options.username !== '';
  const hasPassword = options.password !== undefined && options.password !== '';
  if (!lan && !hasUser && !hasPassword) return null;
  return {
    username: hasUser ? (options.username as string) : generateUsername(),
    password: hasPassword ? (options.password as string) : generatePassword(),
    generated: !hasUser || !hasPassword,
  };
}

/** Replays the saved retained messages into the broker before anyone can connect. */
async function restoreRetained(broker: Aedes, records: RetainedRecord[]): Promise<void> {
  for (const record of records) {
    await new Promise<void>((resolve) => {
      broker.publish(
        { cmd: 'publish', topic: record.topic, payload: record.payload, qos: record.qos, retain: true, dup: false },
        () => resolve(),
      );
    });
  }
}

/**
 * Starts the classroom server: an aedes broker reachable over TCP (boards) and over
 * WebSocket at `/mqtt` on the HTTP port (browsers), plus the HTTP site with the extension
 * file, the editor pages, `/api/info` and the `/api/monitor` feed.
 *
 * If anything fails to start, whatever was already started is closed before the error
 * (a ListenError with a bilingual message for port problems) is thrown.
 */
export async function startClassroomServer(options: ClassroomServerOptions = {}): Promise<ClassroomServer> {
  const lan = options.lan ?? false;
  const host = options.host ?? (lan ? '0.0.0.0' : '127.0.0.1');
  const log = options.log ?? ((line: string) => console.error(line));
  const credentials = resolveCredentials(options, lan);
  const distDir = path.resolve(options.distDir ?? path.join(PROJECT_ROOT, 'dist'));
  const pagesDir = path.resolve(options.pagesDir ?? path.join(__dirname, 'pages'));

  const limits = resolveLimits(options.limits);
  const viewerCode = credentials === null ? null : options.viewerCode !== undefined && options.viewerCode !== '' ? options.viewerCode : generateViewerCode();
  const events = new ConnectionEvents();
  events.on('event', (event) => log(formatConnectionEvent(event)));
  let httpPort = 0;
  const originPolicy = new OriginPolicy({ httpPort: () => httpPort, allowedOrigins: options.allowOrigins ?? [], allowedHosts: options.allowHosts ?? [], extraNames: [host] });

  // One guess limiter for MQTT and page logins: switching doors does not buy more guesses.
  const guesses = new GuessLimiter();
  const teacherAccess = new TeacherAccess({ credentials, viewerCode, originPolicy, guesses, events });
  const aedesOptions: AedesOptions = {
    authenticate: createLoginHook({ credentials, viewerCode, limits, guesses, events }),
    authorizePublish: createPublishRule(limits, events),
    authorizeSubscribe: createSubscribeRule(limits, events),
    authorizeForward: createDeliveryGuard(events),
    connectTimeout: limits.loginTimeoutMs,
    persistence: createBoundedPersistence(limits, (clientId, total) =>
      log(
        inLines(SERVER_TEXT.storedLimit, { client: clientId.slice(0, 64), limit: limits.maxStoredMessagesPerClient, total }),
      ),
    ).persistence,
  };
  // Checked before anything starts: a file that is not ours stops the start with an explanation.
  const store = options.retainedFile !== undefined ? new RetainedFileStore(path.resolve(options.retainedFile), log, limits) : null;
  const restored = store?.load() ?? [];
  const broker = await createAedesBroker(aedesOptions);
  // aedes emits 'error' only for persistence failures; log them instead of crashing the lesson.
  // (Its typings list only the broker-specific events, hence the EventEmitter view.)
  (broker as EventEmitter).on('error', (error: Error) => log(`Broker error: ${error.message}`));
  broker.on('clientReady', (client) => {
    const login = loginOf(client);
    events.clientConnected(client.conn, {
      clientId: client.id,
      username: login?.username ?? null,
      readOnly: login?.readOnly ?? false,
      ...whereFrom(client),
    });
  });
  broker.on('clientDisconnect', (client) => {
    const conn = client.conn;
    if (conn instanceof GuardedConnection) events.clientLeft(conn, conn.closeReason, conn.closeDetail);
    else events.clientLeft(conn);
  });
  broker.on('connectionError', (client, error) => {
    if (error.message === 'connect did not arrive in time') {
      events.refused({ reason: 'loginTimeout', ...whereFrom(client), detail: `${Math.round(limits.loginTimeoutMs / 1000)} s` });
    }
  });
  const intake = new ConnectionIntake(broker, limits, events);

  if (store !== null) await restoreRetained(broker, restored);

  // Only now start watching publishes, so the restored messages are not written back or shown as new.
  const chartHistory = new ChartHistoryStore(options.chartHistory);
  const monitor = new MessageMonitor({ ...options.feeds, ...options.monitor }, chartHistory);
  const connections = new ConnectionsFeed(events, options.feeds);
  broker.on('publish', (packet, client) => {
    monitor.record({
      topic: packet.topic,
      payload: packet.payload,
      retain: packet.retain,
      qos: packet.qos,
      clientId: client ? client.id : null,
    });
    if (store !== null && packet.retain && !packet.topic.startsWith('$SYS/')) {
      store.record(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload), packet.qos);
    }
  });

  let tcpPort = 0;
  const lanAddresses = lan ? lanIPv4Addresses() : [];
  const httpServer: HttpServer = createServer(
    createHttpApp({
      distDir,
      pagesDir,
      websocketPath: WEBSOCKET_PATH,
      monitor,
      connections,
      teacherAccess,
      scratchGuiDir: () => (options.scratchGuiDir === undefined ? findScratchGuiDir() : options.scratchGuiDir),
      info: () => ({
        httpPort,
        tcp: { host: lan && lanAddresses.length > 0 ? lanAddresses[0] : 'localhost', port: tcpPort },
        lan,
        addresses: lanAddresses,
        authRequired: credentials !== null,
      }),
    }),
  );
  const accept = intake.accept.bind(intake);
  const bridge: WebSocketBridge = attachWebSocketBroker(httpServer, {
    path: WEBSOCKET_PATH,
    maxPacketBytes: limits.maxPacketBytes,
    originPolicy,
    events,
    accept,
  });
  let tcp: TcpBroker | null = null;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      monitor.close();
      connections.close();
      intake.close();
      await bridge.close();
      // SSE feeds and keep-alive browser connections would hold close() open forever.
      const httpClosed = closeServer(httpServer);
      httpServer.closeAllConnections();
      await httpClosed;
      if (tcp !== null) await tcp.close();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      if (store !== null) await store.flush();
    })();
    return closing;
  };

  try {
    httpPort = await listenOn(httpServer, options.httpPort ?? DEFAULT_HTTP_PORT, host, 'http');
    tcp = await startTcpBroker(accept, options.tcpPort ?? DEFAULT_TCP_PORT, host);
    tcpPort = tcp.port;
  } catch (error) {
    await close();
    throw error;
  }

  // "localhost" rather than 127.0.0.1: browsers treat it as a secure context, so an https
  // TurboWarp page may still load http://localhost/... without a mixed-content block.
  const localName = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  const httpUrl = `http://${localName}:${httpPort}/`;
  return {
    host,
    httpPort,
    tcpPort,
    lan,
    httpUrl,
    extensionUrl: `${httpUrl}mqtt-blocks.js`,
    pageUrls: { home: httpUrl, scratch: `${httpUrl}scratch/`, board: `${httpUrl}board/` },
    websocketUrl: `ws://${localName}:${httpPort}${WEBSOCKET_PATH}`,
    tcpUrl: `mqtt://${localName}:${tcpPort}`,
    lanAddresses,
    credentials,
    viewerCode,
    monitor,
    connections,
    chartHistory,
    events,
    limits,
    originPolicy,
    close,
  };
}
