/**
 * Closes clients that stopped reading: once a second it looks at every connection, and one that has
 * not taken any of the data waiting for it, or has stayed over its bound, for the stated time is
 * closed. Its queued data is freed with it, and the broker log names it.
 */
import type { GuardedConnection } from './guarded-connection';

export class SlowReaderWatch {
  private readonly connections = new Set<GuardedConnection>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly timeoutMs: number,
    private readonly onSlow: (connection: GuardedConnection, why: 'notReading' | 'overBound') => void,
    checkEveryMs = Math.min(1000, Math.max(50, Math.floor(timeoutMs / 4))),
  ) {
    this.timer = setInterval(() => this.check(), checkEveryMs);
    this.timer.unref();
  }

  add(connection: GuardedConnection): void {
    this.connections.add(connection);
    connection.once('close', () => this.connections.delete(connection));
  }

  close(): void {
    clearInterval(this.timer);
    this.connections.clear();
  }

  private check(): void {
    const now = Date.now();
    for (const connection of this.connections) {
      if (connection.destroyed) {
        this.connections.delete(connection);
        continue;
      }
      if (!connection.isOverBound()) connection.overBoundSince = null;
      if (connection.stalledFor(now) >= this.timeoutMs) {
        this.connections.delete(connection);
        this.onSlow(connection, 'notReading');
      } else if (connection.overBoundSince !== null && now - connection.overBoundSince >= this.timeoutMs) {
        this.connections.delete(connection);
        this.onSlow(connection, 'overBound');
      }
    }
  }
}
