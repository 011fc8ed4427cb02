/**
 * The server's live message feed (`GET /api/monitor`, Server-Sent Events; see src/server/monitor.ts).
 * EventSource reconnects by itself and sends Last-Event-ID, so the server resends only what was missed.
 */
import type { MonitoredMessage } from '../../server/monitor';
import type { HistoryPiece } from '../../readings/history-piece';
import { isFeedRefused } from '../common/feed-refusal';

/** `refused`: the server turned the feed away because too many are open (say so: FEED_TEXT). */
export type FeedStatus = 'connecting' | 'live' | 'offline' | 'refused';

export interface FeedHandlers {
  message(message: MonitoredMessage): void;
  /** The server skipped `count` messages because this page was reading too slowly. */
  dropped(count: number): void;
  status(status: FeedStatus): void;
  /** The dashboard (`?history=charts`): the server starts sending the charts' history it keeps. */
  historyStart?(): void;
  /** One piece of one topic's chart history. */
  history?(piece: HistoryPiece): void;
}

/** An event's JSON object, or null for broken JSON or a value that is not an object. */
function parseObject(data: string): Record<string, unknown> | null {
  try {
    const raw: unknown = JSON.parse(data);
    return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Accepts only well-formed events: a broken line must not break the panel. */
function parseMessage(data: string): MonitoredMessage | null {
  const value = parseObject(data) as Partial<Record<keyof MonitoredMessage, unknown>> | null;
  if (value === null) return null;
  if (typeof value.topic !== 'string' || typeof value.payload !== 'string') return null;
  return {
    seq: Number(value.seq) || 0,
    time: Number(value.time) || Date.now(),
    topic: value.topic,
    payload: value.payload,
    truncated: value.truncated === true,
    bytes: Number(value.bytes) || 0,
    retain: value.retain === true,
    qos: Number(value.qos) || 0,
    clientId: typeof value.clientId === 'string' ? value.clientId : null,
  };
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Accepts only a well-formed piece whose columns all have one entry per point. */
export function parseHistoryPiece(data: string): HistoryPiece | null {
  const raw = parseObject(data);
  if (raw === null) return null;
  const { topic, fields, clients, times, from, values, through } = raw;
  if (typeof topic !== 'string' || !finite(through)) return null;
  if (!isArrayOf(fields, (field): field is string => typeof field === 'string')) return null;
  if (!isArrayOf(clients, (client): client is string | null => client === null || typeof client === 'string')) return null;
  if (!isArrayOf(times, finite)) return null;
  const pointIndex = (index: unknown): index is number => Number.isInteger(index) && (index as number) >= 0 && (index as number) < clients.length;
  if (!isArrayOf(from, pointIndex) || from.length !== times.length) return null;
  const column = (value: unknown): value is Array<number | null> => isArrayOf(value, (item): item is number | null => item === null || finite(item)) && value.length === times.length;
  if (!isArrayOf(values, column) || values.length !== fields.length) return null;
  return { topic, fields, clients, times, from, values, through };
}

function isArrayOf<T>(value: unknown, isItem: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.every((item) => isItem(item));
}

function droppedCount(data: string): number {
  try {
    const count = Number((JSON.parse(data) as { count?: unknown }).count);
    return Number.isFinite(count) ? count : 0;
  } catch {
    return 0;
  }
}

/** Opens the feed; returns a function that closes it. */
export function openMonitorFeed(url: string, handlers: FeedHandlers): () => void {
  const source = new EventSource(url);
  handlers.status('connecting');
  source.onopen = () => handlers.status('live');
  source.onerror = () => {
    if (source.readyState !== EventSource.CLOSED) {
      handlers.status('connecting');
      return;
    }
    handlers.status('offline');
    void isFeedRefused(url).then((refused) => {
      if (refused) handlers.status('refused');
    });
  };
  source.onmessage = (event: MessageEvent<string>) => {
    const message = parseMessage(event.data);
    if (message !== null) handlers.message(message);
  };
  source.addEventListener('dropped', (event) => {
    const count = droppedCount((event as MessageEvent<string>).data);
    if (count > 0) handlers.dropped(count);
  });
  source.addEventListener('history-start', () => handlers.historyStart?.());
  source.addEventListener('history', (event) => {
    const piece = parseHistoryPiece((event as MessageEvent<string>).data);
    if (piece !== null) handlers.history?.(piece);
  });
  return () => source.close();
}
