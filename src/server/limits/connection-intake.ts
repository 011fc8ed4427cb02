/**
 * Where every MQTT connection (TCP socket or WebSocket stream) enters the broker: the per-address
 * bound is checked, the stream is wrapped in a GuardedConnection (packet size, outgoing bound) and
 * put under the slow-reader watch, and only then handed to aedes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Aedes } from '../aedes-loader';
import type { ConnectionEvents } from '../events/connection-events';
import { formatBytes, type BrokerLimits } from './broker-limits';
import { AddressGate } from './address-gate';
import { GuardedConnection, type ConnectionMeta } from './guarded-connection';
import { SlowReaderWatch } from './slow-reader-watch';

export class ConnectionIntake {
  private readonly gate: AddressGate;
  private readonly watch: SlowReaderWatch;

  constructor(
    private readonly broker: Aedes,
    private readonly limits: BrokerLimits,
    private readonly events: ConnectionEvents,
  ) {
    this.gate = new AddressGate(limits.maxConnectionsPerAddress);
    this.watch = new SlowReaderWatch(limits.slowClientTimeoutMs, (connection, why) => {
      connection.closeReason = 'slowReader';
      const seconds = Math.round(limits.slowClientTimeoutMs / 1000);
      connection.closeDetail =
        `${why === 'notReading' ? `read nothing for ${seconds} s` : `over its bound for ${seconds} s`}; ` +
        `${formatBytes(connection.pendingBytes)} in ${connection.pendingMessages} messages waiting, ${connection.dropped} dropped`;
      // A client that never logged in has no 'connected' event for a 'disconnected' to pair with.
      if (!connection.loggedIn) {
        this.events.refused({ reason: 'slowReader', ...connection.meta, detail: connection.closeDetail });
      }
      connection.destroy();
    });
  }

  /** Takes a new connection; refused ones are closed here and reported as events. */
  accept(raw: Duplex, meta: ConnectionMeta, req?: IncomingMessage): void {
    if (!this.gate.tryEnter(meta.address)) {
      this.events.refused({ reason: 'tooManyConnections', ...meta, detail: `limit ${this.limits.maxConnectionsPerAddress}` });
      raw.destroy();
      return;
    }
    const connection = new GuardedConnection(raw, meta, this.limits, (problem) => {
      connection.closeReason = problem.kind === 'tooLarge' ? 'packetTooLarge' : 'malformedPacket';
      const detail =
        problem.kind === 'tooLarge'
          ? `${formatBytes(problem.declaredBytes)} announced, limit ${formatBytes(problem.limit)}${connection.loggedIn ? '' : ' before login'}`
          : undefined;
      const clientId = (connection as { client?: { id?: string | null } }).client?.id ?? undefined;
      this.events.refused({ reason: connection.closeReason, ...meta, ...(clientId ? { clientId } : {}), ...(detail ? { detail } : {}) });
    });
    connection.once('close', () => this.gate.release(meta.address));
    this.watch.add(connection);
    this.broker.handle(connection, req);
  }

  close(): void {
    this.watch.close();
  }
}
