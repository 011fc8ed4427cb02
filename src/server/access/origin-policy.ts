/**
 * Which web pages may use the classroom broker, and which host names the server answers to.
 *
 * A browser tells us the page that opened a WebSocket (`Origin`) and the name it used to reach us
 * (`Host`). Accepted origins: the server's own pages, pages on this computer (`localhost`,
 * `127.0.0.1`, `[::1]`, any port), TurboWarp on the web (https://turbowarp.org and its
 * subdomains) and TurboWarp Desktop (`tw-editor://.`), plus whatever the teacher adds with
 * `--allow-origin`. A client that sends no Origin is not a browser page (a board, paho, mqtt.js in
 * Node) and is not affected. The Host check stops DNS rebinding: a foreign site whose name
 * resolves to this computer still sends its own name as Host, which is not one of ours.
 */
import { inLines } from '../../i18n/terminal-text';
import { SERVER_TEXT as T } from '../server-text';
import { hostname, networkInterfaces } from 'node:os';

/** `scheme://host[:port]` in lower case, as browsers send it; null when `value` is not an origin. */
export function normaliseOrigin(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 2048) return null;
  if (/^tw-editor:\/\/\.?$/i.test(trimmed)) return 'tw-editor://.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return null;
  }
  return `${url.protocol}//${url.host}`.toLowerCase();
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** TurboWarp's own origins (web and desktop). */
function isTurboWarp(origin: string): boolean {
  return origin === 'https://turbowarp.org' || /^https:\/\/[a-z0-9-]+\.turbowarp\.org$/.test(origin) || origin === 'tw-editor://.';
}

/** Splits "name:port" or "[v6]:port" into a lower-case name and a port (null when absent); null for anything odd. */
export function splitHost(host: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (match === null) return null;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? null : Number(match[2]) };
}

/** Names and addresses this computer answers to: loopback, its host name, and every interface address. */
export function localServerNames(extra: string[] = []): Set<string> {
  const names = new Set<string>(LOOPBACK_NAMES);
  const own = hostname().toLowerCase();
  if (own !== '') {
    names.add(own);
    names.add(`${own}.local`);
  }
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) names.add(entry.family === 'IPv6' ? `[${entry.address.toLowerCase()}]` : entry.address);
  }
  for (const name of extra) if (name !== '' && name !== '0.0.0.0' && name !== '::') names.add(name.includes(':') ? `[${name}]` : name.toLowerCase());
  return names;
}

export interface OriginPolicyOptions {
  /** Port of the HTTP server (pages and WebSocket); asked when needed because it is known only after binding. */
  httpPort: () => number;
  /** Origins the teacher allowed with --allow-origin (any spelling normaliseOrigin accepts). */
  allowedOrigins?: string[];
  /** Extra names the server answers to (the address it was told to bind). */
  extraNames?: string[];
  /**
   * Names the teacher says reach this server (`--allow-host`): a school DNS name, or a reverse
   * proxy's name and port. "name" allows any port; "name:port" only that one.
   */
  allowedHosts?: string[];
}

/** A name the server also answers to; port null means any port. */
interface AllowedHost {
  name: string;
  port: number | null;
}

export type OriginVerdict = { allowed: true } | { allowed: false; reason: 'foreignHost' | 'foreignOrigin'; shown: string };

export class OriginPolicy {
  private readonly allowed: Set<string>;
  private readonly hosts: AllowedHost[];
  private names: Set<string>;
  private namesFetched = Date.now();

  constructor(private readonly options: OriginPolicyOptions) {
    this.allowed = new Set();
    for (const origin of options.allowedOrigins ?? []) {
      const normalised = normaliseOrigin(origin);
      if (normalised === null) throw new InvalidOriginError(origin);
      this.allowed.add(normalised);
    }
    this.hosts = (options.allowedHosts ?? []).map((value) => {
      const host = splitHost(value);
      if (host === null || host.port === 0 || (host.port ?? 0) > 65535) throw new InvalidHostError(value);
      return host;
    });
    this.names = localServerNames(options.extraNames);
  }

  /** Origins added by the teacher, normalised. */
  get allowedOrigins(): string[] {
    return [...this.allowed];
  }

  /** Host names added by the teacher, as "name" or "name:port". */
  get allowedHosts(): string[] {
    return this.hosts.map((host) => (host.port === null ? host.name : `${host.name}:${host.port}`));
  }

  /** Whether `name` on `port` (the scheme's port when the request named none) is an added host. */
  private addedHost(name: string, port: number): boolean {
    return this.hosts.some((host) => host.name === name && (host.port === null || host.port === port));
  }

  /** Whether the Host header names this server (a missing Host is an HTTP/1.0 client, not a browser: allowed). */
  hostAllowed(hostHeader: string | undefined): boolean {
    if (hostHeader === undefined) return true;
    const host = splitHost(hostHeader);
    if (host === null) return false;
    // Behind a proxy the browser names the proxy's port; without one, port 80 (or 443, unknowable here).
    if (this.hosts.length > 0 && [host.port ?? 80, host.port ?? 443].some((port) => this.addedHost(host.name, port))) return true;
    if (host.port !== null && host.port !== this.options.httpPort()) return false;
    return this.serverNames().has(host.name);
  }

  /** Whether a page from `originHeader` may use the broker. No Origin: not a browser page, allowed. */
  originAllowed(originHeader: string | undefined): boolean {
    if (originHeader === undefined) return true;
    const origin = normaliseOrigin(originHeader);
    if (origin === null) return false; // includes "null": sandboxed frames and file pages
    if (isTurboWarp(origin) || this.allowed.has(origin)) return true;
    const url = new URL(origin);
    const name = url.hostname.toLowerCase();
    if (LOOPBACK_NAMES.has(name)) return true;
    // The server's own pages, reached by any of its names.
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    // ...or through a name the teacher added (a proxy may serve them over https).
    if (this.addedHost(name, port)) return true;
    return url.protocol === 'http:' && port === this.options.httpPort() && this.serverNames().has(name);
  }

  /** Checks a browser request's Host, then its Origin. */
  check(headers: { host?: string; origin?: string }): OriginVerdict {
    if (!this.hostAllowed(headers.host)) return { allowed: false, reason: 'foreignHost', shown: `Host: ${headers.host ?? ''}` };
    if (!this.originAllowed(headers.origin)) return { allowed: false, reason: 'foreignOrigin', shown: `Origin: ${headers.origin ?? ''}` };
    return { allowed: true };
  }

  /** Interfaces come and go (Wi-Fi reconnects): refresh the names at most every 10 s. */
  private serverNames(): Set<string> {
    if (Date.now() - this.namesFetched > 10_000) {
      this.names = localServerNames(this.options.extraNames);
      this.namesFetched = Date.now();
    }
    return this.names;
  }
}

/** A --allow-host value that is not a host name (with an optional port); the message says what one looks like. */
export class InvalidHostError extends Error {
  constructor(readonly value: string) {
    super(inLines(T.badHost, { value: value.slice(0, 200) }));
    this.name = 'InvalidHostError';
  }
}

/** A --allow-origin value that is not an origin; the message says what one looks like, in both languages. */
export class InvalidOriginError extends Error {
  constructor(readonly value: string) {
    super(
      inLines(T.badOrigin, { value: value.slice(0, 200) }),
    );
    this.name = 'InvalidOriginError';
  }
}
