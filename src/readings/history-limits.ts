/**
 * How much chart history is kept per topic, by the dashboard page and by the classroom server alike
 * (issue 13: the last 10 minutes or 10,000 points, whichever is smaller).
 */
export interface HistoryLimits {
  maxPoints: number;
  maxAgeMs: number;
}

export const DEFAULT_LIMITS: HistoryLimits = { maxPoints: 10_000, maxAgeMs: 10 * 60_000 };
