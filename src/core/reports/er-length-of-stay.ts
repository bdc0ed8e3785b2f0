import { scatterChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import { percentileOfSorted, round1 } from '../stats.ts';
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
  const { all, bands } = hoursByBand(stays);
  const rows = (stays.length === 0 ? [] : AGE_BANDS).map(([band], b) => {
    const h = bands[b] ?? new Float64Array();
    return [band, h.length, round1(percentileOfSorted(h, 50)), round1(percentileOfSorted(h, 90))] as Cell[];
  });
  // An even sample keeps the chart readable and the same for the same data.
  const step = Math.max(1, Math.ceil(stays.length / MAX_POINTS));
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < stays.length; i += step) {
    const s = stays[i];
    if (s) points.push({ x: s.age, y: round1(s.minutes / 60) ?? 0 });
  }
  return {
    title: 'Length of stay by age',
    summary:
      stays.length === 0
        ? `No completed ER visits that arrived ${w.phrase}.`
        : `${plural(stays.length, 'completed visit')}; median stay ${round1(percentileOfSorted(all, 50))} h, 90th percentile ${round1(percentileOfSorted(all, 90))} h.`,
    publicSummary:
      stays.length === 0
        ? `No completed ER visits that arrived ${w.phrase}.`
        : `{total} completed ER visits that arrived ${w.phrase}, by age band.`,
    table: {
      columns: [
        { name: 'age' },
        { name: 'visits', align: 'right', count: true },
        { name: 'median h', align: 'right', derived: 'row' },
        { name: 'p90 h', align: 'right', derived: 'row' },
      ],
      rows,
      publicTotal: 'all',
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

/**
 * Each stay's hours, sorted, for all stays and per age band: one pass sizes the bands, one fills typed arrays,
 * and each array is sorted once (numerically, as typed arrays sort) for its median and 90th percentile.
 */
function hoursByBand(stays: readonly Stay[]): { all: Float64Array; bands: Float64Array[] } {
  const bandOf = (age: number) => AGE_BANDS.findIndex(([, lo, hi]) => age >= lo && age <= hi);
  const bandIndex = new Int8Array(stays.length);
  const sizes = new Int32Array(AGE_BANDS.length);
  stays.forEach((s, i) => {
    const b = bandOf(s.age);
    bandIndex[i] = b;
    if (b >= 0) sizes[b] = (sizes[b] ?? 0) + 1;
  });
  const all = new Float64Array(stays.length);
  const bands = Array.from(sizes, (n) => new Float64Array(n));
  const filled = new Int32Array(AGE_BANDS.length);
  stays.forEach((s, i) => {
    const h = s.minutes / 60;
    all[i] = h;
    const b = bandIndex[i] ?? -1;
    const band = bands[b];
    if (band) {
      const k = filled[b] ?? 0;
      band[k] = h;
      filled[b] = k + 1;
    }
  });
  all.sort();
  for (const band of bands) band.sort();
  return { all, bands };
}
