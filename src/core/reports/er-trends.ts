import { lineChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { mean, round1 } from '../stats.ts';
import { localDate, localDatesBetween } from '../time.ts';
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
  const perDay = new Map(localDatesBetween(timeZone, w.from.getTime(), w.to.getTime()).map((d) => [d, 0]));
  for (const b of buckets) {
    const day = localDate(timeZone, b.bucket * 15 * 60_000);
    perDay.set(day, (perDay.get(day) ?? 0) + b.n);
  }
  const days = [...perDay];
  const total = days.reduce((n, [, c]) => n + c, 0);
  return {
    title: `ER ${metric} per day`,
    summary:
      total === 0
        ? `No ER ${metric} ${w.phrase}.`
        : `${plural(total, metric.slice(0, -1))} over ${plural(days.length, 'day')}; ${round1(mean(days.map(([, c]) => c)))} a day on average${rolling ? ' (the first and last days are partial)' : ''}.`,
    publicSummary: total === 0 ? `No ER ${metric} ${w.phrase}.` : `ER ${metric} per day ${w.phrase}.`,
    table: {
      columns: [{ name: 'date' }, { name: metric, align: 'right', count: true }],
      rows: days.map(([d, c]) => [d, c]),
    },
    chart:
      total === 0
        ? undefined
        : lineChart(
            `ER ${metric} per day (${w.label})`,
            days.map(([d]) => d),
            metric,
            days.map(([, c]) => c),
            { x: `date (${timeZone})`, y: metric },
          ),
    footer: footer(timeZone, now, w.label),
  };
}
