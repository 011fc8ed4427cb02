/**
 * What `connect`'s URL means on a board. Boards speak plain MQTT over TCP (port 1883); a WebSocket
 * URL or a WebSocket port is the classroom's most common mix-up, so it is refused with an
 * explanation instead of producing code that silently never connects.
 */
import type { Message, PendingMessage } from './types';

export const BOARD_DEFAULT_PORT = 1883;
/** Ports classroom brokers use for WebSocket: a board cannot talk MQTT on them. */
export const WEBSOCKET_PORTS: readonly number[] = [8000, 8080, 8083, 8084, 9001];

export type BoardUrl = { ok: true; host: string; port: number } | { ok: false; error: PendingMessage };

/** Why an address cannot work on a board; `{url}` is the address as typed. */
export const BOARD_URL_MESSAGES = {
  webSocket: {
    id: 'mqtt.board.url.webSocket',
    default: '"{url}" is a WebSocket address, which only browsers use. Boards connect over TCP: use mqtt://HOST:1883 (the broker\'s TCP port).',
    description: 'Board code error: the connect block has a ws:// or wss:// address. HOST stands for the broker\'s computer; translate it.',
  },
  tls: {
    id: 'mqtt.board.url.tls',
    default: '"{url}": encrypted MQTT (TLS) is not supported in generated board code yet. Use mqtt://HOST:1883 on the classroom network.',
    description: 'Board code error: the connect block has an mqtts:// (encrypted) address. HOST stands for the broker\'s computer; translate it.',
  },
  notMqtt: {
    id: 'mqtt.board.url.notMqtt',
    default: '"{url}" is not an MQTT address. Boards use mqtt://HOST:1883.',
    description: 'Board code error: the connect block has an address with another scheme, such as http://.',
  },
  noBroker: {
    id: 'mqtt.board.url.noBroker',
    default: '"{url}" does not name a broker. Write it like mqtt://192.168.1.2:1883.',
    description: 'Board code error: the connect block\'s address has no readable host name.',
  },
  noSuchPort: {
    id: 'mqtt.board.url.noSuchPort',
    default: '"{url}": port {port} does not exist (1 to 65535).',
    description: 'Board code error: the port in the connect block\'s address is 0 or above 65535. {port} is that number.',
  },
  webSocketPort: {
    id: 'mqtt.board.url.webSocketPort',
    default: '"{url}": port {port} is a WebSocket port, which only browsers use. Boards connect over TCP, usually port 1883: mqtt://{host}:1883.',
    description: 'Board code error: the connect block\'s address uses a port that classroom brokers use for WebSocket. {host} is the typed host.',
  },
} as const satisfies Record<string, Message>;

function refuse(message: Message, params: Readonly<Record<string, string | number>>): BoardUrl {
  return { ok: false, error: { message, params } };
}

/** Accepts `mqtt://host:port`, `tcp://host:port`, `host:port` and `host` (port 1883). */
export function parseBoardUrl(raw: string): BoardUrl {
  const url = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  const kind = scheme ? scheme[1].toLowerCase() : 'mqtt';
  if (kind === 'ws' || kind === 'wss') {
    return refuse(BOARD_URL_MESSAGES.webSocket, { url });
  }
  if (kind === 'mqtts' || kind === 'ssl' || kind === 'tls') {
    return refuse(BOARD_URL_MESSAGES.tls, { url });
  }
  if (kind !== 'mqtt' && kind !== 'tcp') {
    return refuse(BOARD_URL_MESSAGES.notMqtt, { url });
  }
  const rest = scheme ? url.slice(scheme[0].length) : url;
  const hostPort = rest.replace(/\/.*$/, '');
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:/\s]+)(?::(\d{1,5}))?$/.exec(hostPort);
  if (!match) {
    return refuse(BOARD_URL_MESSAGES.noBroker, { url });
  }
  const host = match[1].replace(/^\[|\]$/g, '');
  const port = match[2] === undefined ? BOARD_DEFAULT_PORT : Number(match[2]);
  if (port < 1 || port > 65535) {
    return refuse(BOARD_URL_MESSAGES.noSuchPort, { url, port });
  }
  if (WEBSOCKET_PORTS.includes(port)) {
    return refuse(BOARD_URL_MESSAGES.webSocketPort, { url, port, host });
  }
  return { ok: true, host, port };
}
