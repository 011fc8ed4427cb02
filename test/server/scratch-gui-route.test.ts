
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { rawGet, withTimeout } from './helpers';

// The prebuilt Scratch editor is served from its own folder under /vendor/scratch-gui/, and only from there.
let dir: string;
let server: ClassroomServer | null = null;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-gui-'));
  mkdirSync(path.join(dir, 'gui', 'static', 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'gui', 'scratch-gui-standalone.js'), 'var GUI = {};');
  writeFileSync(path.join(dir, 'gui', 'static', 'assets', 'cat.svg'), '<svg/>');
  writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'gui', 'link.txt'));
});

afterEach(async () => {
  if (server !== null) await withTimeout(server.close(), 5000, 'server close');
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(scratchGuiDir: string | null): Promise<ClassroomServer> {
  server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: () => {}, scratchGuiDir });
  return server;
}

test('serves the editor bundle and its assets with their content types', async () => {
  const { httpPort } = await start(path.join(dir, 'gui'));
  const bundle = await rawGet(httpPort, '/vendor/scratch-gui/scratch-gui-standalone.js');
  expect(bundle.status).toBe(200);
  expect(bundle.headers['content-type']).toMatch(/^text\/javascript/);
  expect(bundle.body).toBe('var GUI = {};');
  expect((await rawGet(httpPort, '/vendor/scratch-gui/static/assets/cat.svg')).headers['content-type']).toBe('image/svg+xml');
  expect((JSON.parse((await rawGet(httpPort, '/api/info')).body) as { scratchEditor: unknown }).scratchEditor).toBe(true);
});

test("serves the editor's top-level folders at the site root too (its publicPath is /), but pages win", async () => {
  const pagesDir = path.join(dir, 'pages');
  mkdirSync(path.join(pagesDir, 'static'), { recursive: true });
  writeFileSync(path.join(pagesDir, 'static', 'page.txt'), 'from pages');
  server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: () => {}, pagesDir, scratchGuiDir: path.join(dir, 'gui') });
  mkdirSync(path.join(dir, 'gui', 'chunks'));
  writeFileSync(path.join(dir, 'gui', 'chunks', 'a.js'), '/* chunk */');
  expect((await rawGet(server.httpPort, '/chunks/a.js')).body).toBe('/* chunk */');
  expect((await rawGet(server.httpPort, '/scratch-gui-standalone.js')).body).toBe('var GUI = {};');
  expect((await rawGet(server.httpPort, '/static/page.txt')).body).toBe('from pages');
  expect((await rawGet(server.httpPort, '/static/assets/cat.svg')).status).toBe(404);
  expect((await rawGet(server.httpPort, '/link.txt')).body).not.toContain('TOP-SECRET');
});

test('refuses traversal out of the editor folder', async () => {
  const { httpPort } = await start(path.join(dir, 'gui'));
  for (const attempt of ['/chunks/../../secret.txt', '/static/%2e%2e/%2e%2e/secret.txt', '/vendor/scratch-gui/../secret.txt', '/vendor/scratch-gui/%2e%2e/secret.txt', '/vendor/scratch-gui/..%5csecret.txt', '/vendor/scratch-gui/link.txt']) {
    const res = await rawGet(httpPort, attempt);
    expect({ attempt, refused: res.status >= 400 && res.status < 500 }).toEqual({ attempt, refused: true });
    expect(res.body).not.toContain('TOP-SECRET');
  }
});

test('explains the setup step, in both languages, when the editor is not set up', async () => {
  const { httpPort } = await start(null);
  const res = await rawGet(httpPort, '/vendor/scratch-gui/scratch-gui-standalone.js');
  expect(res.status).toBe(404);
  expect(res.body).toContain('npm run setup:scratch-editor');
  expect(res.body).toContain('尚未安装');
  expect((JSON.parse((await rawGet(httpPort, '/api/info')).body) as { scratchEditor: unknown }).scratchEditor).toBe(false);
});
