import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { lookup } from 'mrmime';
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';

/**
 * Static files of the classroom server: `sirv` does the HTTP side (content types, ETag and 304,
 * ranges, HEAD, streaming); this module adds what a classroom needs on top:
 * - a guard in front of it: no `..` in any spelling, no NUL or backslash, no symbolic link that
 *   leads out of the folder (sirv follows links);
 * - a folder asked for without its trailing slash is redirected, keeping the mount prefix
 *   (`/dist/sub` → `/dist/sub/`), so relative links in its index.html resolve inside it;
 * - `charset=utf-8` on text types (Chinese in our scripts), types sirv's table lacks, nosniff;
 * - files are looked up per request (sirv's dev mode), so a rebuild or setting up the Scratch
 *   editor needs no restart, and revalidated by ETag (Cache-Control: no-cache).
 */

/** Types missing from mrmime's table that classroom files use. */
const EXTRA_TYPES: Record<string, string> = {
  py: 'text/x-python',
  sb3: 'application/x.scratch.sb3',
  ico: 'image/x-icon',
};

export function contentTypeFor(file: string): string {
  const extension = path.extname(file).slice(1).toLowerCase();
  const type = lookup(extension) ?? EXTRA_TYPES[extension] ?? 'application/octet-stream';
  return isText(type) ? `${type}; charset=utf-8` : type;
}

function isText(type: string): boolean {
  return type.startsWith('text/') || type === 'application/json' || type === 'application/javascript';
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
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

/** Headers a folder adds to some of its files (for example a Content-Security-Policy on pages). */
export type ExtraHeaders = (file: string) => Record<string, string>;

export interface StaticFolder {
  /**
   * Serves `urlPath` (the part after the mount prefix, starting with `/`) from the folder.
   * `mountPrefix` is what the browser's URL had in front of it (`/dist`, or '' at the root).
   */
  serve(req: IncomingMessage, res: ServerResponse, urlPath: string, mountPrefix: string): Promise<void>;
}

const NOT_FOUND = `${inLines(T.notFound)}\n`;

/** A folder served over HTTP; `extraHeaders` adds headers per file. */
export function staticFolder(root: string, extraHeaders: ExtraHeaders = () => ({})): StaticFolder {
  const send = sirv(root, {
    dev: true,
    etag: true,
    dotfiles: false,
    // Only exact files: folders are handled below (redirect, then their index.html).
    extensions: [],
    setHeaders: (res, pathname) => {
      res.setHeader('Content-Type', contentTypeFor(pathname));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      for (const [name, value] of Object.entries(extraHeaders(pathname))) res.setHeader(name, value);
    },
  });

  return {
    async serve(req, res, urlPath, mountPrefix) {
      const target = resolveInside(root, urlPath);
      if (target === null) {
        sendText(res, 400, `${inLines(T.badPath)}\n`);
        return;
      }
      // Symbolic links could point outside the folder: check where the file really is.
      let real: string;
      let realRoot: string;
      let isDirectory: boolean;
      try {
        [real, realRoot] = await Promise.all([fs.realpath(target), fs.realpath(root)]);
        isDirectory = (await fs.stat(real)).isDirectory();
      } catch {
        sendText(res, 404, NOT_FOUND);
        return;
      }
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
        sendText(res, 404, NOT_FOUND);
        return;
      }
      let filePath = path.relative(realRoot, real).split(path.sep).join('/');
      if (isDirectory) {
        if (!urlPath.endsWith('/')) {
          // Collapse leading slashes so `//host` can never become an off-site redirect.
          const location = `${mountPrefix}/${urlPath.replace(/^\/+/, '')}/`.replace(/^\/+/, '/');
          res.writeHead(301, { Location: location, 'Cache-Control': 'no-cache' });
          res.end();
          return;
        }
        filePath = filePath === '' ? 'index.html' : `${filePath}/index.html`;
      }
      dropUnusableRange(req);
      // sirv reads the path from req.url: hand it the checked, real path inside the folder.
      const originalUrl = req.url;
      req.url = '/' + filePath.split('/').map(encodeURIComponent).join('/');
      try {
        await new Promise<void>((resolve) => {
          res.once('close', resolve);
          res.once('finish', resolve);
          send(req, res, () => {
            sendText(res, 404, NOT_FOUND);
          });
        });
      } finally {
        req.url = originalUrl;
      }
    },
  };
}

/**
 * sirv trusts the Range header; one it cannot satisfy sensibly (`bytes=5-2`, several ranges,
 * words) is dropped, and the whole file is sent, which HTTP allows.
 */
function dropUnusableRange(req: IncomingMessage): void {
  const range = req.headers.range;
  if (range === undefined) return;
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range.trim());
  if (match === null || (match[2] !== '' && Number(match[2]) < Number(match[1]))) delete req.headers.range;
}
