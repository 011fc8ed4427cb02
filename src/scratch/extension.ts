/**
 * The MQTT extension for Scratch 3 (vanilla scratch-vm and TurboWarp).
 * Built-in use (scratch-gui forks): `new MqttExtension(runtime)`; TurboWarp loads the bundle from
 * `turbowarp-entry.ts`, which passes the editor's translate and canFetch in `environment`.
 */
import formatMessage from 'format-message';
import mqtt from 'mqtt';
import { EXTENSION_ID, qualifiedOpcode } from '../../blocks';
import type { Locale } from '../i18n/locales';
import { whenMessage as whenMessageBlock } from '../../blocks/definitions/whenMessage';
import { whenConnectionChanged as whenConnectionChangedBlock } from '../../blocks/definitions/whenConnectionChanged';
import { resolveLocale } from '../i18n/resolve-locale';
import { translatePending } from '../i18n/translate';
import { classroomAddressOf, type ClassroomAddress } from '../session/classroom-address';
import { jsonValueAt, type ScratchValue } from '../session/json-path';
import { MqttSession, type ConnectFunction, type QoS, type ReceivedMessage } from '../session/mqtt-session';
import { payloadText } from '../session/payload';
import { installFrameHooks } from './frame-hooks';
import { scratchExtensionInfo, type ScratchExtensionInfo } from './get-info';
import { HatDispatcher } from './hat-dispatcher';
import type { BlockUtility, ScratchRuntime } from './scratch-types';

export interface ExtensionEnvironment {
  /** mqtt.js's connect. */
  readonly connect: ConnectFunction;
  /** The editor's current language code, read whenever blocks or messages are shown. */
  readonly locale: () => string;
  /** The editor's permission check for network access (TurboWarp's `Scratch.canFetch`). */
  readonly mayConnect?: (url: string) => Promise<boolean> | boolean;
  /** The page's `location.protocol`, for the mixed-content check. */
  readonly pageProtocol?: string;
  /** The page's `location.origin`, named when the broker refuses pages from this site. */
  readonly pageOrigin?: string;
  readonly connectTimeoutMs?: number;
  /** Seconds between keepalive pings; a silent broker is noticed after 1.5 times this. */
  readonly keepaliveSeconds?: number;
  /**
   * The broker address new "connect" blocks show, when the host page knows it (the classroom
   * server's Scratch page passes its own WebSocket URL, so pupils never type one).
   */
  readonly defaultBrokerUrl?: string;
  /**
   * The classroom server the extension came from, when known (TurboWarp loading it from
   * `http://teacher-pc:PORT/mqtt-blocks.js`): address hints then name that server's real port.
   * Without it, the page's `defaultBrokerUrl` tells.
   */
  readonly classroom?: ClassroomAddress;
}

/** Keeps "last message on [TOPIC]" from growing without end under `#` subscriptions. */
const MAX_REMEMBERED_TOPICS = 1000;
/** Runtime events after which the set of hat scripts may differ. */
const SCRIPT_CHANGE_EVENTS = ['PROJECT_CHANGED', 'PROJECT_LOADED', 'targetWasCreated', 'targetWasRemoved', 'PROJECT_START'];

function defaultEnvironment(): ExtensionEnvironment {
  return {
    connect: mqtt.connect,
    // scratch-vm keeps its language in format-message's shared setup (vm.setLocale writes it there).
    locale: () => {
      const locale = formatMessage.setup().locale;
      return Array.isArray(locale) ? String(locale[0]) : String(locale);
    },
    pageProtocol: globalThis.location?.protocol,
    pageOrigin: globalThis.location?.origin,
  };
}

export class MqttExtension {
  static readonly EXTENSION_ID = EXTENSION_ID;

  private readonly environment: ExtensionEnvironment;
  private readonly session: MqttSession;
  private readonly dispatcher: HatDispatcher;
  private latest: ReceivedMessage | null = null;
  private readonly latestByTopic = new Map<string, string>();
  private readonly detachers: Array<() => void> = [];

  constructor(
    private readonly runtime: ScratchRuntime,
    environment: Partial<ExtensionEnvironment> = {},
  ) {
    this.environment = { ...defaultEnvironment(), ...environment };
    this.session = new MqttSession(
      {
        message: (message) => this.onMessage(message),
        connectionChanged: (connected) => this.onConnectionChanged(connected),
      },
      {
        connect: this.environment.connect,
        mayConnect: this.environment.mayConnect,
        pageProtocol: this.environment.pageProtocol,
        pageOrigin: this.environment.pageOrigin,
        // The host page's broker is the classroom server's: hints then name its real port and path.
        classroom: this.environment.classroom ?? (this.environment.defaultBrokerUrl ? classroomAddressOf(this.environment.defaultBrokerUrl) : undefined),
        connectTimeoutMs: this.environment.connectTimeoutMs,
        keepaliveSeconds: this.environment.keepaliveSeconds,
      },
    );
    this.dispatcher = new HatDispatcher(
      runtime,
      qualifiedOpcode(whenMessageBlock),
      (filters) => this.session.setHatFilters(filters),
      (problem) => this.session.report(problem),
    );
    this.detachers.push(
      installFrameHooks(runtime, {
        beforeFrame: () => {
          // Scripts may have changed since the last frame (edits, new clones): subscribe new hat
          // topics now rather than when the next message happens to arrive.
          this.dispatcher.hatFilters();
          this.dispatcher.startWaitingScripts();
        },
        afterThreadStep: (thread) => this.dispatcher.afterThreadStep(thread),
      }),
    );
    // Only mark: some events fire before the change is complete (a clone is announced before it
    // joins the runtime's targets), so the index is rebuilt lazily at the next frame or message.
    const onScriptsChanged = () => this.dispatcher.markScriptsChanged();
    for (const event of SCRIPT_CHANGE_EVENTS) this.listen(event, onScriptsChanged);
    this.listen('PROJECT_STOP_ALL', () => this.dispatcher.clearQueues());
    // Loading another project (or removing the extension) disposes the runtime: close and forget.
    this.listen('RUNTIME_DISPOSED', () => this.resetForNewProject());
  }

  private listen(event: string, listener: () => void): void {
    this.runtime.on(event, listener);
    this.detachers.push(() => this.runtime.removeListener(event, listener));
  }

  private get locale(): Locale {
    return resolveLocale(this.environment.locale());
  }

  getInfo(): ScratchExtensionInfo {
    return scratchExtensionInfo(this.locale, { brokerUrl: this.environment.defaultBrokerUrl });
  }

  /** Connects without a block (host pages that start the editor already connected). */
  connectTo(url: string, username = '', password = ''): Promise<void> {
    return this.connect({ URL: url, USERNAME: username, PASSWORD: password });
  }

  // ---- connection ----

  connect(args: { URL: unknown; USERNAME: unknown; PASSWORD: unknown }): Promise<void> {
    return this.session.connect(payloadText(args.URL), payloadText(args.USERNAME), payloadText(args.PASSWORD)).then(() => {
      // Hats that existed before connecting are subscribed as soon as the connection is up.
      this.session.setHatFilters(this.dispatcher.hatFilters());
      // A hat that can never run is worth saying once connected (connecting clears older problems).
      const hatProblem = this.dispatcher.hatProblem;
      if (hatProblem && this.session.lastError === null) this.session.report(hatProblem);
    });
  }

  disconnect(): Promise<void> {
    return this.session.disconnect();
  }

  isConnected(): boolean {
    return this.session.connected;
  }

  setLastWill(args: { MESSAGE: unknown; TOPIC: unknown }): void {
    this.session.setWill(payloadText(args.TOPIC), payloadText(args.MESSAGE));
  }

  lastError(): string {
    const problem = this.session.lastError;
    return problem ? translatePending(problem, this.locale) : '';
  }

  whenConnectionChanged(): boolean {
    return true;
  }

  private onConnectionChanged(connected: boolean): void {
    this.runtime.startHats(qualifiedOpcode(whenConnectionChangedBlock), { STATE: connected ? 'connected' : 'disconnected' });
  }

  // ---- subscribing and receiving ----

  subscribe(args: { TOPIC: unknown; QOS: unknown }): Promise<void> {
    return this.session.subscribe(payloadText(args.TOPIC), toQos(args.QOS));
  }

  unsubscribe(args: { TOPIC: unknown }): Promise<void> {
    return this.session.unsubscribe(payloadText(args.TOPIC));
  }

  private onMessage(message: ReceivedMessage): void {
    this.latest = message;
    // Re-insert so the Map's order is "least recently updated first" and the oldest topic goes first.
    this.latestByTopic.delete(message.topic);
    this.latestByTopic.set(message.topic, message.text);
    if (this.latestByTopic.size > MAX_REMEMBERED_TOPICS) {
      const oldest = this.latestByTopic.keys().next().value;
      if (oldest !== undefined) this.latestByTopic.delete(oldest);
    }
    this.dispatcher.deliver(message);
  }

  /** The hat's condition: true for the threads we started for a message (and for a clicked script). */
  whenMessage(_args: unknown, util: BlockUtility): boolean {
    return this.dispatcher.messageOf(util.thread) !== undefined || util.thread?.stackClick === true;
  }

  message(_args: unknown, util: BlockUtility): string {
    return (this.dispatcher.messageOf(util.thread) ?? this.latest)?.text ?? '';
  }

  topic(_args: unknown, util: BlockUtility): string {
    return (this.dispatcher.messageOf(util.thread) ?? this.latest)?.topic ?? '';
  }

  lastMessageOn(args: { TOPIC: unknown }): string {
    return this.latestByTopic.get(payloadText(args.TOPIC)) ?? '';
  }

  droppedMessages(): number {
    return this.dispatcher.droppedCount;
  }

  // ---- publishing ----

  publish(args: { MESSAGE: unknown; TOPIC: unknown }): void {
    this.session.publish(payloadText(args.TOPIC), payloadText(args.MESSAGE), 0, false);
  }

  publishWithOptions(args: { MESSAGE: unknown; TOPIC: unknown; QOS: unknown; RETAIN: unknown }): void {
    this.session.publish(payloadText(args.TOPIC), payloadText(args.MESSAGE), toQos(args.QOS), toRetain(args.RETAIN));
  }

  jsonValue(args: { PATH: unknown; JSON: unknown }): ScratchValue {
    return jsonValueAt(payloadText(args.JSON), payloadText(args.PATH));
  }

  // ---- lifecycle ----

  private resetForNewProject(): void {
    this.session.reset();
    this.dispatcher.reset();
    this.latest = null;
    this.latestByTopic.clear();
  }

  /** Removes every hook and closes the connection (extension removed, tests tearing down). */
  dispose(): void {
    this.session.dispose();
    for (const detach of this.detachers.splice(0)) detach();
  }
}

function toQos(value: unknown): QoS {
  const level = Number(value);
  return level === 1 || level === 2 ? level : 0;
}

function toRetain(value: unknown): boolean {
  // The menu's values are 'yes'/'no' in every language (only its labels are translated);
  // a dropped-in reporter may give true/'true'/1.
  return value === true || ['yes', 'true', '1'].includes(String(value).trim().toLowerCase());
}
