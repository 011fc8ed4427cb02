/**
 * Who may use the classroom broker: web pages by Origin, requests by Host (DNS rebinding), and
 * password guessing slowed per address. Probed with raw WebSockets carrying forged headers.
 */
import mqtt from 'mqtt';
import WebSocket from 'ws';
import { translatePending } from '../../src/i18n/translate';
import { MqttSession, type ConnectFunction } from '../../src/session/mqtt-session';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import type { ConnectionEvent } from '../../src/server/events/connection-events';
import { connectPacket } from '../support/raw-mqtt';
import { ClientPool, rawGet, withTimeout } from './helpers';

const servers: ClassroomServer[] = [];
const pool = new ClientPool();

async function start(options: Parameters<typeof startClassroomServer>[0] = {}): Promise<{ server: ClassroomServer; lines: string[]; events: ConnectionEvent[] }> {
  const lines: string[] = [];
  const server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: (line) => lines.push(line), ...options });
  servers.push(server);
  const events: ConnectionEvent[] = [];
  server.events.on('event', (event) => events.push(event));
  return { server, lines, events };
}

afterEach(async () => {
  await pool.endAll();
  await Promise.all(servers.splice(0).map((server) => withTimeout(server.close(), 5000, 'server close')));
});

/** Opens a raw WebSocket with the given headers, sends a CONNECT and resolves with what came back. */
async function tryWebSocket(server: ClassroomServer, headers: Record<string, string>): Promise<{ status: number } | { connack: number | null }> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.httpPort}/mqtt`, 'mqtt', { headers });
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      ws.once('error', reject);
      ws.once('open', () => {
        ws.once('message', (data: Buffer) => {
          const bytes = Buffer.from(data);
          resolve({ connack: bytes[0] === 0x20 ? (bytes[3] ?? null) : null });
          ws.close();
        });
        ws.once('close', () => resolve({ connack: null }));
        ws.send(connectPacket('origin-probe'));
      });
    }),
    5000,
    'websocket probe',
  );
}

describe('which pages may use the broker', () => {
  test('own pages, localhost pages, TurboWarp web and desktop, added origins and non-browser clients are accepted', async () => {
    const { server } = await start({ allowOrigins: ['https://school.example.org'] });
    const port = server.httpPort;
    const accepted: Record<string, string>[] = [
      {},
      { Origin: `http://127.0.0.1:${port}` },
      { Origin: `http://localhost:${port}`, Host: `localhost:${port}` },
      { Origin: 'http://localhost:8601' },
      { Origin: 'https://turbowarp.org' },
      { Origin: 'https://experimental.turbowarp.org' },
      { Origin: 'tw-editor://.' },
      { Origin: 'https://school.example.org' },
    ];
    for (const headers of accepted) {
      expect([headers, await tryWebSocket(server, headers)]).toEqual([headers, { connack: 0 }]);
    }
  });

  test('a page from another site gets "not authorised" without reaching the broker, and the refusal is logged', async () => {
    const { server, lines, events } = await start();
    for (const origin of ['https://evil.example', 'null', 'https://turbowarp.org.evil.example', 'http://turbowarp.org']) {
      expect([origin, await tryWebSocket(server, { Origin: origin })]).toEqual([origin, { connack: 5 }]);
    }
    expect(events.filter((e) => e.type === 'refused' && e.reason === 'foreignOrigin')).toHaveLength(4);
    expect(events.some((e) => e.type === 'connected')).toBe(false);
    expect(lines.some((line) => line.includes('Origin: https://evil.example') && line.includes('--allow-origin'))).toBe(true);
  });

  test('a Host that is not one of the server names is refused before the upgrade (DNS rebinding)', async () => {
    const { server, events } = await start();
    expect(await tryWebSocket(server, { Host: `evil.example:${server.httpPort}`, Origin: `http://evil.example:${server.httpPort}` })).toEqual({ status: 403 });
    expect(await tryWebSocket(server, { Host: `evil.example:${server.httpPort}` })).toEqual({ status: 403 });
    expect(await tryWebSocket(server, { Host: `127.0.0.1:${server.httpPort + 1}` })).toEqual({ status: 403 });
    expect(events.filter((e) => e.type === 'refused' && e.reason === 'foreignHost')).toHaveLength(3);
  });

  test('a school name or a proxy is refused until the teacher adds it with --allow-host, and the refusal says so', async () => {
    const plain = await start();
    const port = plain.server.httpPort;
    expect(await tryWebSocket(plain.server, { Host: `classroom.school.lan:${port}`, Origin: `http://classroom.school.lan:${port}` })).toEqual({ status: 403 });
    // fetch cannot set Host: a raw request can, as a browser sent there by that name would.
    const answer = await rawGet(port, '/monitor/', { Host: 'classroom.school.lan' });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('--allow-host classroom.school.lan');
    expect(answer.body).toContain('请用 --allow-host classroom.school.lan 启动服务器');
    expect(plain.lines.some((line) => line.includes('Host: classroom.school.lan') && line.includes('--allow-host'))).toBe(true);

    const { server } = await start({ allowHosts: ['Classroom.School.lan', 'proxy.school.lan:443'] });
    const own = server.httpPort;
    // The name on the server's port, and behind a proxy on 80 or 443 (the browser then names no port).
    expect(await tryWebSocket(server, { Host: `classroom.school.lan:${own}`, Origin: `http://classroom.school.lan:${own}` })).toEqual({ connack: 0 });
    expect(await tryWebSocket(server, { Host: 'classroom.school.lan', Origin: 'https://classroom.school.lan' })).toEqual({ connack: 0 });
    expect(await tryWebSocket(server, { Host: 'proxy.school.lan', Origin: 'https://proxy.school.lan' })).toEqual({ connack: 0 });
    // Only the port given, only the names given, and a foreign page on an added name still gets no broker.
    expect(await tryWebSocket(server, { Host: 'proxy.school.lan:8443' })).toEqual({ status: 403 });
    expect(await tryWebSocket(server, { Host: `evil.school.lan:${own}` })).toEqual({ status: 403 });
    expect(await tryWebSocket(server, { Host: `classroom.school.lan:${own}`, Origin: 'https://evil.example' })).toEqual({ connack: 5 });
  });

  test('an --allow-host value that is not a name stops the start with a bilingual explanation', async () => {
    for (const value of ['http://classroom.school.lan/', 'classroom.school.lan:99999', 'classroom.school.lan:0', 'a b', '']) {
      await expect(start({ allowHosts: [value] })).rejects.toThrow(/not a host name for --allow-host[\s\S]*不是 --allow-host 可用的主机名/);
    }
  });

  test('a --allow-origin value that is not an origin stops the start with a bilingual explanation', async () => {
    await expect(start({ allowOrigins: ['school.example.org/page'] })).rejects.toThrow(/not a web page origin[\s\S]*不是有效的网页来源/);
  });
});

describe('password guessing', () => {
  test('after three wrong logins from one address each answer waits longer, and every failure is logged', async () => {
    const { server, lines } = await start({ lan: true, username: 'teacher', password: 'panda-tiger-1234' });
    const url = `mqtt://127.0.0.1:${server.tcpPort}`;
    const tries: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const started = Date.now();
      await expect(pool.connect(url, { username: 'teacher', password: `guess${i}` })).rejects.toMatchObject({ code: 4 });
      tries.push(Date.now() - started);
    }
    // Tries 1-4 are answered at once; the 5th waits about 1 s, the 6th about 2 s.
    expect(Math.max(...tries.slice(0, 4))).toBeLessThan(700);
    expect(tries[4]).toBeGreaterThanOrEqual(900);
    expect(tries[5]).toBeGreaterThanOrEqual(1900);
    expect(lines.filter((line) => line.includes('wrong username or password'))).toHaveLength(6);
    expect(lines.some((line) => line.includes('6th wrong login in a row'))).toBe(true);
  }, 20000);
});

describe("the extension's words for a refused page", () => {
  test('a pupil on a foreign page is told which page the teacher must allow, in English and Chinese', async () => {
    const { server } = await start();
    const listener = { message: () => {}, connectionChanged: () => {} };
    // mqtt.js in Node sends no Origin; add the one a browser on that page would send.
    const connect: ConnectFunction = (url, options) =>
      mqtt.connect(url, { ...options, wsOptions: { headers: { Origin: 'https://games.example.com' } } });
    const session = new MqttSession(listener, { connect, pageOrigin: 'https://games.example.com', connectTimeoutMs: 4000 });
    try {
      await session.connect(`ws://127.0.0.1:${server.httpPort}/mqtt`, '', '');
      expect(session.lastError).not.toBeNull();
      const english = translatePending(session.lastError!, 'en');
      const chinese = translatePending(session.lastError!, 'zh-cn');
      expect(english).toContain('--allow-origin https://games.example.com');
      expect(english).toContain('Ask your teacher');
      expect(chinese).toContain('--allow-origin https://games.example.com');
      expect(chinese).toContain('请老师允许这个网页');
    } finally {
      await session.disconnect();
    }
  });
});
