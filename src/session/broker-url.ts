/**
 * Checks the address typed into "connect" before any socket is opened, so a pupil gets an
 * explanation instead of a silent failure. Browsers only speak WebSocket: mqtt:// and the TCP
 * ports 1883/8883 cannot work there; an https page cannot open ws:// to another machine.
 */
import { MESSAGES } from '../i18n/messages';
import type { PendingMessage } from '../i18n/translate';
import {
  classroomBrokerUrl,
  classroomEditorUrl,
  DEFAULT_CLASSROOM_ADDRESS,
  type ClassroomAddress,
} from './classroom-address';

export type BrokerUrlCheck = { ok: true; url: string } | { ok: false; problem: PendingMessage };

const TCP_SCHEMES = new Set(['mqtt', 'mqtts', 'tcp', 'ssl', 'tls']);
const TCP_PORTS = new Set(['1883', '8883']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * @param typed what the pupil typed: `ws://…`, `wss://…` or a bare `host[:port][/path]`
 * @param pageProtocol the editor page's `location.protocol` (`https:`), or undefined outside a browser
 * @param classroom where the classroom server the page came from serves (hints name its real port)
 */
export function checkBrokerUrl(
  typed: string,
  pageProtocol?: string,
  classroom: ClassroomAddress = DEFAULT_CLASSROOM_ADDRESS,
): BrokerUrlCheck {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: { message: MESSAGES.urlEmpty } };

  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : null;
  const securePage = pageProtocol === 'https:';
  // A bare host gets the WebSocket scheme matching the page and the usual /mqtt path.
  const withScheme = scheme ? text : `${securePage ? 'wss' : 'ws'}://${text.includes('/') ? text : `${text}/mqtt`}`;

  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { ok: false, problem: { message: MESSAGES.urlInvalid, params: { url: text } } };
  }
  const host = parsed.hostname || 'localhost';

  if (scheme && TCP_SCHEMES.has(scheme)) {
    return { ok: false, problem: { message: MESSAGES.urlTcpScheme, params: { scheme, host, classroomUrl: classroomBrokerUrl(host, classroom) } } };
  }
  if (scheme && scheme !== 'ws' && scheme !== 'wss') {
    return { ok: false, problem: { message: MESSAGES.urlUnsupportedScheme, params: { scheme } } };
  }
  if (!parsed.hostname) return { ok: false, problem: { message: MESSAGES.urlInvalid, params: { url: text } } };
  if (TCP_PORTS.has(parsed.port)) {
    return { ok: false, problem: { message: MESSAGES.urlTcpPort, params: { port: parsed.port, host, classroomUrl: classroomBrokerUrl(host, classroom) } } };
  }
  // Browsers let secure pages reach loopback over ws:// (it is "potentially trustworthy").
  if (securePage && parsed.protocol === 'ws:' && !isLoopback(parsed.hostname)) {
    return { ok: false, problem: { message: MESSAGES.mixedContent, params: { url: parsed.href, host, classroomEditorUrl: classroomEditorUrl(host, classroom) } } };
  }
  return { ok: true, url: parsed.href };
}
