/**
 * Every bound the classroom broker enforces, with its default, in one place (the README's table
 * of limits is written from this file). All sizes are bytes, all times milliseconds.
 */
export interface BrokerLimits {
  /** Largest MQTT packet accepted after login; the blocks promise 1 MB payloads, so this leaves room for topic and headers. */
  maxPacketBytes: number;
  /** Largest packet accepted before login (the CONNECT with client id, credentials and last will). */
  maxLoginPacketBytes: number;
  /** Bytes waiting to be sent to one client; beyond it messages to that client are dropped and counted. */
  maxQueuedBytesPerClient: number;
  /** Messages waiting to be sent to one client; beyond it messages to that client are dropped and counted. */
  maxQueuedMessagesPerClient: number;
  /** A client over its bound, or not reading anything while data waits for it, this long is disconnected. */
  slowClientTimeoutMs: number;
  /** QoS 1/2 messages kept for one client with a stored session (clean session off) while it is away or has not acknowledged them. */
  maxStoredMessagesPerClient: number;
  /** Longest client id (bytes). */
  maxClientIdBytes: number;
  /** Longest topic or topic filter (bytes). */
  maxTopicBytes: number;
  /** MQTT connections (TCP and WebSocket together) from one network address. */
  maxConnectionsPerAddress: number;
  /** Time a new connection has to send its CONNECT. */
  loginTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<BrokerLimits> = Object.freeze({
  maxPacketBytes: 2 * 1024 * 1024,
  maxLoginPacketBytes: 64 * 1024,
  maxQueuedBytesPerClient: 4 * 1024 * 1024,
  maxQueuedMessagesPerClient: 1000,
  slowClientTimeoutMs: 20_000,
  maxStoredMessagesPerClient: 1000,
  maxClientIdBytes: 64,
  maxTopicBytes: 1024,
  maxConnectionsPerAddress: 100,
  loginTimeoutMs: 10_000,
});

/** Defaults with the caller's overrides; a bad override (negative, not a number) is a programming error. */
export function resolveLimits(overrides: Partial<BrokerLimits> = {}): BrokerLimits {
  const limits: BrokerLimits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(overrides) as [keyof BrokerLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`limit ${name} must be a positive number, got ${value}`);
    limits[name] = value;
  }
  return limits;
}

/** "2 MiB", "64 KiB", "900 B": how limits are shown in log lines and messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} B`;
}
