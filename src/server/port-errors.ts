/**
 * Friendly, bilingual start-up errors. Teachers start the server from a terminal and may
 * not know what a port is, so every message says what happened and what to type instead.
 */

import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';

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
      const text = inLines(kind === 'tcp' ? T.tcpPortInUse : T.httpPortInUse, { port, option, next });
      return new ListenError(text, 'EADDRINUSE', kind, port, host);
    }
    case 'EACCES':
      return new ListenError(
        inLines(T.portNotAllowed, { port, option, next: port < 1024 ? 8000 + port : next }),
        'EACCES',
        kind,
        port,
        host,
      );
    case 'EADDRNOTAVAIL':
      return new ListenError(
        inLines(T.addressNotHere, { host, port }),
        'EADDRNOTAVAIL',
        kind,
        port,
        host,
      );
    default:
      return error;
  }
}
