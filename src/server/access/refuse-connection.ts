/**
 * Answers a connection the broker must not serve with a CONNACK refusal, without letting it near
 * the broker: wait for the client's first bytes (its CONNECT), send "connection refused" with the
 * given MQTT 3.1.1 return code, and close. The client then reports a reason a pupil can act on,
 * instead of a bare "connection closed" it could not tell from a broker that is down.
 */
import type { Duplex } from 'node:stream';

/** CONNACK return codes of MQTT 3.1.1 used for refusals. */
export const CONNACK = { serverUnavailable: 3, notAuthorized: 5 } as const;

/** A refused client gets this long to send its CONNECT before the connection is simply closed. */
const REFUSE_WAIT_MS = 5000;

export function refuseConnection(stream: Duplex, returnCode: number): void {
  const timer = setTimeout(() => stream.destroy(), REFUSE_WAIT_MS);
  timer.unref();
  const finish = (): void => {
    clearTimeout(timer);
  };
  stream.on('error', () => stream.destroy());
  stream.once('close', finish);
  stream.once('data', () => {
    // Nothing it sent is read beyond this first chunk.
    stream.pause();
    stream.end(Buffer.from([0x20, 0x02, 0x00, returnCode]));
    // A client that never closes its side is closed for it.
    setTimeout(() => stream.destroy(), 1000).unref();
  });
}
