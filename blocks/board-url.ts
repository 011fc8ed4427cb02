/**
 * What `connect`'s URL means on a board. Boards speak plain MQTT over TCP (port 1883); a WebSocket
 * URL or a WebSocket port is the classroom's most common mix-up, so it is refused with an
 * explanation instead of producing code that silently never connects.
 */
import type { LocalizedText } from './types';

export const BOARD_DEFAULT_PORT = 1883;
/** Ports classroom brokers use for WebSocket: a board cannot talk MQTT on them. */
export const WEBSOCKET_PORTS: readonly number[] = [8000, 8080, 8083, 8084, 9001];

export type BoardUrl = { ok: true; host: string; port: number } | { ok: false; error: LocalizedText };

function refuse(en: string, zh: string): BoardUrl {
  return { ok: false, error: { en, 'zh-cn': zh } };
}

/** Accepts `mqtt://host:port`, `tcp://host:port`, `host:port` and `host` (port 1883). */
export function parseBoardUrl(raw: string): BoardUrl {
  const url = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  const kind = scheme ? scheme[1].toLowerCase() : 'mqtt';
  if (kind === 'ws' || kind === 'wss') {
    return refuse(
      `"${url}" is a WebSocket address, which only browsers use. Boards connect over TCP: use mqtt://HOST:1883 (the broker's TCP port).`,
      `"${url}" 是 WebSocket 地址，只有浏览器使用。开发板通过 TCP 连接：请用 mqtt://主机:1883（服务器的 TCP 端口）。`,
    );
  }
  if (kind === 'mqtts' || kind === 'ssl' || kind === 'tls') {
    return refuse(
      `"${url}": encrypted MQTT (TLS) is not supported in generated board code yet. Use mqtt://HOST:1883 on the classroom network.`,
      `"${url}"：生成的开发板代码暂不支持加密 MQTT（TLS）。请在课堂网络中使用 mqtt://主机:1883。`,
    );
  }
  if (kind !== 'mqtt' && kind !== 'tcp') {
    return refuse(
      `"${url}" is not an MQTT address. Boards use mqtt://HOST:1883.`,
      `"${url}" 不是 MQTT 地址。开发板请使用 mqtt://主机:1883。`,
    );
  }
  const rest = scheme ? url.slice(scheme[0].length) : url;
  const hostPort = rest.replace(/\/.*$/, '');
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:/\s]+)(?::(\d{1,5}))?$/.exec(hostPort);
  if (!match) {
    return refuse(
      `"${url}" does not name a broker. Write it like mqtt://192.168.1.2:1883.`,
      `"${url}" 不是有效的服务器地址。请写成 mqtt://192.168.1.2:1883 这样的形式。`,
    );
  }
  const host = match[1].replace(/^\[|\]$/g, '');
  const port = match[2] === undefined ? BOARD_DEFAULT_PORT : Number(match[2]);
  if (port < 1 || port > 65535) {
    return refuse(`"${url}": port ${port} does not exist (1 to 65535).`, `"${url}"：端口 ${port} 不存在（应为 1 到 65535）。`);
  }
  if (WEBSOCKET_PORTS.includes(port)) {
    return refuse(
      `"${url}": port ${port} is a WebSocket port, which only browsers use. Boards connect over TCP, usually port 1883: mqtt://${host}:1883.`,
      `"${url}"：端口 ${port} 是 WebSocket 端口，只有浏览器使用。开发板通过 TCP 连接，通常是 1883 端口：mqtt://${host}:1883。`,
    );
  }
  return { ok: true, host, port };
}
