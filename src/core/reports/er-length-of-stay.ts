import { scatterChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import { median, percentile, round1 } from '../stats.ts';
import type { TimeWindow } from '../window.ts';

/** One completed ER visit: the patient's age on arrival and the minutes from arrival to departure. */
export interface Stay {
  age: number;
  minutes: number;
}

const AGE_BANDS = [
  ['0-17', 0, 17],
  ['18-44', 18, 44],
  ['45-64', 45, 64],
  ['65-79', 65, 79],
  ['80+', 80, 200],
] as const;

/** The most visits the scatter chart draws. */
export const MAX_POINTS = 1500;

/** Length of stay by age band (median and 90th percentile, in hours), and age against stay as a scatter. */
export function lengthOfStayReport(
  stays: readonly Stay[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const hoursOf = (m: number) => m / 60;
  const rows = (stays.length === 0 ? [] : AGE_BANDS).map(([band, lo, hi]) => {
    const h = stays.filter((s) => s.age >= lo && s.age <= hi).map((s) => hoursOf(s.minutes));
    return [band, h.length, round1(median(h)), round1(percentile(h, 90))] as Cell[];
  });
  // An even sample keeps the chart readable and the same for the same data.
  const step = Math.max(1, Math.ceil(stays.length / MAX_POINTS));
  const points = stays
    .filter((_, i) => i % step === 0)
    .map((s) => ({ x: s.age, y: round1(hoursOf(s.minutes)) ?? 0 }));
  const all = stays.map((s) => hoursOf(s.minutes));
  return {
    title: 'Length of stay by age',
    summary:
      stays.length === 0
        ? `No completed ER visits that arrived ${w.phrase}.`
        : `${plural(stays.length, 'completed visit')}; median stay ${round1(median(all))} h, 90th percentile ${round1(percentile(all, 90))} h.`,
    publicSummary:
      stays.length === 0
        ? `No completed ER visits that arrived ${w.phrase}.`
        : `Completed ER visits that arrived ${w.phrase}, by age band.`,
    table: {
      columns: [
        { name: 'age' },
        { name: 'visits', align: 'right', count: true },
        { name: 'median h', align: 'right', derived: 'row' },
        { name: 'p90 h', align: 'right', derived: 'row' },
      ],
      rows,
    },
    chart:
      stays.length === 0
        ? undefined
        : scatterChart(
            `Age against length of stay (${w.label}${step > 1 ? `, every ${step}th visit` : ''})`,
            'visits',
            points,
            { x: 'age (years)', y: 'length of stay (hours)' },
          ),
    footer: footer(timeZone, now, w.label),
  };
}
