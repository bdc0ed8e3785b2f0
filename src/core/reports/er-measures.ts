import { linesChart } from '../charts.ts';
import {
  edMeasures,
  MEASURES,
  RATE_KEYS,
  stratumOfVisit,
  type MeasureFigure,
  type MeasureVisit,
} from '../ed-measures.ts';
import { isUnshownCount, measureLinks, type MeasureLinks } from '../measure-links.ts';
import { percentileInPlace, round1 } from '../stats.ts';
import { footer, plural } from '../format.ts';
import type { Cell, CellRef, ReplyBody, ReplyChart, TableLinks } from '../reply.ts';
import { atLocal, localDatesBetween } from '../time.ts';
import type { TimeWindow } from '../window.ts';

export type { MeasureVisit };

/** Admitted patients waiting for a bed at an instant, and those of them decided on over 4 hours before. */
export interface BoardersNow {
  boarders: number;
  over_4h: number;
}

/** The measures drawn per day: the headline time of each group. */
const DAILY = ['op18b', 'ed1', 'ed2', 'doorToProvider'] as const;

/** Where every answer showing the measures sends a reader for the definitions it does not cite. */
export const DEFINITIONS_NOTE = 'definitions: README, "ED measures"';

/** The footer of an answer that shows the measures: the headline's definition, then where the others are. */
export function measuresFooter(timeZone: string, now: number, window?: string): string {
  return `${MEASURES.op18b.definition} · ${DEFINITIONS_NOTE} · ${footer(timeZone, now, window)}`;
}

const row = (f: MeasureFigure): Cell[] => [
  f.name,
  f.label,
  f.kind === 'minutes' ? 'median min' : '%',
  f.value,
  f.p90,
  f.meeting,
  f.denominator,
  f.leftOut,
];

/**
 * /er measures: every standard ED measure of the visits that arrived in the window, with its CMS or
 * benchmark name, value, how many visits it counted and how many it left out; the boarders now; and the
 * daily medians of the headline times.
 */
export function measuresReport(
  visits: readonly MeasureVisit[],
  boarding: BoardersNow,
  w: Pick<TimeWindow, 'label' | 'phrase' | 'from' | 'to'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const figures = edMeasures(visits);
  const f = (k: string) => figures.find((x) => x.key === k);
  const v = (k: string, unit: string) => {
    const x = f(k);
    return x?.value === null || x?.value === undefined ? '–' : `${x.value}${unit}`;
  };
  const empty = visits.length === 0;
  return {
    title: 'ED measures (CMS and benchmark definitions)',
    summary: empty
      ? `No ER visits arrived ${w.phrase}.`
      : [
          `${plural(visits.length, 'visit')} arrived ${w.phrase}.`,
          `OP-18b ${v('op18b', ' min')}, door to provider ${v('doorToProvider', ' min')}, boarding (ED-2) ${v('ed2', ' min')};`,
          `LWBS ${v('lwbs', '%')}, LBTC ${v('lbtc', '%')}, ECAT ${v('ecat', '%')}.`,
          `Boarding now: ${plural(boarding.boarders, 'admitted patient')}, ${boarding.over_4h} of them over 4 h.`,
        ].join(' '),
    publicSummary: empty
      ? `No ER visits arrived ${w.phrase}.`
      : `{total} ER visits arrived ${w.phrase}; their standard ED measures follow.`,
    table: {
      columns: [
        { name: 'measure' },
        { name: 'what' },
        { name: 'unit' },
        // A percentage gives its count from its visits, a median of a few visits their times.
        { name: 'value', align: 'right', derived: 'row', of: ['counted', 'of visits'] },
        { name: 'p90 min', align: 'right', derived: 'row', of: ['counted', 'of visits'] },
        { name: 'counted', align: 'right', count: true },
        { name: 'of visits', align: 'right', count: true },
        { name: 'left out', align: 'right', count: true },
      ],
      rows: empty
        ? []
        : [
            ...figures.map(row),
            ['ED-2', 'boarding now', 'patients', null, null, boarding.boarders, null, null],
            ['ED-2', 'boarding over 4 h now', 'patients', null, null, boarding.over_4h, null, null],
          ],
      links: empty ? undefined : tableLinks(measureLinks(visits, figures, boarding), figures),
    },
    chart: empty ? undefined : dailyChart(visits, w, timeZone, figures),
    footer: measuresFooter(timeZone, now, w.label),
  };
}

/** Where each count of the table is: a figure's row and column; the boarders now in the last two rows. */
const COLUMN = { counted: 5, of: 6, leftOut: 7 } as const;

/** The measures' sums (measure-links.ts) over the table's cells, and the counts it does not show. */
function tableLinks(links: MeasureLinks, figures: readonly MeasureFigure[]): TableLinks {
  const unshown = [...links.values.keys()].filter(isUnshownCount);
  const rows = new Map<string, number>(figures.map((f, i) => [f.key, i]));
  const ref = (name: string): CellRef => {
    const u = unshown.indexOf(name);
    if (u >= 0) return u;
    if (name === 'boarding:over4h') return [figures.length + 1, COLUMN.counted];
    if (name === 'boarding:now') return [figures.length, COLUMN.counted];
    const [key = '', field = ''] = name.split(':');
    return [rows.get(key) ?? -1, COLUMN[field as keyof typeof COLUMN]];
  };
  const visits = RATE_KEYS.map((k) => ref(`${k}:of`));
  return {
    unpublished: unshown.map((name) => links.values.get(name) ?? 0),
    sums: links.sums.map((x) => ({ parts: x.parts.map(ref), total: ref(x.total) })),
    // Every rate's "of visits" is the visits in the window: the headline.
    headline: visits.filter((c): c is [number, number] => typeof c !== 'number'),
  };
}

/** One day's minutes of one measure, in an array reused day after day. */
interface Minutes {
  minutes: Float64Array;
  count: number;
}

/** The headline medians per local day of arrival (days of 23 or 25 hours included), in one pass. */
function dailyChart(
  visits: readonly MeasureVisit[],
  w: Pick<TimeWindow, 'label' | 'from' | 'to'>,
  timeZone: string,
  figures: readonly MeasureFigure[],
): ReplyChart {
  const dates = localDatesBetween(timeZone, w.from.getTime(), w.to.getTime());
  // Visits come in order of arrival: each day is the run of visits before the next local midnight.
  const ends = dates.map((_, i) => {
    const next = dates[i + 1];
    return next === undefined ? Infinity : atLocal(timeZone, next) / 1000;
  });
  const series = DAILY.map(() => new Array<number | null>(dates.length).fill(null));
  // How many visits each point is the median of.
  const basis = DAILY.map(() => new Array<number>(dates.length).fill(0));
  // One day's minutes per measure, reused day after day; a day holds at most every visit.
  const day: Minutes[] = DAILY.map(() => ({ minutes: new Float64Array(visits.length), count: 0 }));
  let d = 0;
  const close = () => {
    for (const [k, m] of day.entries()) {
      const median = percentileInPlace(m.minutes.subarray(0, m.count), 50);
      const points = series[k];
      if (points && d < points.length) points[d] = median === null ? null : round1(median);
      const counts = basis[k];
      if (counts && d < counts.length) counts[d] = m.count;
      m.count = 0;
    }
  };
  for (const v of visits) {
    while (v.arrived_s >= (ends[d] ?? Infinity)) {
      close();
      d++;
    }
    addHeadlineMinutes(v, day);
  }
  close();
  const chart = linesChart(
    `Daily medians of the headline ED measures (${w.label})`,
    dates,
    DAILY.map((k, i) => ({ label: `${MEASURES[k].name} ${MEASURES[k].label}`, data: series[i] ?? [] })),
    { x: 'day of arrival', y: 'minutes (median)' },
  );
  // A public answer blanks a day's median of 1 to SUMMARY_MIN_CELL-1 visits: a few people's times.
  // Each line is its measure's row: a point drawn says its day had at least SUMMARY_MIN_CELL visits, so the
  // whole line goes when the row's visits are withheld (a one-day window's point is that count).
  const cells = DAILY.map((k) => {
    const row = figures.findIndex((f) => f.key === k);
    return dates.map((): [number, number] | null => (row < 0 ? null : [row, COLUMN.of]));
  });
  return { ...chart, basis, cells };
}

/** Adds a visit's minutes to each DAILY measure it is in (in the order of DAILY). */
function addHeadlineMinutes(v: MeasureVisit, day: Minutes[]): void {
  const [stay, admitted, boarding, provider] = day as [Minutes, Minutes, Minutes, Minutes];
  const s = stratumOfVisit(v);
  if (v.departed_s !== null) {
    if (s === 'discharged' && v.mental_health === 0) stay.minutes[stay.count++] = v.departed_s / 60;
    if (s === 'admitted') {
      admitted.minutes[admitted.count++] = v.departed_s / 60;
      if (v.decided_s !== null) boarding.minutes[boarding.count++] = (v.departed_s - v.decided_s) / 60;
    }
  }
  if (v.provider_s !== null) provider.minutes[provider.count++] = v.provider_s / 60;
}
