import { createReadStream, promises as fs } from 'node:fs';
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const NOT_FOUND = `${inLines(T.notFound)}\n`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.py': 'text/x-python; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.sb3': 'application/x.scratch.sb3',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/**
 * Maps a URL path onto a file strictly inside `root`, or returns null.
 *
 * Refuses anything that could escape the folder: undecodable escapes, NUL bytes,
 * backslashes (a separator on Windows), and any `..` segment, checked after
 * percent-decoding so `%2e%2e` is caught too. The final containment check is kept
 * as a second line of defence in case a future edit loosens the first.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..')) return null;
  const absoluteRoot = path.resolve(root);
  const candidate = path.resolve(absoluteRoot, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== absoluteRoot && !candidate.startsWith(absoluteRoot + path.sep)) return null;
  return candidate;
}

/** Streams a file with its content type; HEAD gets the headers only. */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const stat = await fs.stat(file);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(stat.size),
    // Classroom files change when the teacher rebuilds; always revalidate.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

/**
 * Serves `urlPath` from `root`: files as they are, folders through their index.html, and
 * a folder requested without its trailing slash is redirected so relative links in the
 * page (`./app.js`) resolve inside it.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  urlPath: string,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const target = resolveInside(root, urlPath);
  if (target === null) {
    sendText(res, 400, `${inLines(T.badPath)}\n`);
    return;
  }
  // Symbolic links could point outside the folder: check where the file really is.
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([fs.realpath(target), fs.realpath(root)]);
  } catch {
    sendText(res, 404, NOT_FOUND);
    return;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    sendText(res, 404, NOT_FOUND);
    return;
  }
  const stat = await fs.stat(real);
  if (stat.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      // Collapse leading slashes so `//host` can never become an off-site redirect.
      res.writeHead(301, { Location: '/' + urlPath.replace(/^\/+/, '') + '/' });
      res.end();
      return;
    }
    const index = path.join(real, 'index.html');
    try {
      await fs.access(index);
    } catch {
      sendText(res, 404, NOT_FOUND);
      return;
    }
    await sendFile(req, res, index, extraHeaders);
    return;
  }
  await sendFile(req, res, real, extraHeaders);
}
