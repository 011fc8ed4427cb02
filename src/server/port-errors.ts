/**
 * Friendly, bilingual start-up errors. Teachers start the server from a terminal and may
 * not know what a port is, so every message says what happened and what to type instead.
 */

export type ListenerKind = 'tcp' | 'http';

/** Thrown when a listener cannot bind; `message` is ready to print as is. */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly kind: ListenerKind,
    readonly port: number,
    readonly host: string,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

function optionFor(kind: ListenerKind): string {
  return kind === 'tcp' ? '--tcp-port' : '--http-port';
}

function suggestedPort(port: number): number {
  return port > 0 && port < 65535 ? port + 1 : 0;
}

/** Turns a raw `listen` error into a ListenError with an English + Simplified Chinese text. */
export function describeListenError(
  error: NodeJS.ErrnoException,
  kind: ListenerKind,
  port: number,
  host: string,
): Error {
  const option = optionFor(kind);
  const next = suggestedPort(port);
  switch (error.code) {
    case 'EADDRINUSE': {
      const english =
        kind === 'tcp'
          ? `Port ${port} is already used, probably by another MQTT broker such as Mosquitto. ` +
            `Stop it or start with ${option} ${next}.`
          : `Port ${port} is already used by another program (perhaps another mqtt-blocks server). ` +
            `Stop it or start with ${option} ${next}.`;
      const chinese =
        kind === 'tcp'
          ? `端口 ${port} 已被占用，可能有另一个 MQTT 服务器（例如 Mosquitto）正在运行。` +
            `请先关闭它，或者使用 ${option} ${next} 启动。`
          : `端口 ${port} 已被其他程序占用（可能是另一个 mqtt-blocks 服务器）。` +
            `请先关闭它，或者使用 ${option} ${next} 启动。`;
      return new ListenError(`${english}\n${chinese}`, 'EADDRINUSE', kind, port, host);
    }
    case 'EACCES':
      return new ListenError(
        `This computer does not allow this program to use port ${port}. ` +
          `Start with ${option} ${port < 1024 ? 8000 + port : next} (ports below 1024 need administrator rights).\n` +
          `系统不允许本程序使用端口 ${port}。请使用 ${option} ${port < 1024 ? 8000 + port : next} 启动` +
          `（1024 以下的端口需要管理员权限）。`,
        'EACCES',
        kind,
        port,
        host,
      );
    case 'EADDRNOTAVAIL':
      return new ListenError(
        `The address ${host} does not belong to this computer, so port ${port} cannot be opened on it.\n` +
          `地址 ${host} 不属于这台电脑，无法在它上面打开端口 ${port}。`,
        'EADDRNOTAVAIL',
        kind,
        port,
        host,
      );
    default:
      return error;
  }
}
