/**
 * --retained-file safety: only a file the server created is ever written; folders, links, devices
 * and other programs' files are refused and left untouched; restored topics are validated.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { RETAINED_FILE_MARKER } from '../../src/server/retained-store';
import { ClientPool, withTimeout } from './helpers';

const servers: ClassroomServer[] = [];
const pool = new ClientPool();
let dir: string;

async function start(retainedFile: string, lines: string[] = []): Promise<ClassroomServer> {
  const server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: (line) => lines.push(line), retainedFile });
  servers.push(server);
  return server;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-retained-safety-'));
});
afterEach(async () => {
  await pool.endAll();
  await Promise.all(servers.splice(0).map((server) => withTimeout(server.close(), 5000, 'server close')));
  rmSync(dir, { recursive: true, force: true });
});

describe('what --retained-file refuses', () => {
  test('a folder: refused in both languages, not renamed', async () => {
    const folder = path.join(dir, 'Documents');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'homework.txt'), 'mine');
    await expect(start(folder)).rejects.toThrow(/is a folder[\s\S]*是一个文件夹/);
    expect(readdirSync(dir)).toEqual(['Documents']);
    expect(readdirSync(folder)).toEqual(['homework.txt']);
  });

  test("another program's JSON file (a package.json, a workspace) is never overwritten", async () => {
    for (const [name, content] of [
      ['package.json', '{\n  "name": "my-project",\n  "version": "1.0.0"\n}\n'],
      ['workspace.json', '{"blocks":{"languageVersion":0,"blocks":[]}}'],
      ['list.json', '[1, 2, 3]'],
      ['lookalike.json', '{"version": 1, "messages": [], "author": "someone else"}'],
    ]) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      await expect(start(file)).rejects.toThrow(/not a retained-messages file made by mqtt-blocks/);
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  });

  test('a link and a device are refused', async () => {
    const target = path.join(dir, 'real.json');
    writeFileSync(target, 'precious');
    const link = path.join(dir, 'link.json');
    symlinkSync(target, link);
    await expect(start(link)).rejects.toThrow(/is a link[\s\S]*链接/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    await expect(start('/dev/null')).rejects.toThrow(/not an ordinary file[\s\S]*不是普通文件/);
  });
});

describe('what --retained-file keeps', () => {
  test('writes atomically a file with its marker and version, leaving no temporary files', async () => {
    const file = path.join(dir, 'retained.json');
    const server = await start(file);
    const board = await pool.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    await board.publishAsync('room/温度', '21', { retain: true, qos: 1 });
    await pool.endAll();
    await server.close();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; messages: unknown[] };
    expect(saved.format).toBe(RETAINED_FILE_MARKER);
    expect(saved.version).toBe(2);
    expect(saved.messages).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['retained.json']);
  });

  test('restored entries with invalid topics are skipped and counted; valid ones come back', async () => {
    const file = path.join(dir, 'retained.json');
    const payload = Buffer.from('ok').toString('base64');
    const entries = ['#', 'a/+', '', '$SYS/broker/x', 'x'.repeat(2000), 'good/topic'].map((topic) => ({ topic, payload, qos: 0 }));
    entries.push({ topic: 'bad/payload', payload: '*** not base64 ***', qos: 0 }, { topic: 'bad/qos', payload, qos: 7 });
    writeFileSync(file, JSON.stringify({ format: RETAINED_FILE_MARKER, version: 2, messages: entries }));
    const lines: string[] = [];
    const server = await start(file, lines);
    expect(lines.join('\n')).toMatch(/Skipped 7 saved retained message/);
    const client = await pool.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    const topics: string[] = [];
    client.on('message', (topic) => topics.push(topic));
    await client.subscribeAsync('#');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(topics).toEqual(['good/topic']);
  });

  test('a file of the first release (no marker) is still read and then upgraded', async () => {
    const file = path.join(dir, 'retained.json');
    writeFileSync(file, JSON.stringify({ version: 1, messages: [{ topic: 'old/value', payload: Buffer.from('7').toString('base64'), qos: 0 }] }, null, 1));
    const server = await start(file);
    const board = await pool.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    await board.publishAsync('new/value', '8', { retain: true, qos: 1 });
    await pool.endAll();
    await server.close();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string; messages: { topic: string }[] };
    expect(saved.format).toBe(RETAINED_FILE_MARKER);
    expect(saved.messages.map((m) => m.topic).sort()).toEqual(['new/value', 'old/value']);
  });

  test('a file replaced by another program while the server runs is not overwritten', async () => {
    const file = path.join(dir, 'retained.json');
    const lines: string[] = [];
    const server = await start(file, lines);
    writeFileSync(file, '{"name": "someone else\'s file"}');
    const board = await pool.connect(`mqtt://127.0.0.1:${server.tcpPort}`);
    await board.publishAsync('room/x', '1', { retain: true, qos: 1 });
    await pool.endAll();
    await server.close();
    expect(readFileSync(file, 'utf8')).toBe('{"name": "someone else\'s file"}');
    expect(lines.join('\n')).toContain('was replaced by something that is not ours');
  });
});
