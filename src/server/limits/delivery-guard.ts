/**
 * Drops messages to a client that is over its bound (aedes `authorizeForward` hook), so what one
 * slow client has not read yet never grows without limit. Dropping is counted per client and
 * reported (at once, then at most every few seconds while it goes on); the slow-reader watch closes
 * a client that stays over its bound.
 */
import type { AedesOptions } from '../aedes-loader';
import type { ConnectionEvents } from '../events/connection-events';
import { GuardedConnection } from './guarded-connection';

type ForwardHook = NonNullable<AedesOptions['authorizeForward']>;

const REPORT_EVERY_MS = 5000;

export function createDeliveryGuard(events: ConnectionEvents): ForwardHook {
  const lastReport = new WeakMap<GuardedConnection, number>();
  return (client, packet) => {
    const conn = client.conn;
    if (!(conn instanceof GuardedConnection) || !conn.isOverBound()) return packet;
    const now = Date.now();
    conn.dropped += 1;
    conn.overBoundSince ??= now;
    const reported = lastReport.get(conn);
    if (reported === undefined || now - reported >= REPORT_EVERY_MS) {
      lastReport.set(conn, now);
      events.dropped({ clientId: client.id ?? '', address: conn.meta.address, transport: conn.meta.transport, total: conn.dropped });
    }
    return null;
  };
}
