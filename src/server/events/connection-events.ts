/**
 * The classroom server's stream of connection events: who connected (client id, username,
 * address, since when), who left, and every connection or login that was refused, with the reason.
 *
 * One source for everything that reports on connections: the server terminal prints each event as
 * one line (formatConnectionEvent), the teacher's dashboard lists them. Usage:
 *
 *     server.events.on('event', (event) => ...);   // every event, as it happens
 *     server.events.recent();                       // the last events (bounded), oldest first
 *     server.events.connected();                    // who is connected now
 *
 * Texts that describe a reason are in English and Chinese (reasonText; the words are in
 * refusal-text.ts, shared with the dashboard); ids and addresses are cut to a bounded length before
 * they are stored, so a hostile client id cannot bloat the feed.
 */
import { onOneLine } from '../../i18n/terminal-text';
import { SERVER_TEXT as T } from '../server-text';
import { REFUSAL_TEXT } from './refusal-text';
import { EventEmitter } from 'node:events';
import { cutText } from '../../text/cut-text';

export type Transport = 'tcp' | 'websocket' | 'http';

/** Why a connection or login was refused, or why the server closed a connection. */
export type RefusalReason =
  | 'badPassword'
  | 'foreignOrigin'
  | 'foreignHost'
  | 'tooManyConnections'
  | 'packetTooLarge'
  | 'malformedPacket'
  | 'loginTimeout'
  | 'clientIdTooLong'
  | 'topicTooLong'
  | 'readOnly'
  | 'slowReader'
  | 'tooManyFeeds'
  | 'needsLogin';

export interface ConnectedEvent {
  type: 'connected';
  /** Milliseconds since the Unix epoch. */
  time: number;
  clientId: string;
  username: string | null;
  address: string;
  transport: Transport;
  /** True for a viewer-code login, which may read but not publish. */
  readOnly: boolean;
}

export interface DisconnectedEvent {
  type: 'disconnected';
  time: number;
  clientId: string;
  address: string;
  transport: Transport;
  /** When it had connected (the matching ConnectedEvent's time). */
  since: number;
  /** Set when the server closed it (e.g. 'slowReader'); absent when the client left or its connection dropped. */
  reason?: RefusalReason;
  detail?: string;
}

export interface RefusedEvent {
  type: 'refused';
  time: number;
  reason: RefusalReason;
  address: string;
  transport: Transport;
  clientId?: string;
  /** Extra facts for the log line: the foreign origin, the declared packet size, the delay applied... */
  detail?: string;
}

/** A client's QoS 0 messages were dropped because it did not read fast enough (reported at most once a second per client). */
export interface DroppedEvent {
  type: 'dropped';
  time: number;
  clientId: string;
  address: string;
  transport: Transport;
  /** Messages dropped for this client since it connected. */
  total: number;
}

export type ConnectionEvent = ConnectedEvent | DisconnectedEvent | RefusedEvent | DroppedEvent;

/** A connected client, as listed by connected(). */
export interface ConnectedClient {
  clientId: string;
  username: string | null;
  address: string;
  transport: Transport;
  readOnly: boolean;
  since: number;
}

/** Longest client id, username, address or detail kept in an event (characters). */
export const MAX_EVENT_TEXT = 120;
const HISTORY_SIZE = 200;

function cut(text: string): string {
  const { text: kept, truncated } = cutText(text, MAX_EVENT_TEXT);
  return truncated ? `${kept}…` : kept;
}

/** Makes an event safe to keep and print: bounded strings, no control characters (a client id could hold a newline). */
function sanitise<E extends ConnectionEvent>(event: E): E {
  // eslint-disable-next-line no-control-regex -- control characters are what we replace
  const clean = (value: string): string => cut(value.replace(/[\u0000-\u001f\u007f]/g, '?'));
  const copy = { ...event } as E & Record<string, unknown>;
  for (const key of ['clientId', 'username', 'address', 'detail'] as const) {
    const value = copy[key];
    if (typeof value === 'string') (copy as Record<string, unknown>)[key] = clean(value);
  }
  return copy;
}

export class ConnectionEvents {
  private readonly emitter = new EventEmitter();
  private readonly history: ConnectionEvent[] = [];
  /** Keyed by the connection object, since two connections may (briefly) claim the same client id. */
  private readonly live = new Map<object, ConnectedClient>();

  constructor() {
    // The dashboard may have many feeds open; a listener leak warning would only confuse the teacher.
    this.emitter.setMaxListeners(0);
  }

  on(name: 'event', listener: (event: ConnectionEvent) => void): this {
    this.emitter.on(name, listener);
    return this;
  }

  off(name: 'event', listener: (event: ConnectionEvent) => void): this {
    this.emitter.off(name, listener);
    return this;
  }

  /** The last events (at most 200), oldest first. */
  recent(): ConnectionEvent[] {
    return [...this.history];
  }

  /** Clients connected now, oldest first. */
  connected(): ConnectedClient[] {
    return [...this.live.values()].sort((a, b) => a.since - b.since);
  }

  /** Records a login that succeeded; `key` identifies the connection for the matching clientLeft(). */
  clientConnected(key: object, client: Omit<ConnectedClient, 'since'>): void {
    const event = sanitise<ConnectedEvent>({ type: 'connected', time: Date.now(), ...client });
    this.live.set(key, { ...client, clientId: event.clientId, username: event.username, address: event.address, since: event.time });
    this.publish(event);
  }

  /** Records that a connected client left (or was closed by the server, with `reason`). Unknown keys are ignored. */
  clientLeft(key: object, reason?: RefusalReason, detail?: string): void {
    const client = this.live.get(key);
    if (client === undefined) return;
    this.live.delete(key);
    const event: DisconnectedEvent = {
      type: 'disconnected',
      time: Date.now(),
      clientId: client.clientId,
      address: client.address,
      transport: client.transport,
      since: client.since,
    };
    if (reason !== undefined) event.reason = reason;
    if (detail !== undefined) event.detail = detail;
    this.publish(sanitise(event));
  }

  refused(event: Omit<RefusedEvent, 'type' | 'time'>): void {
    this.publish(sanitise<RefusedEvent>({ type: 'refused', time: Date.now(), ...event }));
  }

  dropped(event: Omit<DroppedEvent, 'type' | 'time'>): void {
    this.publish(sanitise<DroppedEvent>({ type: 'dropped', time: Date.now(), ...event }));
  }

  private publish(event: ConnectionEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_SIZE) this.history.shift();
    this.emitter.emit('event', event);
  }
}

/** A reason in every language, on one line (the terminal does not know who reads it). */
export function reasonText(reason: RefusalReason): string {
  return onOneLine(REFUSAL_TEXT[reason]);
}

function clock(time: number): string {
  return new Date(time).toTimeString().slice(0, 8);
}

const TRANSPORT_NAME: Record<Transport, string> = { tcp: 'TCP', websocket: 'WebSocket', http: 'HTTP' };

/** The one line the server terminal prints for an event. */
export function formatConnectionEvent(event: ConnectionEvent): string {
  const where = `${event.address} (${TRANSPORT_NAME[event.transport]})`;
  const from = onOneLine(T.eventFrom);
  switch (event.type) {
    case 'connected': {
      const user = event.username !== null ? ` ${onOneLine(T.eventUser)} ${event.username}` : '';
      const viewer = event.readOnly ? ` [${onOneLine(T.eventViewer)}]` : '';
      return `${clock(event.time)} ${onOneLine(T.eventConnected)}: ${event.clientId}${user} ${from} ${where}${viewer}`;
    }
    case 'disconnected': {
      const detail = event.detail !== undefined ? ` (${event.detail})` : '';
      const why = event.reason !== undefined ? `, ${onOneLine(T.eventClosedByServer)}: ${reasonText(event.reason)}${detail}` : '';
      return `${clock(event.time)} ${onOneLine(T.eventDisconnected)}: ${event.clientId} ${from} ${where}${why}`;
    }
    case 'refused': {
      const who = event.clientId !== undefined ? ` ${event.clientId}` : '';
      const detail = event.detail !== undefined ? ` (${event.detail})` : '';
      return `${clock(event.time)} ${onOneLine(T.eventRefused)}:${who} ${from} ${where}: ${reasonText(event.reason)}${detail}`;
    }
    case 'dropped':
      return `${clock(event.time)} ${onOneLine(T.eventDropping)}: ${event.clientId} ${from} ${where} ${onOneLine(T.eventNotReading)}; ${onOneLine(T.eventDroppedSoFar, { total: event.total })}`;
  }
}
