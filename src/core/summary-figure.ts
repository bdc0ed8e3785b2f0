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
  /** A rate's count of people (a public post withholds the rate when that count is small). */
  numerator?: number;
}
