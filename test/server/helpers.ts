import http from 'node:http';
import net from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

/** Rejects after `ms` so no test waits on a broker forever. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Tracks clients so afterEach can always end them, even when a test failed midway. */
export class ClientPool {
  private readonly clients: MqttClient[] = [];

  /** Connects once, without reconnecting: a refused CONNACK must reject, not retry. */
  connect(url: string, options: IClientOptions = {}): Promise<MqttClient> {
    const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 4000, ...options });
    this.clients.push(client);
    return withTimeout(
      new Promise<MqttClient>((resolve, reject) => {
        client.once('connect', () => resolve(client));
        client.once('error', reject);
        client.once('close', () => reject(new Error('closed before CONNACK')));
      }),
      6000,
      `connect ${url}`,
    );
  }

  async endAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => withTimeout(client.endAsync(true), 3000, 'client end').catch(() => {})));
  }
}

/** Resolves with the first message on `topic` (payload as text and retain flag). */
export function nextMessage(client: MqttClient, topic: string, ms = 4000): Promise<{ payload: Buffer; retain: boolean }> {
  return withTimeout(
    new Promise((resolve) => {
      const onMessage = (t: string, payload: Buffer, packet: { retain?: boolean }): void => {
        if (t !== topic) return;
        client.removeListener('message', onMessage);
        resolve({ payload, retain: packet.retain === true });
      };
      client.on('message', onMessage);
    }),
    ms,
    `message on ${topic}`,
  );
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Raw GET that sends `path` byte for byte. fetch() would normalise `/../` away before
 * sending, which would hide exactly the requests the traversal tests need.
 */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(port, 'GET', path, headers);
}

/** rawGet with any method (HEAD, POST without a body, …). */
export function rawRequest(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    }),
    5000,
    `${method} ${path}`,
  );
}

/** A port that was free a moment ago (bound to 0 and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something can still bind `port` on 127.0.0.1 (i.e. a failed start released it). */
export function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
