/**
 * The broker's login check (aedes `authenticate` hook): client id length, then the teacher's
 * credentials or the read-only viewer code, with wrong guesses slowed per address and logged.
 */
import { onOneLine } from '../../i18n/terminal-text';
import { SERVER_TEXT as T } from '../server-text';
import type { AedesOptions, AuthenticateError } from '../aedes-loader';
import { credentialsMatch, VIEWER_USERNAME, type Credentials } from '../auth';
import type { ConnectionEvents, Transport } from '../events/connection-events';
import type { BrokerLimits } from '../limits/broker-limits';
import { GuardedConnection } from '../limits/guarded-connection';
import type { GuessLimiter } from './guess-limiter';

type AuthenticateHook = NonNullable<AedesOptions['authenticate']>;
type AedesClient = Parameters<AuthenticateHook>[0];

/** CONNACK return codes of MQTT 3.1.1. */
const IDENTIFIER_REJECTED = 2;
const BAD_USERNAME_OR_PASSWORD = 4;

export interface LoginOptions {
  /** The teacher's credentials; null when the broker is open (local only). */
  credentials: Credentials | null;
  /** Read-only code: username `viewer` with this password may subscribe but not publish. */
  viewerCode: string | null;
  limits: BrokerLimits;
  guesses: GuessLimiter;
  events: ConnectionEvents;
}

/** Who a client logged in as; kept on its connection. */
export interface LoginInfo {
  username: string | null;
  readOnly: boolean;
}

const logins = new WeakMap<object, LoginInfo>();

/** How `client` logged in (null before its login was accepted). */
export function loginOf(client: { conn: object }): LoginInfo | null {
  return logins.get(client.conn) ?? null;
}

/** Address and transport of a client's connection, for events and log lines. */
export function whereFrom(client: { conn: object }): { address: string; transport: Transport } {
  if (client.conn instanceof GuardedConnection) return { address: client.conn.meta.address, transport: client.conn.meta.transport };
  return { address: 'unknown', transport: 'tcp' };
}

function refusal(code: number, message: string): AuthenticateError {
  const error = new Error(message) as AuthenticateError;
  error.returnCode = code;
  return error;
}

export function createLoginHook(options: LoginOptions): AuthenticateHook {
  const { credentials, viewerCode, limits, guesses, events } = options;
  const viewer: Credentials | null = viewerCode !== null ? { username: VIEWER_USERNAME, password: viewerCode } : null;

  const accept = (client: AedesClient, info: LoginInfo, done: Parameters<AuthenticateHook>[3]): void => {
    logins.set(client.conn, info);
    if (client.conn instanceof GuardedConnection) client.conn.loggedIn = true;
    done(null, true);
  };

  return (client, username, password, done) => {
    const { address, transport } = whereFrom(client);
    const clientId = client.id ?? '';
    if (Buffer.byteLength(clientId, 'utf8') > limits.maxClientIdBytes) {
      events.refused({ reason: 'clientIdTooLong', address, transport, clientId, detail: `over ${limits.maxClientIdBytes} bytes` });
      done(refusal(IDENTIFIER_REJECTED, 'client id too long'), null);
      return;
    }
    if (credentials === null) {
      accept(client, { username: username ?? null, readOnly: false }, done);
      return;
    }
    const answer = (): void => {
      if (credentialsMatch(username, password, credentials)) {
        guesses.succeeded(address);
        accept(client, { username: username ?? null, readOnly: false }, done);
        return;
      }
      if (viewer !== null && credentialsMatch(username, password, viewer)) {
        guesses.succeeded(address);
        accept(client, { username: VIEWER_USERNAME, readOnly: true }, done);
        return;
      }
      const failures = guesses.failed(address);
      const delay = guesses.delayFor(failures);
      const next = delay > 0 ? `; ${onOneLine(T.answerDelay, { seconds: Math.round(delay / 100) / 10 })}` : '';
      events.refused({
        reason: 'badPassword',
        address,
        transport,
        clientId,
        detail: `${onOneLine(T.wrongLogins, { count: failures })}${next}`,
      });
      done(refusal(BAD_USERNAME_OR_PASSWORD, 'Bad username or password'), null);
    };
    const wait = guesses.waitBeforeAnswer(address);
    if (wait <= 0) answer();
    else setTimeout(answer, wait).unref();
  };
}
