/**
 * One pupil's MQTT connection, editor-agnostic: it knows nothing of Scratch or Blockly.
 * - `connect` waits a bounded time and never throws: problems land in `lastError` as plain words.
 * - Refusals (bad password, not authorised) stop there instead of retrying in a storm.
 * - Dropped connections come back by themselves with growing, jittered delays; every reconnect
 *   resubscribes; QoS 1/2 publishes made while offline wait in mqtt.js's queue and go out then.
 */
import type { IClientOptions, MqttClient } from 'mqtt';
import { MESSAGES } from '../i18n/messages';
import type { PendingMessage } from '../i18n/translate';
import { checkBrokerUrl } from './broker-url';
import type { ClassroomAddress } from './classroom-address';
import { decodePayload } from './payload';
import { planSubscriptions, type QoS } from './subscription-plan';
import { exceedsMqttStringLimit } from './mqtt-string';
import { publishTopicProblem, topicFilterProblem } from './topic-filter';
import { topicProblemMessage } from './topic-problem-messages';

export type { QoS } from './subscription-plan';
export type ConnectFunction = (url: string, options: IClientOptions) => MqttClient;

export interface ReceivedMessage {
  readonly topic: string;
  readonly text: string;
  readonly retain: boolean;
  readonly qos: QoS;
}

export interface SessionListener {
  message(message: ReceivedMessage): void;
  connectionChanged(connected: boolean): void;
}

export interface SessionOptions {
  /** mqtt.js's `connect`; injected so the browser bundle and Node tests pick their build. */
  readonly connect: ConnectFunction;
  /** The editor page's protocol (`https:` blocks `ws://` to other hosts). */
  readonly pageProtocol?: string;
  /** The editor page's origin (`location.origin`), named when a broker refuses the page. */
  readonly pageOrigin?: string;
  /** The classroom server the page came from, when known: address hints name its real port. */
  readonly classroom?: ClassroomAddress;
  /** The editor's permission check (TurboWarp's `Scratch.canFetch`). */
  readonly mayConnect?: (url: string) => Promise<boolean> | boolean;
  readonly connectTimeoutMs?: number;
  readonly reconnectBaseMs?: number;
  readonly reconnectMaxMs?: number;
  readonly keepaliveSeconds?: number;
  readonly clientIdPrefix?: string;
  /**
   * mqtt.js keeps its keepalive timers in a Web Worker in browsers, so background tabs are not
   * throttled into disconnects; where no Worker exists (locked-down embeds) plain timers still work.
   */
  readonly timerVariant?: 'auto' | 'native';
}

/** MQTT 3.1.1 CONNACK return codes (and their MQTT 5 twins) → what to tell the pupil. */
function refusalMessage(code: number, pageOrigin: string | undefined): PendingMessage {
  switch (code) {
    case 1:
    case 132:
      return { message: MESSAGES.refusedProtocol };
    case 2:
    case 133:
      return { message: MESSAGES.refusedClientId };
    case 3:
    case 136:
      return { message: MESSAGES.refusedUnavailable };
    case 4:
    case 134:
      return { message: MESSAGES.refusedBadCredentials };
    case 5:
    case 135:
      // From a web page this is what the classroom server answers a foreign site: say which page to allow.
      if (pageOrigin !== undefined && /^(https?|tw-editor):\/\//.test(pageOrigin)) {
        return { message: MESSAGES.refusedPageNotAllowed, params: { origin: pageOrigin } };
      }
      return { message: MESSAGES.refusedNotAuthorized };
    default:
      return { message: MESSAGES.refusedOther, params: { code } };
  }
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class MqttSession {
  /** The latest problem, kept as an id so it re-renders when the editor's language changes. */
  lastError: PendingMessage | null = null;

  private client: MqttClient | null = null;
  private brokerUrl = '';
  /** Each connect gets a number; events from clients of older connects are ignored. */
  private generation = 0;
  private readonly explicitSubscriptions = new Map<string, QoS>();
  private readonly hatFilters = new Set<string>();
  /** What the broker currently has for this connection. */
  private onBroker = new Map<string, QoS>();
  private will: { topic: string; payload: string } | null = null;
  private reconnectDelayMs: number;

  private readonly connectTimeoutMs: number;
  private readonly reconnectBaseMs: number;
  private readonly reconnectMaxMs: number;

  constructor(
    private readonly listener: SessionListener,
    private readonly options: SessionOptions,
  ) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10000;
    this.reconnectBaseMs = options.reconnectBaseMs ?? 1000;
    this.reconnectMaxMs = options.reconnectMaxMs ?? 30000;
    this.reconnectDelayMs = this.reconnectBaseMs;
  }

  get connected(): boolean {
    return this.client?.connected === true;
  }

  /** Resolves once connected, refused, failed or timed out; never rejects. */
  async connect(typedUrl: string, username: string, password: string): Promise<void> {
    const checked = checkBrokerUrl(typedUrl, this.options.pageProtocol, this.options.classroom);
    if (!checked.ok) {
      this.lastError = checked.problem;
      return;
    }
    const url = checked.url;
    // MQTT strings carry a 2-byte length: mqtt.js would throw on every (re)connect attempt.
    if (exceedsMqttStringLimit(username) || exceedsMqttStringLimit(password)) {
      this.lastError = { message: MESSAGES.credentialTooLong };
      return;
    }
    if (this.options.mayConnect && !(await this.options.mayConnect(url))) {
      this.lastError = { message: MESSAGES.notAllowed, params: { url } };
      return;
    }
    await this.closeClient();
    const generation = ++this.generation;
    // Closing the old connection may have reported it lost: this attempt reports for itself.
    this.lastError = null;
    this.brokerUrl = url;
    this.onBroker = new Map();
    this.reconnectDelayMs = this.reconnectBaseMs;

    const clientOptions: IClientOptions = {
      // Unique per connection: two pupils (or two tabs) never knock each other off.
      clientId: `${this.options.clientIdPrefix ?? 'mqtt-blocks'}_${randomSuffix()}`,
      // MQTT 3.1.1 sends a password only with a username: a password alone goes with an empty username.
      username: username === '' && password === '' ? undefined : username,
      password: password === '' ? undefined : password,
      protocolVersion: 4,
      clean: true,
      keepalive: this.options.keepaliveSeconds ?? 30,
      connectTimeout: this.connectTimeoutMs,
      reconnectPeriod: this.reconnectDelayMs,
      // We resubscribe ourselves on every connect, from the current plan.
      resubscribe: false,
      // QoS 0 is "at most once": while offline it is reported, not hoarded in memory.
      queueQoSZero: false,
      timerVariant: this.options.timerVariant ?? (typeof globalThis.Worker === 'function' ? 'auto' : 'native'),
      will: this.will ? { topic: this.will.topic, payload: this.will.payload, qos: 1, retain: false } : undefined,
    };

    let client: MqttClient;
    try {
      client = this.options.connect(url, clientOptions);
    } catch (error) {
      this.lastError = { message: MESSAGES.unexpected, params: { detail: String((error as Error).message ?? error) } };
      return;
    }
    this.client = client;
    await this.waitForFirstOutcome(client, generation, url);
  }

  private waitForFirstOutcome(client: MqttClient, generation: number, url: string): Promise<void> {
    const current = () => this.generation === generation;
    let settled = false;
    let wasConnected = false;
    return new Promise<void>((resolve) => {
      const settle = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        if (current() && !wasConnected) this.lastError = { message: MESSAGES.connectTimeout, params: { url, seconds: Math.round(this.connectTimeoutMs / 1000) } };
        settle();
      }, this.connectTimeoutMs);

      client.on('connect', () => {
        if (!current()) return;
        wasConnected = true;
        this.lastError = null;
        this.reconnectDelayMs = this.reconnectBaseMs;
        client.options.reconnectPeriod = this.reconnectBaseMs;
        this.onBroker = new Map();
        void this.syncSubscriptions();
        settle();
        this.listener.connectionChanged(true);
      });
      client.on('message', (topic, payload, packet) => {
        if (!current()) return;
        this.listener.message({ topic, text: decodePayload(payload), retain: packet.retain, qos: packet.qos });
      });
      client.on('error', (error: Error & { code?: unknown }) => {
        if (!current()) return;
        if (typeof error.code === 'number') {
          // A CONNACK refusal: mqtt.js has already stopped reconnecting; retrying would not help.
          this.lastError = refusalMessage(error.code, this.options.pageOrigin);
          settle();
          return;
        }
        if (!wasConnected) this.lastError = { message: MESSAGES.unreachable, params: { url } };
      });
      client.on('close', () => {
        if (!current()) return;
        if (wasConnected) {
          wasConnected = false;
          this.lastError = { message: MESSAGES.connectionLost, params: { url } };
          this.listener.connectionChanged(false);
        } else if (!this.lastError) {
          this.lastError = { message: MESSAGES.unreachable, params: { url } };
        }
        settle();
      });
      client.on('reconnect', () => {
        if (!current()) return;
        // Back off (with jitter, so a class of 30 does not return in lock-step) up to the maximum.
        this.reconnectDelayMs = Math.min(this.reconnectMaxMs, this.reconnectDelayMs * 2);
        client.options.reconnectPeriod = Math.round(this.reconnectDelayMs * (0.8 + Math.random() * 0.4));
      });
    });
  }

  /** Closes on purpose: no last will, no reconnect. */
  async disconnect(): Promise<void> {
    const wasConnected = this.connected;
    this.generation++;
    await this.closeClient();
    if (wasConnected) this.listener.connectionChanged(false);
  }

  private closeClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.onBroker = new Map();
    if (!client) return Promise.resolve();
    return new Promise((resolve) => {
      // Bounded: a dead broker must not hold "disconnect" (or the next "connect") forever.
      const timer = setTimeout(() => {
        client.end(true);
        resolve();
      }, 1000);
      client.end(false, {}, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Remembered and (re)applied on every connect; works before the first connect too. */
  subscribe(filter: string, qos: QoS): Promise<void> {
    const problem = topicFilterProblem(filter);
    if (problem) {
      this.lastError = topicProblemMessage(problem, filter);
      return Promise.resolve();
    }
    this.explicitSubscriptions.set(filter, qos);
    return this.syncSubscriptions();
  }

  unsubscribe(filter: string): Promise<void> {
    this.explicitSubscriptions.delete(filter);
    return this.syncSubscriptions();
  }

  /** The literal topics of "when message received" hats: subscribed automatically. */
  setHatFilters(filters: Iterable<string>): void {
    const next = new Set<string>();
    for (const filter of filters) if (topicFilterProblem(filter) === null) next.add(filter);
    if (next.size === this.hatFilters.size && Array.from(next).every((filter) => this.hatFilters.has(filter))) return;
    this.hatFilters.clear();
    for (const filter of next) this.hatFilters.add(filter);
    void this.syncSubscriptions();
  }

  /** Brings the broker's subscriptions in line with the plan; resolves when the broker answered (bounded). */
  private syncSubscriptions(): Promise<void> {
    const client = this.client;
    if (!client || !client.connected) return Promise.resolve();
    const wanted = new Map<string, QoS>();
    for (const filter of this.hatFilters) wanted.set(filter, 0);
    for (const [filter, qos] of this.explicitSubscriptions) wanted.set(filter, qos);
    const plan = planSubscriptions(wanted);

    const toSubscribe: Record<string, { qos: QoS }> = {};
    for (const [filter, qos] of plan) if (this.onBroker.get(filter) !== qos) toSubscribe[filter] = { qos };
    const toUnsubscribe = Array.from(this.onBroker.keys()).filter((filter) => !plan.has(filter));
    this.onBroker = plan;

    const pending: Array<Promise<void>> = [];
    if (toUnsubscribe.length > 0) {
      pending.push(new Promise((resolve) => client.unsubscribe(toUnsubscribe, () => resolve())));
    }
    if (Object.keys(toSubscribe).length > 0) {
      pending.push(
        new Promise((resolve) =>
          client.subscribe(toSubscribe, (error, granted) => {
            const refused = (granted ?? []).find((grant) => grant.qos === 128);
            if (refused) this.lastError = { message: MESSAGES.subscribeRefused, params: { topic: refused.topic } };
            else if (error && this.client === client) this.lastError = { message: MESSAGES.unexpected, params: { detail: error.message } };
            resolve();
          }),
        ),
      );
    }
    return withTimeout(Promise.all(pending).then(() => undefined), this.connectTimeoutMs);
  }

  /** Hands the message to mqtt.js and returns at once: a slow or absent broker never blocks a script. */
  publish(topic: string, payload: string, qos: QoS, retain: boolean): void {
    const problem = publishTopicProblem(topic);
    if (problem) {
      this.lastError = topicProblemMessage(problem, topic);
      return;
    }
    const client = this.client;
    if (!client) {
      this.lastError = { message: MESSAGES.notConnected };
      return;
    }
    if (!client.connected && qos === 0) {
      this.lastError = { message: MESSAGES.offlineQos0, params: { topic } };
      return;
    }
    client.publish(topic, payload, { qos, retain }, (error) => {
      if (error && this.client === client && client.connected) {
        this.lastError = { message: MESSAGES.publishFailed, params: { topic, detail: error.message } };
      }
    });
  }

  setWill(topic: string, payload: string): void {
    const problem = publishTopicProblem(topic);
    if (problem) {
      this.lastError = topicProblemMessage(problem, topic);
      return;
    }
    if (exceedsMqttStringLimit(payload)) {
      this.lastError = { message: MESSAGES.willTooLong };
      return;
    }
    this.will = { topic, payload };
    if (this.client) this.lastError = { message: MESSAGES.willAfterConnect };
  }

  /** Problems found outside the session (a hat's topic) are shown in the same "connection error". */
  report(problem: PendingMessage): void {
    this.lastError = problem;
  }

  /** The address in use, for messages. */
  get url(): string {
    return this.brokerUrl;
  }

  /** A new project: close, and forget subscriptions, last will and errors of the old one. */
  reset(): void {
    this.dispose();
    this.explicitSubscriptions.clear();
    this.hatFilters.clear();
    this.will = null;
    this.lastError = null;
  }

  /** Closes everything; used when the extension or the runtime goes away. */
  dispose(): void {
    this.generation++;
    const client = this.client;
    this.client = null;
    client?.end(true);
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
