import { promises as fs } from 'node:fs';
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isTeacherPath, type TeacherAccess } from './access/teacher-access';
import type { ConnectionsFeed } from './connections-feed';
import type { MessageMonitor } from './monitor';
import { isolationHeaders } from './isolation';
import { sendFile, sendText, serveStatic } from './static-files';

/** What `GET /api/info` tells pages about the broker. */
export interface BrokerInfo {
  /** WebSocket URL for browsers, built from the host the page itself used. */
  websocketUrl: string;
  /** Where boards connect over plain MQTT (TCP). */
  tcp: { host: string; port: number };
  lan: boolean;
  /** LAN IPv4 addresses of this machine (empty unless --lan). */
  addresses: string[];
  /** Whether clients must send the username/password the teacher announced. */
  authRequired: boolean;
  /** Whether the full Scratch editor is set up (`npm run setup:scratch-editor`); the Scratch page explains if not. */
  scratchEditor: boolean;
}

export interface HttpAppOptions {
  /** Folder holding the built `mqtt-blocks.js` (normally `dist/`). */
  distDir: string;
  /** Folder of the editor pages (`src/server/pages`). */
  pagesDir: string;
  /** Path the WebSocket broker listens on, e.g. `/mqtt`. */
  websocketPath: string;
  monitor: MessageMonitor;
  /** The dashboard's connections feed behind `/api/dashboard/connections`. */
  connections: ConnectionsFeed;
  /** Filled in once the listeners are bound (ports may be chosen by the OS). */
  info: () => Omit<BrokerInfo, 'websocketUrl' | 'scratchEditor'> & { httpPort: number };
  /** The prebuilt Scratch editor's folder, or null when not set up. Asked per request, so setting it up needs no restart. */
  scratchGuiDir: () => string | null;
  /** Login and Host check for the pages and feeds that show the class's messages. */
  teacherAccess: TeacherAccess;
}

/** URL prefix of the prebuilt Scratch editor's files. */
export const SCRATCH_GUI_PREFIX = '/vendor/scratch-gui/';

/** Files from `distDir` that are served at the site root, for TurboWarp and for pages. */
const DIST_FILES = new Set(['/mqtt-blocks.js', '/mqtt-blocks.js.map']);

/** Any browser page (TurboWarp online, a local scratch-gui) may load the extension file. */
const CORS = { 'Access-Control-Allow-Origin': '*' };

/**
 * Accepts only a plausible `host[:port]` from the Host header before echoing it back in a
 * URL; anything odd falls back to localhost.
 */
function hostForUrls(req: IncomingMessage, httpPort: number): string {
  const host = req.headers.host;
  if (host !== undefined && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return host;
  return `localhost:${httpPort}`;
}

/**
 * Whether the first segment of `pathname` names a top-level file or folder of the editor's folder
 * and not one of the pages folder (the pages always win). Plain names only: anything odd is left to
 * serveStatic's refusals on the pages folder.
 */
async function isEditorRootEntry(guiDir: string, pagesDir: string, pathname: string): Promise<boolean> {
  const first = pathname.split('/')[1] ?? '';
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(first)) return false;
  const exists = (file: string) =>
    fs.access(file).then(
      () => true,
      () => false,
    );
  return (await exists(path.join(guiDir, first))) && !(await exists(path.join(pagesDir, first)));
}

/** Builds the request handler of the classroom HTTP server. */
export function createHttpApp(options: HttpAppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Max-Age': '600' });
      res.end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(res, 405, `${inLines(T.onlyGet)}\n`, { Allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    } catch {
      sendText(res, 400, `${inLines(T.badRequest)}\n`);
      return;
    }

    if (DIST_FILES.has(pathname)) {
      const file = path.join(options.distDir, pathname.slice(1));
      try {
        await fs.access(file);
      } catch {
        sendText(
          res,
          503,
          `${inLines(T.notBuilt, { path: pathname })}\n`,
          CORS,
        );
        return;
      }
      await sendFile(req, res, file, CORS);
      return;
    }

    if (pathname === '/api/info') {
      const { httpPort, ...rest } = options.info();
      const body: BrokerInfo = {
        websocketUrl: `ws://${hostForUrls(req, httpPort)}${options.websocketPath}`,
        ...rest,
        scratchEditor: options.scratchGuiDir() !== null,
      };
      // No CORS header: only the server's own pages read this, and other sites need not learn the class's addresses.
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
      return;
    }

    if (isTeacherPath(pathname) && !(await options.teacherAccess.allow(req, res))) return;

    if (pathname === '/api/monitor') {
      options.monitor.attach(req, res);
      return;
    }

    if (pathname === '/api/dashboard/connections') {
      options.connections.attach(req, res);
      return;
    }

    if (pathname === options.websocketPath) {
      sendText(
        res,
        426,
        `${inLines(T.websocketOnly)}\n`,
        { Upgrade: 'websocket' },
      );
      return;
    }

    // Page bundles built by webpack (board editor, Scratch editor glue) live in dist/ too.
    if (pathname.startsWith('/dist/')) {
      await serveStatic(req, res, options.distDir, pathname.slice('/dist'.length), isolationHeaders(pathname));
      return;
    }

    if (pathname.startsWith(SCRATCH_GUI_PREFIX)) {
      const dir = options.scratchGuiDir();
      if (dir === null) {
        sendText(
          res,
          404,
          `${inLines(T.scratchNotSetUp)}\n`,
        );
        return;
      }
      // serveStatic refuses `..`, encoded traversal and symbolic links that leave the folder.
      await serveStatic(req, res, dir, pathname.slice(SCRATCH_GUI_PREFIX.length - 1));
      return;
    }

    // The prebuilt editor asks for its chunks and assets at fixed root paths (`/static/…`, `/chunks/…`:
    // its webpack publicPath is "/"), so its top-level entries are also served at the site root.
    const guiDir = options.scratchGuiDir();
    if (guiDir !== null && (await isEditorRootEntry(guiDir, options.pagesDir, pathname))) {
      await serveStatic(req, res, guiDir, pathname);
      return;
    }

    await serveStatic(req, res, options.pagesDir, pathname, isolationHeaders(pathname));
  };

  return (req, res) => {
    handle(req, res).catch((error: Error) => {
      // A failed request must never take the classroom server down.
      if (!res.headersSent) sendText(res, 500, `${inLines(T.internalError, { detail: error.message })}\n`);
      else res.destroy();
    });
  };
}
