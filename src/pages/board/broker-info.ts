/**
 * Where boards should connect, learnt from the classroom server (`GET /api/info`): its TCP host and
 * port (in LAN mode the LAN address). Pages opened some other way simply get nothing.
 */
import type { BrokerInfo } from '../../server/http-app';
import { fetchServerInfo } from '../common/server-info';

export interface BoardBroker {
  /** `mqtt://host:port`, ready for the connect block. */
  url: string;
  /** Reachable from other devices (LAN mode); otherwise only this computer can connect. */
  lan: boolean;
}

export function boardBrokerFrom(info: Pick<BrokerInfo, 'tcp' | 'lan'>): BoardBroker | null {
  const { host, port } = info.tcp ?? {};
  if (typeof host !== 'string' || host === '' || typeof port !== 'number' || port <= 0) return null;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return { url: `mqtt://${hostPart}:${port}`, lan: info.lan === true };
}

/** Where boards connect, or null when the server does not say (a page opened some other way). */
export async function fetchBoardBroker(): Promise<BoardBroker | null> {
  try {
    return boardBrokerFrom(await fetchServerInfo());
  } catch {
    return null;
  }
}
