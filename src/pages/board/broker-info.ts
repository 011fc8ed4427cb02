/**
 * Where boards should connect, learnt from the classroom server (`GET /api/info`): its TCP host and
 * port (in LAN mode the LAN address). Pages opened some other way simply get nothing.
 */
import type { BrokerInfo } from '../../server/http-app';

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

export async function fetchBoardBroker(timeoutMs = 5000): Promise<BoardBroker | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch('/api/info', { signal: controller.signal, cache: 'no-store' });
    if (!response.ok) return null;
    return boardBrokerFrom((await response.json()) as BrokerInfo);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
