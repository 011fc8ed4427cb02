/**
 * The classroom server's static files on sirv: the mount prefix kept in folder redirects, content
 * types with charset, nosniff everywhere, a Content-Security-Policy on our pages, ETag revalidation,
 * ranges, HEAD, and hostile requests (bad ranges, odd methods, Chinese names).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { rawGet, rawRequest, withTimeout, type RawResponse } from './helpers';

let dir: string;
let server: ClassroomServer | null = null;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-files-'));
  const distDir = path.join(dir, 'dist');
  const pagesDir = path.join(dir, 'pages');
  mkdirSync(path.join(distDir, 'sub'), { recursive: true });
  mkdirSync(path.join(pagesDir, 'board'), { recursive: true });
  mkdirSync(path.join(pagesDir, 'scratch'), { recursive: true });
  writeFileSync(path.join(distDir, 'sub', 'index.html'), '<p>sub page</p>');
  writeFileSync(path.join(distDir, 'board-editor.js'), 'console.log("你好");');
  writeFileSync(path.join(distDir, 'mqtt-blocks.js'), '/* extension 积木 */');
  writeFileSync(path.join(pagesDir, 'index.html'), '<p>home</p>');
  writeFileSync(path.join(pagesDir, 'board', 'index.html'), '<p>board</p>');
  writeFileSync(path.join(pagesDir, 'scratch', 'index.html'), '<p>scratch</p>');
  writeFileSync(path.join(pagesDir, 'board', 'main.py'), 'print("hi")\n');
  writeFileSync(path.join(pagesDir, 'board', '例子.sb3'), 'PK');
  writeFileSync(path.join(pagesDir, 'numbers.txt'), '0123456789');
  server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: () => {}, distDir, pagesDir, scratchGuiDir: null });
});

afterEach(async () => {
  if (server !== null) await withTimeout(server.close(), 5000, 'server close');
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

function port(): number {
  if (server === null) throw new Error('server not started');
  return server.httpPort;
}

function request(method: string, urlPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(port(), method, urlPath, headers);
}

test('a folder under /dist without its slash redirects inside /dist (not to the site root)', async () => {
  const res = await rawGet(port(), '/dist/sub');
  expect(res.status).toBe(301);
  expect(res.headers.location).toBe('/dist/sub/');
  expect((await rawGet(port(), '/dist/sub/')).body).toBe('<p>sub page</p>');
  expect((await rawGet(port(), '/board')).headers.location).toBe('/board/');
  // A doubled slash never turns into an off-site redirect.
  expect((await rawGet(port(), '//board')).headers.location ?? '').not.toMatch(/^\/\//);
});

test('content types carry utf-8 for text, and every answer says nosniff', async () => {
  const script = await rawGet(port(), '/dist/board-editor.js');
  expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(script.body).toBe('console.log("你好");');
  expect((await rawGet(port(), '/board/main.py')).headers['content-type']).toBe('text/x-python; charset=utf-8');
  expect((await rawGet(port(), '/board/%E4%BE%8B%E5%AD%90.sb3')).headers['content-type']).toBe('application/x.scratch.sb3');
  expect((await rawGet(port(), '/')).headers['content-type']).toBe('text/html; charset=utf-8');
  for (const urlPath of ['/', '/board/', '/dist/board-editor.js', '/mqtt-blocks.js', '/api/info', '/nothing-here', '/%', '/mqtt']) {
    const res = await rawGet(port(), urlPath);
    expect({ urlPath, nosniff: res.headers['x-content-type-options'] }).toEqual({ urlPath, nosniff: 'nosniff' });
  }
});

test('our pages carry a Content-Security-Policy; scripts and data do not need one', async () => {
  const home = await rawGet(port(), '/');
  const policy = home.headers['content-security-policy'] ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).toContain("object-src 'none'");
  expect(policy).toMatch(/connect-src [^;]*wss:/); // pupils may use any broker
  expect((await rawGet(port(), '/board/')).headers['content-security-policy']).toBe(policy);
  expect((await rawGet(port(), '/scratch/')).headers['content-security-policy']).toContain('worker-src');
  expect((await rawGet(port(), '/dist/board-editor.js')).headers['content-security-policy']).toBeUndefined();
});

test('files revalidate by ETag (304) and serve byte ranges', async () => {
  const first = await rawGet(port(), '/numbers.txt');
  expect(first.headers['cache-control']).toBe('no-cache');
  const etag = first.headers.etag ?? '';
  expect(etag).not.toBe('');
  const again = await rawGet(port(), '/numbers.txt', { 'If-None-Match': etag });
  expect(again.status).toBe(304);
  expect(again.body).toBe('');
  const part = await rawGet(port(), '/numbers.txt', { Range: 'bytes=2-4' });
  expect(part.status).toBe(206);
  expect(part.body).toBe('234');
});

test('a hostile or careless Range header gets the whole file, never an error', async () => {
  for (const range of ['bytes=5-2', 'bytes=0-1,3-4', 'bytes=-', 'bytes=abc', 'lines=1-2', 'bytes=99999999999999999-']) {
    const res = await rawGet(port(), '/numbers.txt', { Range: range });
    expect({ range, ok: res.status === 200 || res.status === 206 || res.status === 416 }).toEqual({ range, ok: true });
    if (res.status === 200) expect(res.body).toBe('0123456789');
  }
  // The server is still fine afterwards.
  expect((await rawGet(port(), '/numbers.txt')).body).toBe('0123456789');
});

test('HEAD gets the headers without a body; other methods get 405 with what is allowed', async () => {
  const head = await request('HEAD', '/dist/board-editor.js');
  expect(head.status).toBe(200);
  expect(head.headers['content-length']).toBe(String(Buffer.byteLength('console.log("你好");')));
  expect(head.body).toBe('');
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const res = await request(method, '/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body).toContain('只支持 GET');
  }
});

test('the extension file keeps its CORS header and its not-built explanation', async () => {
  const res = await rawGet(port(), '/mqtt-blocks.js');
  expect(res.status).toBe(200);
  expect(res.headers['access-control-allow-origin']).toBe('*');
  expect(res.body).toBe('/* extension 积木 */');
  const map = await rawGet(port(), '/mqtt-blocks.js.map');
  expect(map.status).toBe(503);
  expect(map.body).toContain('npm run build');
});
