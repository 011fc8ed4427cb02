/**
 * The classroom server's chart history: for every topic the dashboard charts (numbers, or JSON with
 * numbers: the page's own rule, src/readings/numeric-payload.ts), the same bounded history the page
 * keeps, so a dashboard that opens late or reloads starts with full charts.
 *
 * Memory is bounded whatever pupils publish: numbers are kept, never payloads; at most `maxTopics`
 * topics and `maxBytes` in all. A new topic beyond either bound pushes out the topic updated least
 * recently (a flood of new topics costs the oldest charts, never memory).
 */
import { DEFAULT_LIMITS, type HistoryLimits } from '../../readings/history-limits';
import { readingOfMessage } from '../../readings/numeric-payload';
import { TopicSeries } from './topic-series';

export interface ChartHistoryOptions extends Partial<HistoryLimits> {
  /** Topics kept at most; the least recently updated one goes first. */
  maxTopics?: number;
  /** Memory kept at most, counted from the arrays it holds (see TopicSeries.bytes). */
  maxBytes?: number;
  /** The clock (injectable for tests). */
  now?: () => number;
}

export const CHART_HISTORY_DEFAULTS = {
  ...DEFAULT_LIMITS,
  maxTopics: 500,
  maxBytes: 32 * 1024 * 1024,
} as const;

/** What the store needs of a monitored message. */
export interface ChartableMessage {
  time: number;
  topic: string;
  payload: string;
  truncated: boolean;
  clientId: string | null;
}

export class ChartHistoryStore {
  /** In order of last update, least recent first (a Map keeps insertion order). */
  private readonly series = new Map<string, TopicSeries>();
  private readonly limits: HistoryLimits;
  private readonly maxTopics: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private totalBytes = 0;
  /** Topics pushed out by the bounds since the start. */
  droppedTopics = 0;

  constructor(options: ChartHistoryOptions = {}) {
    this.limits = { maxPoints: options.maxPoints ?? CHART_HISTORY_DEFAULTS.maxPoints, maxAgeMs: options.maxAgeMs ?? CHART_HISTORY_DEFAULTS.maxAgeMs };
    this.maxTopics = options.maxTopics ?? CHART_HISTORY_DEFAULTS.maxTopics;
    this.maxBytes = options.maxBytes ?? CHART_HISTORY_DEFAULTS.maxBytes;
    this.now = options.now ?? Date.now;
  }

  /** Memory held, as counted against `maxBytes`. */
  get bytes(): number {
    return this.totalBytes;
  }

  get topicCount(): number {
    return this.series.size;
  }

  get pointCount(): number {
    let points = 0;
    for (const series of this.series.values()) points += series.length;
    return points;
  }

  /** Topics in order of last update, least recent first. */
  topics(): string[] {
    return [...this.series.keys()];
  }

  get(topic: string): TopicSeries | undefined {
    return this.series.get(topic);
  }

  /** Keeps the message's reading, if it has one (text and cut payloads are not charted). */
  record(message: ChartableMessage): void {
    const reading = readingOfMessage(message);
    if (reading === null) return;
    let series = this.series.get(message.topic);
    if (series === undefined) {
      if (this.series.size >= this.maxTopics) this.dropLeastRecent();
      series = new TopicSeries(message.topic, this.limits);
      this.totalBytes += series.bytes;
    } else {
      // Moved to the end: the most recently updated.
      this.series.delete(message.topic);
    }
    this.series.set(message.topic, series);
    const before = series.bytes;
    series.add(message.time, reading, message.clientId);
    series.trim(this.now());
    this.totalBytes += series.bytes - before;
    while (this.totalBytes > this.maxBytes && this.series.size > 1) this.dropLeastRecent();
  }

  /** Drops points that aged out while no message came, and topics left with none. */
  sweep(): void {
    const now = this.now();
    for (const [topic, series] of this.series) {
      const before = series.bytes;
      series.trim(now);
      this.totalBytes += series.bytes - before;
      if (series.length > 0) continue;
      this.totalBytes -= series.bytes;
      this.series.delete(topic);
    }
  }

  private dropLeastRecent(): void {
    const [topic, series] = this.series.entries().next().value as [string, TopicSeries];
    this.series.delete(topic);
    this.totalBytes -= series.bytes;
    this.droppedTopics += 1;
  }
}
