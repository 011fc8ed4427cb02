/**
 * One piece of a topic's chart history as the classroom server sends it to a dashboard that opens
 * (SSE `event: history` on `/api/monitor?history=charts`): columns, like the page keeps them.
 */
export interface HistoryPiece {
  topic: string;
  /** Field names; `values[j]` is the column of `fields[j]`. */
  fields: string[];
  /** Client ids that sent the points of this piece (null: the broker itself); `from[i]` indexes it. */
  clients: Array<string | null>;
  /** Milliseconds since the epoch, on the server's clock, oldest first. */
  times: number[];
  from: number[];
  /** One column per field; null where a message did not carry that field. */
  values: Array<Array<number | null>>;
  /**
   * The monitor's message number up to which this topic's readings are in the history sent so far:
   * the page charts a replayed or live message on this topic only when its number is higher, so
   * nothing is drawn twice at the seam.
   */
  through: number;
}
