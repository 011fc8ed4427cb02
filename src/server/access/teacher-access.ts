/**
 * Pages and feeds that show the class's messages (the monitor, the dashboard, `/api/monitor`) are
 * the teacher's. In LAN mode they ask for a login with HTTP Basic authentication, which every
 * browser supports with its own prompt and then repeats by itself for the page's requests: the
 * teacher's username and password, or username `viewer` with the read-only viewer code printed at
 * start. Outside LAN mode only this computer can reach the server and no login is asked.
 *
 * Whatever the mode, a request must name this server as Host, so a foreign web site cannot read
 * the feed through DNS rebinding. Wrong logins are slowed per address like MQTT logins.
 */
import { inLines, onOneLine } from '../../i18n/terminal-text';
import { SERVER_TEXT as T } from '../server-text';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { credentialsMatch, VIEWER_USERNAME, type Credentials } from '../auth';
import type { ConnectionEvents } from '../events/connection-events';
import { normaliseAddress } from '../limits/guarded-connection';
import type { GuessLimiter } from './guess-limiter';
import type { OriginPolicy } from './origin-policy';

/** Paths that show the class's messages. The dashboard's feeds go under /api/dashboard/. */
export function isTeacherPath(pathname: string): boolean {
  // A stylesheet shows no class data, and the pupils' board page borrows the monitor's.
  if (pathname.endsWith('.css')) return false;
  return /^\/(monitor|dashboard)(\/|$)/.test(pathname) || /^\/api\/(monitor|events|dashboard)(\/|$)/.test(pathname);
}

export interface TeacherAccessOptions {
  credentials: Credentials | null;
  viewerCode: string | null;
  originPolicy: OriginPolicy;
  guesses: GuessLimiter;
  events: ConnectionEvents;
}

const REALM = 'MQTT Blocks classroom';

function parseBasic(header: string | undefined): { username: string; password: Buffer } | null {
  if (header === undefined || header.length > 4096) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match === null) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: Buffer.from(decoded.slice(colon + 1), 'utf8') };
}

export class TeacherAccess {
  constructor(private readonly options: TeacherAccessOptions) {}

  /**
   * Resolves true when the request may go on; otherwise it has been answered (403 for a foreign
   * Host, 401 with a bilingual explanation for a missing or wrong login).
   */
  async allow(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const address = normaliseAddress(req.socket.remoteAddress);
    if (!this.options.originPolicy.hostAllowed(req.headers.host)) {
      this.options.events.refused({ reason: 'foreignHost', address, transport: 'http', detail: `Host: ${req.headers.host ?? ''}` });
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${inLines(T.foreignHostAnswer, { host: (req.headers.host ?? '').slice(0, 100) })}\n`);
      return false;
    }
    const { credentials, viewerCode, guesses, events } = this.options;
    if (credentials === null) return true;
    const given = parseBasic(req.headers.authorization);
    if (given === null) {
      this.askForLogin(res);
      return false;
    }
    const wait = guesses.waitBeforeAnswer(address);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const viewer = viewerCode !== null ? { username: VIEWER_USERNAME, password: viewerCode } : null;
    if (credentialsMatch(given.username, given.password, credentials) || (viewer !== null && credentialsMatch(given.username, given.password, viewer))) {
      guesses.succeeded(address);
      return true;
    }
    const failures = guesses.failed(address);
    events.refused({ reason: 'badPassword', address, transport: 'http', detail: onOneLine(T.pageLoginWrong, { count: failures }) });
    this.askForLogin(res);
    return false;
  }

  private askForLogin(res: ServerResponse): void {
    res.writeHead(401, {
      'Content-Type': 'text/plain; charset=utf-8',
      'WWW-Authenticate': `Basic realm="${REALM}", charset="UTF-8"`,
      'Cache-Control': 'no-store',
    });
    res.end(
      `${inLines(T.loginNeeded, { viewer: VIEWER_USERNAME })}\n`,
    );
  }
}
