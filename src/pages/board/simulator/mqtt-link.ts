/**
 * The simulated board's MQTT connection, kept by the page (mqtt.js over the classroom broker's
 * WebSocket): a program blocked in Python cannot run a socket, the page can. It connects with the
 * board's own client id, so the monitor shows the simulated board like a real one. Messages that
 * arrive while the program sleeps wait in the shared inbox ring (and, when that is full, in a
 * bounded queue here: the oldest are dropped and counted) until check_msg()/wait_msg() takes them.
 */
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { fromHex } from './hex';
import { appendMessage, type InboxMessage } from './inbox-ring';
import { Slot, type SharedViews } from './shared-memory';

/** What a request from the program gets back (serialised as JSON into the reply slot). */
export type LinkReply = Record<string, unknown>;

export interface LinkNotes {
  /** The program's broker address was replaced by the classroom broker's. */
  redirected(programServer: string, brokerUrl: string): void;
  /** Messages dropped because the program did not take them fast enough. */
  dropped(count: number, limit: number): void;
  /** A message too big for a board was not delivered. */
  tooBig(topic: string, bytes: number): void;
}

export const INBOX_LIMIT = 5000;
/** An ESP32 running umqtt.simple cannot hold more than this in one message anyway. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
const CONNECT_TIMEOUT_MS = 10_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function text(hex: unknown): string | undefined {
  return typeof hex === 'string' ? utf8.decode(fromHex(hex)) : undefined;
}

export class MqttLink {
  private client: MqttClient | null = null;
  /** Messages the shared ring had no room for yet (bounded: the oldest are dropped and counted). */
  private inbox: InboxMessage[] = [];
  private droppedSinceNote = 0;
  private flushQueued = false;
  private redirectNoted = false;

  constructor(
    private readonly views: SharedViews,
    private readonly brokerUrl: () => Promise<string>,
    private readonly notes: LinkNotes,
  ) {}

  async handle(op: string, args: Record<string, unknown>): Promise<LinkReply> {
    switch (op) {
      case 'connect':
        return this.connect(args);
      case 'publish':
        return this.publish(args);
      case 'subscribe':
        return this.subscribe(args);
      case 'ping':
        return this.client?.connected ? {} : { error: 'oserror', code: 104 };
      case 'disconnect':
        await this.end(false);
        return {};
      case 'close':
        await this.end(true);
        return {};
      default:
        return { error: 'oserror', code: 95 };
    }
  }

  /** Drops the link as a board losing power would (no DISCONNECT: the broker sends the will). */
  async close(): Promise<void> {
    await this.end(true);
  }

  private setLinkUp(up: boolean): void {
    const { slots } = this.views;
    Atomics.store(slots, Slot.linkUp, up ? 1 : 0);
    this.bumpInbox();
  }

  private bumpInbox(): void {
    const { slots } = this.views;
    Atomics.add(slots, Slot.inboxSeq, 1);
    Atomics.notify(slots, Slot.inboxSeq);
  }

  private async connect(args: Record<string, unknown>): Promise<LinkReply> {
    await this.end(true);
    this.inbox = [];
    let url: string;
    try {
      url = await this.brokerUrl();
    } catch {
      return { error: 'oserror', code: 113 };
    }
    if (!this.redirectNoted) {
      this.redirectNoted = true;
      this.notes.redirected(`${String(args.server)}:${String(args.port)}`, url);
    }
    const will = args.will as { topic: string; msg: string; qos: number; retain: boolean } | null;
    const client = mqtt.connect(url, {
      clientId: text(args.clientId) ?? '',
      username: text(args.user),
      password: text(args.password),
      keepalive: Number(args.keepalive) || 0,
      clean: args.clean !== false,
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: CONNECT_TIMEOUT_MS,
      will: will ? { topic: text(will.topic) ?? '', payload: fromHex(will.msg) as never, qos: will.qos === 1 ? 1 : 0, retain: will.retain } : undefined,
    });
    this.client = client;
    client.on('message', (topic, payload) => this.arrived(topic, payload));
    return new Promise<LinkReply>((resolve) => {
      const timer = setTimeout(() => finish({ error: 'oserror', code: 110 }), CONNECT_TIMEOUT_MS + 1000);
      let settled = false;
      const finish = (reply: LinkReply): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (reply.error !== undefined) {
          client.end(true);
          if (this.client === client) this.client = null;
        }
        resolve(reply);
      };
      client.once('connect', (connack) => {
        this.setLinkUp(true);
        finish({ sessionPresent: connack.sessionPresent });
      });
      client.on('error', (error: Error & { code?: unknown }) => {
        // A CONNACK refusal carries its return code (4 bad password, 5 not authorised): umqtt raises MQTTException(code).
        if (typeof error.code === 'number' && error.code >= 1 && error.code <= 5) finish({ error: 'refused', code: error.code });
        else finish({ error: 'oserror', code: 113 });
      });
      client.on('close', () => {
        finish({ error: 'oserror', code: 113 });
        if (this.client === client) this.setLinkUp(false);
      });
    });
  }

  private arrived(topic: string, payload: Uint8Array): void {
    if (payload.length > MAX_MESSAGE_BYTES) {
      this.notes.tooBig(topic, payload.length);
      return;
    }
    this.inbox.push({ topic: encoder.encode(topic), payload });
    if (this.inbox.length > INBOX_LIMIT) {
      this.inbox.shift();
      this.droppedSinceNote++;
    }
    // One flush (and one wake-up of the program) for all the messages of one network read.
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => {
        this.flushQueued = false;
        this.flushInbox();
      });
    }
  }

  /** Moves waiting messages into the shared ring (as many as fit); called on arrival and by the page's poll. */
  flushInbox(): void {
    if (this.droppedSinceNote > 0) {
      this.notes.dropped(this.droppedSinceNote, INBOX_LIMIT);
      this.droppedSinceNote = 0;
    }
    let moved = false;
    while (this.inbox.length > 0 && appendMessage(this.views, this.inbox[0])) {
      this.inbox.shift();
      moved = true;
    }
    if (moved) this.bumpInbox();
  }

  private publish(args: Record<string, unknown>): Promise<LinkReply> {
    const client = this.client;
    let topic: string;
    try {
      topic = text(args.topic) ?? '';
    } catch {
      // Not UTF-8: a broker closes the connection on such a topic.
      void this.end(true);
      return Promise.resolve({ error: 'oserror', code: 104 });
    }
    if (client === null || !client.connected) return Promise.resolve({ error: 'oserror', code: 104 });
    const payload = fromHex(typeof args.msg === 'string' ? args.msg : '');
    const qos = args.qos === 1 ? 1 : 0;
    return new Promise((resolve) => {
      // The reply waits until mqtt.js has written the packet (QoS 0) or got the PUBACK (QoS 1):
      // a publishing loop goes at the link's pace and never piles up unsent messages.
      client.publish(topic, payload as never, { qos, retain: args.retain === true }, (error) => {
        resolve(error ? { error: 'oserror', code: 104 } : {});
      });
    });
  }

  private subscribe(args: Record<string, unknown>): Promise<LinkReply> {
    const client = this.client;
    if (client === null || !client.connected) return Promise.resolve({ error: 'oserror', code: 104 });
    let topic: string;
    try {
      topic = text(args.topic) ?? '';
    } catch {
      return Promise.resolve({ granted: 0x80 });
    }
    return new Promise((resolve) => {
      client.subscribe(topic, { qos: args.qos === 1 ? 1 : 0 }, (error, granted) => {
        if (error && granted === undefined) resolve({ error: 'oserror', code: 104 });
        else resolve({ granted: granted?.[0]?.qos ?? 0x80 });
      });
    });
  }

  private end(abrupt: boolean): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client === null) return Promise.resolve();
    Atomics.store(this.views.slots, Slot.linkUp, 0);
    return new Promise((resolve) => {
      if (abrupt) {
        // Closing the WebSocket without DISCONNECT: the broker publishes the will, as for a board that lost power.
        (client as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.();
      }
      client.end(abrupt, {}, () => resolve());
      setTimeout(resolve, 1000);
    });
  }
}
