/**
 * Sends the chart history to one dashboard feed, a piece at a time, while the live store keeps
 * changing. A pass goes over the topics kept when it started and sends each topic's points not
 * sent yet; the monitor then replays its recent messages from where the pass started, and the page
 * skips readings the history already had (each piece says up to which message it goes). If the
 * monitor's recent messages no longer reach back to where the pass started (a slow page, a busy
 * class), another, shorter pass sends what came meanwhile: no gap, no duplicate.
 */
import type { ChartHistoryStore } from './chart-history-store';
import type { TopicSeries } from './topic-series';

/** Points per piece: with eight fields a piece stays well under the feed's 64 kB of buffer. */
const POINTS_PER_PIECE = 256;
/** Passes at most; past them the feed goes live and the page is told what it missed, as any slow page is. */
export const MAX_PASSES = 8;

export class HistoryStream {
  private topics: string[] = [];
  private index = 0;
  /** Per topic: the series it was read from and the number of its next point to send. */
  private readonly sent = new Map<string, { series: TopicSeries; nextAdded: number }>();
  passStartSeq = 0;
  passes = 0;

  constructor(private readonly store: ChartHistoryStore) {}

  /** Starts a pass over the topics kept now; `seq` is the monitor's latest message number. */
  startPass(seq: number): void {
    this.topics = this.store.topics();
    this.index = 0;
    this.passStartSeq = seq;
    this.passes += 1;
  }

  /** The next SSE event of this pass, or null when the pass is complete. */
  next(seq: number): string | null {
    while (this.index < this.topics.length) {
      const topic = this.topics[this.index];
      const series = this.store.get(topic);
      if (series === undefined) {
        this.index += 1;
        continue;
      }
      const known = this.sent.get(topic);
      // A topic dropped and kept again since is another series: its points are all new.
      const from = known !== undefined && known.series === series ? known.nextAdded : 0;
      const result = series.piece(from, POINTS_PER_PIECE, seq);
      if (result === null) {
        this.index += 1;
        continue;
      }
      this.sent.set(topic, { series, nextAdded: result.nextAdded });
      return `event: history\ndata: ${JSON.stringify(result.piece)}\n\n`;
    }
    return null;
  }
}
