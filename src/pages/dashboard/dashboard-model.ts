/**
 * What the dashboard knows about each topic, with no DOM: its last message and sender, its rate,
 * and for topics that carry numbers, the bounded history a chart draws. A topic gets a chart from
 * its first numeric message on; text messages on it afterwards update "last message" only.
 */
import type { MonitoredMessage } from '../../server/monitor';
import { readingOf } from './numeric-payload';
import { RateMeter } from './rate-meter';
import { DEFAULT_LIMITS, TopicHistory, type HistoryLimits } from './topic-history';

export interface TopicState {
  readonly topic: string;
  /** Set from the first numeric message on: the topic is charted. */
  history: TopicHistory | null;
  lastPayload: string;
  lastTruncated: boolean;
  lastSender: string | null;
  lastTime: number;
  lastRetained: boolean;
  /** Whether the last message was a reading (false for text such as "offline" on a charted topic). */
  lastWasReading: boolean;
  readonly rate: RateMeter;
}

/** Topics followed at once: a client publishing to endless new topics must not exhaust the page. */
export const MAX_TOPICS = 1000;

export interface ModelOptions {
  limits?: HistoryLimits;
  maxTopics?: number;
  now?: () => number;
}

export class DashboardModel {
  readonly topics = new Map<string, TopicState>();
  /** Messages on topics past MAX_TOPICS, not shown. */
  ignoredMessages = 0;
  private readonly limits: HistoryLimits;
  private readonly maxTopics: number;
  private readonly now: () => number;
  /**
   * Server clock minus this page's clock, from the latest message. Ages and rates are measured on
   * the server's clock, so a viewer laptop whose clock is off does not wipe or freeze the charts.
   */
  private clockOffset = Number.NEGATIVE_INFINITY;

  constructor(options: ModelOptions = {}) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.maxTopics = options.maxTopics ?? MAX_TOPICS;
    this.now = options.now ?? Date.now;
  }

  /** Now, on the server's clock. */
  serverNow(): number {
    return this.now() + (Number.isFinite(this.clockOffset) ? this.clockOffset : 0);
  }

  /** Records a message; returns its topic's state, or null when the topic limit kept it out. */
  add(message: MonitoredMessage): TopicState | null {
    // The largest offset seen: history replayed on (re)connect is older and would understate it.
    this.clockOffset = Math.max(this.clockOffset, message.time - this.now());
    let state = this.topics.get(message.topic);
    if (state === undefined) {
      if (this.topics.size >= this.maxTopics) {
        this.ignoredMessages += 1;
        return null;
      }
      state = {
        topic: message.topic,
        history: null,
        lastPayload: '',
        lastTruncated: false,
        lastSender: null,
        lastTime: 0,
        lastRetained: false,
        lastWasReading: false,
        rate: new RateMeter(),
      };
      this.topics.set(message.topic, state);
    }
    state.lastPayload = message.payload;
    state.lastTruncated = message.truncated;
    state.lastSender = message.clientId;
    state.lastTime = message.time;
    state.lastRetained = message.retain;
    state.rate.record(message.time);
    // A cut payload is not the real reading: never chart half a number or half a JSON object.
    const reading = message.truncated ? null : readingOf(message.payload);
    state.lastWasReading = reading !== null;
    if (reading !== null) {
      state.history ??= new TopicHistory(this.limits);
      state.history.add(message.time, reading, message.clientId);
    }
    return state;
  }

  /** Drops points that aged out while no message came (called about once a second); returns the topics that lost some. */
  trimAll(): string[] {
    const now = this.serverNow();
    const trimmed: string[] = [];
    for (const state of this.topics.values()) {
      const before = state.history?.length ?? 0;
      state.history?.trim(now);
      if ((state.history?.length ?? 0) !== before) trimmed.push(state.topic);
    }
    return trimmed;
  }
}
