/** One line of the ER daily summary: a figure of the day and its seven-day baseline. */
export interface SummaryFigure {
  /** Stable key, for suppression rules and tests. */
  key: string;
  group: string;
  label: string;
  value: number | null;
  average: number | null;
  /** Counts of people or events (small ones may identify); medians are not. */
  isCount: boolean;
  /**
   * The ED measures' count (measure-links.ts) this figure gives away: a count's own, or a rate's with the
   * day's arrivals. A public post protects it under the measures' sums.
   */
  measureCount?: string;
  /** The ED measures' count of visits a median describes: withheld when 1 to SUMMARY_MIN_CELL-1. */
  describes?: string;
  /**
   * For a public post, what the seven-day baseline of a measure gives away: a median's visits (its change
   * is shown only when they are not 1 to SUMMARY_MIN_CELL-1), or null for a rate, whose baseline with the
   * week's arrivals gives the week's counts, which no protection covers: its change is not posted.
   */
  baselineBasis?: number | null;
}
