/**
 * What the dashboard knows about each topic, with no DOM: its last message and sender, its rate,
 * and for topics that carry numbers, the bounded history a chart draws. A topic gets a chart from
 * its first numeric message on; text messages on it afterwards update "last message" only.
 */
import type { MonitoredMessage } from '../../server/monitor';
import type { HistoryPiece } from '../../readings/history-piece';
import { PLAIN_NUMBER_FIELD, readingOfMessage } from '../../readings/numeric-payload';
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
  /**
   * Per topic, the message number up to which the server's history gave its readings: a replayed
   * or live message up to there is already charted (see src/server/chart-history/history-stream.ts).
   */
  private readonly historyThrough = new Map<string, number>();
  /** Topics whose first piece of the current history was added (the first piece replaces, the next ones append). */
  private readonly historyTopics = new Set<string>();

  constructor(options: ModelOptions = {}) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.maxTopics = options.maxTopics ?? MAX_TOPICS;
    this.now = options.now ?? Date.now;
  }

  /** Now, on the server's clock. */
  serverNow(): number {
    return this.now() + (Number.isFinite(this.clockOffset) ? this.clockOffset : 0);
  }

  /** The server starts sending its chart history (again, after a reconnect that could not resume). */
  startHistory(): void {
    this.historyThrough.clear();
    this.historyTopics.clear();
  }

  /** Adds a piece of the server's chart history; returns the topic's state, or null when the topic limit kept it out. */
  addHistory(piece: HistoryPiece): TopicState | null {
    const state = this.stateOf(piece.topic);
    if (state === null) return null;
    const history = (state.history ??= new TopicHistory(this.limits));
    const first = piece.times[0];
    if (!this.historyTopics.has(piece.topic) && first !== undefined) history.dropFrom(first);
    this.historyTopics.add(piece.topic);
    const last = piece.times[piece.times.length - 1];
    piece.times.forEach((time, i) => {
      const reading = new Map<string, number>();
      piece.fields.forEach((field, j) => {
        const value = piece.values[j][i];
        if (value !== null) reading.set(field, value);
      });
      const sender = piece.clients[piece.from[i]];
      history.add(time, reading, sender);
      // Only what the rate's window can still see.
      if (last - time <= state.rate.windowMs) state.rate.record(time);
    });
    if (last !== undefined && last >= state.lastTime) {
      state.lastTime = last;
      state.lastSender = piece.clients[piece.from[piece.from.length - 1]];
      state.lastWasReading = true;
      state.lastRetained = false;
      const latest = history.latest();
      // The payload itself is not kept by the server; a plain number's text is the number.
      if (latest.length === 1 && latest[0][0] === PLAIN_NUMBER_FIELD) state.lastPayload = String(latest[0][1]);
    }
    this.historyThrough.set(piece.topic, Math.max(piece.through, this.historyThrough.get(piece.topic) ?? 0));
    return state;
  }

  /** Records a message; returns its topic's state, or null when the topic limit kept it out. */
  add(message: MonitoredMessage): TopicState | null {
    // The largest offset seen: history replayed on (re)connect is older and would understate it.
    this.clockOffset = Math.max(this.clockOffset, message.time - this.now());
    const state = this.stateOf(message.topic);
    if (state === null) return null;
    const inHistory = message.seq <= (this.historyThrough.get(message.topic) ?? 0);
    // A replayed message older than the history's last point must not make the card look older.
    if (inHistory && message.time < state.lastTime) return state;
    state.lastPayload = message.payload;
    state.lastTruncated = message.truncated;
    state.lastSender = message.clientId;
    state.lastTime = message.time;
    state.lastRetained = message.retain;
    const reading = readingOfMessage(message);
    state.lastWasReading = reading !== null;
    // Already charted from the server's history: drawing it again would double the point.
    if (inHistory) return state;
    state.rate.record(message.time);
    if (reading !== null) {
      state.history ??= new TopicHistory(this.limits);
      state.history.add(message.time, reading, message.clientId);
    }
    return state;
  }

  private stateOf(topic: string): TopicState | null {
    let state = this.topics.get(topic);
    if (state === undefined) {
      if (this.topics.size >= this.maxTopics) {
        this.ignoredMessages += 1;
        return null;
      }
      state = {
        topic,
        history: null,
        lastPayload: '',
        lastTruncated: false,
        lastSender: null,
        lastTime: 0,
        lastRetained: false,
        lastWasReading: false,
        rate: new RateMeter(),
      };
      this.topics.set(topic, state);
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
