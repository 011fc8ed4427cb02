import type { Server as NetServer, AddressInfo } from 'node:net';
import { describeListenError, type ListenerKind } from './port-errors';

/**
 * Binds a server (net or http) and resolves with the port actually bound, which matters
 * when the caller asked for port 0. Bind errors become friendly ListenErrors.
 */
export function listenOn(
  server: NetServer,
  port: number,
  host: string,
  kind: ListenerKind,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.removeListener('listening', onListening);
      reject(describeListenError(error, kind, port, host));
    };
    const onListening = (): void => {
      server.removeListener('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Closes a server if it is listening; never rejects, because shutdown must always finish. */
export function closeServer(server: NetServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}
