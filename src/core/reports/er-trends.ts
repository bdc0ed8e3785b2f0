import { lineChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { mean, round1 } from '../stats.ts';
import { addDays, atLocal, localDate, localDatesBetween } from '../time.ts';
import type { TimeWindow } from '../window.ts';

/** Events in one 15-minute bucket; `bucket` is minutes since the epoch divided by 15. */
export interface EventBucket {
  bucket: number;
  n: number;
}

/**
 * Events per local day of the window, every day listed (zero when nothing happened). `metric` is the
 * plural noun counted ("arrivals"); `rolling` says the window ends now, so its first and last days are
 * partial.
 */
export function trendsReport(
  buckets: readonly EventBucket[],
  metric: string,
  w: TimeWindow,
  rolling: boolean,
  timeZone: string,
  now: number,
): ReplyBody {
  const dates = localDatesBetween(timeZone, w.from.getTime(), w.to.getTime());
  const counts = dates.map(() => 0);
  // Each local day's start, computed once (a time-zone lookup per bucket costs more than the query).
  const starts = dates.map((d) => atLocal(timeZone, d));
  const last = dates[dates.length - 1];
  const end = last === undefined ? -Infinity : atLocal(timeZone, addDays(last, 1));
  const outside = new Map<string, number>();
  for (const b of buckets) {
    const ms = b.bucket * 15 * 60_000;
    const i = ms < end ? dayIndex(starts, ms) : -1;
    if (i >= 0) counts[i] = (counts[i] ?? 0) + b.n;
    else {
      const day = localDate(timeZone, ms);
      outside.set(day, (outside.get(day) ?? 0) + b.n);
    }
  }
  const days: [string, number][] = [
    ...dates.map((d, i): [string, number] => [d, counts[i] ?? 0]),
    // Only a bucket outside the window's days (none, for rows of the window) lands here.
    ...outside,
  ];
  const total = days.reduce((n, [, c]) => n + c, 0);
  return {
    title: `ER ${metric} per day`,
    summary:
      total === 0
        ? `No ER ${metric} ${w.phrase}.`
        : `${plural(total, metric.slice(0, -1))} over ${plural(days.length, 'day')}; ${round1(mean(days.map(([, c]) => c)))} a day on average${rolling ? ' (the first and last days are partial)' : ''}.`,
    publicSummary:
      total === 0 ? `No ER ${metric} ${w.phrase}.` : `{total} ER ${metric} ${w.phrase}, per day.`,
    table: {
      columns: [{ name: 'date' }, { name: metric, align: 'right', count: true }],
      rows: days.map(([d, c]) => [d, c]),
      publicTotal: 'total',
    },
    chart:
      total === 0
        ? undefined
        : {
            ...lineChart(
              `ER ${metric} per day (${w.label})`,
              days.map(([d]) => d),
              metric,
              days.map(([, c]) => c),
              { x: `date (${timeZone})`, y: metric },
            ),
            cells: [days.map((_, r): [number, number] => [r, 1])],
          },
    footer: footer(timeZone, now, w.label),
  };
}

/** The index of the last start at or before `ms` in ascending `starts`, or -1 when `ms` is before them all. */
function dayIndex(starts: readonly number[], ms: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? Infinity) <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
