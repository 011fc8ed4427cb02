import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Router from 'find-my-way';
import { isTeacherPath, type TeacherAccess } from './access/teacher-access';
import type { ConnectionsFeed } from './connections-feed';
import type { MessageMonitor } from './monitor';
import { sendText, staticFolder, type StaticFolder } from './static-files';
import { pageHeaders } from './page-headers';
import { isolationHeaders } from './isolation';
import { MQTT_ICON_SVG } from '../scratch/icon';
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';

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
  /** Filled in once the listeners are bound (ports may be chosen by the OS). */
  info: () => Omit<BrokerInfo, 'websocketUrl' | 'scratchEditor'> & { httpPort: number };
  /** The prebuilt Scratch editor's folder, or null when not set up. Asked per request, so setting it up needs no restart. */
  scratchGuiDir: () => string | null;
  /** Login and Host check for the pages and feeds that show the class's messages. */
  teacherAccess: TeacherAccess;
  /** The dashboard's connections feed behind `/api/dashboard/connections`. */
  connections: ConnectionsFeed;
}

/** URL prefix of the prebuilt Scratch editor's files. */
export const SCRATCH_GUI_PREFIX = '/vendor/scratch-gui/';

/** Files from `distDir` that are served at the site root, for TurboWarp and for pages. */
const DIST_FILES = ['/mqtt-blocks.js', '/mqtt-blocks.js.map'];

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
 * the pages folder's refusals.
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

/** A route's handler: `pathname` is the decoded-dots, query-free path the router matched. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => void | Promise<void>;

/** Builds the request handler of the classroom HTTP server. */
export function createHttpApp(options: HttpAppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  // The board page and its simulator worker are cross-origin isolated (see isolation.ts).
  const dist = staticFolder(options.distDir, (file) => isolationHeaders(`/dist${file}`));
  const pages = staticFolder(options.pagesDir, (file) => ({ ...pageHeaders(file), ...isolationHeaders(file) }));
  // The editor's folder may appear while the server runs (setup needs no restart): one per folder seen.
  const editorFolders = new Map<string, StaticFolder>();
  const editorFolder = (dir: string): StaticFolder => {
    let folder = editorFolders.get(dir);
    if (folder === undefined) {
      folder = staticFolder(dir);
      editorFolders.set(dir, folder);
    }
    return folder;
  };

  const router = Router();
  const get = (route: string, handler: RouteHandler) => router.on(['GET', 'HEAD'], route, handler as never);

  for (const file of DIST_FILES) {
    get(file, async (req, res) => {
      try {
        await fs.access(path.join(options.distDir, file.slice(1)));
      } catch {
        sendText(
          res,
          503,
          `${inLines(T.notBuilt, { path: file })}\n`,
          CORS,
        );
        return;
      }
      for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
      await dist.serve(req, res, file, '');
    });
  }

  get('/api/info', (req, res) => {
    const { httpPort, ...rest } = options.info();
    const body: BrokerInfo = {
      websocketUrl: `ws://${hostForUrls(req, httpPort)}${options.websocketPath}`,
      ...rest,
      scratchEditor: options.scratchGuiDir() !== null,
    };
    // No CORS header: only the server's own pages read this, and other sites need not learn the class's addresses.
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(JSON.stringify(body));
  });

  // Browsers ask every site for /favicon.ico; without one each page logs a 404. Ours is the block icon.
  get('/favicon.ico', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400', 'X-Content-Type-Options': 'nosniff' });
    res.end(MQTT_ICON_SVG);
  });

  get('/api/monitor', (req, res) => options.monitor.attach(req, res));
  get('/api/dashboard/connections', (req, res) => options.connections.attach(req, res));

  get(options.websocketPath, (_req, res) => {
    sendText(
      res,
      426,
      `${inLines(T.websocketOnly)}\n`,
      { Upgrade: 'websocket' },
    );
  });

  // Page bundles built by webpack (board editor, Scratch editor glue) live in dist/ too.
  get('/dist/*', (req, res, pathname) => dist.serve(req, res, pathname.slice('/dist'.length), '/dist'));

  get(`${SCRATCH_GUI_PREFIX}*`, async (req, res, pathname) => {
    const dir = options.scratchGuiDir();
    if (dir === null) {
      sendText(
        res,
        404,
        `${inLines(T.scratchNotSetUp)}\n`,
      );
      return;
    }
    const prefix = SCRATCH_GUI_PREFIX.slice(0, -1);
    await editorFolder(dir).serve(req, res, pathname.slice(prefix.length), prefix);
  });

  // Everything else: the prebuilt editor asks for its chunks and assets at fixed root paths
  // (`/static/…`, `/chunks/…`: its webpack publicPath is "/"), so its top-level entries are also
  // served at the site root; the pages folder has the rest (and wins over the editor's names).
  const fallback: RouteHandler = async (req, res, pathname) => {
    const guiDir = options.scratchGuiDir();
    if (guiDir !== null && (await isEditorRootEntry(guiDir, options.pagesDir, pathname))) {
      await editorFolder(guiDir).serve(req, res, pathname, '');
      return;
    }
    await pages.serve(req, res, pathname, '');
  };

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
    // The teacher's pages and feeds (monitor, dashboard, their APIs) ask for the teacher's login first.
    if (isTeacherPath(pathname) && !(await options.teacherAccess.allow(req, res))) return;
    const route = router.find(method, pathname);
    const handler = (route?.handler as RouteHandler | undefined) ?? fallback;
    await handler(req, res, pathname);
  };

  return (req, res) => {
    handle(req, res).catch((error: Error) => {
      // A failed request must never take the classroom server down.
      if (!res.headersSent) sendText(res, 500, `${inLines(T.internalError, { detail: error.message })}\n`);
      else res.destroy();
    });
  };
}
