import type { SummaryFigure } from './summary-figure.ts';
import type { MeasureFigure } from './ed-measures.ts';
import type { MeasureLinks } from './measure-links.ts';
import { isSmallCount, protect, type CellState } from './suppression.ts';

/** What the ER daily summary shows of the standard ED measures (docs/domain.md, section 4). */
export interface SummaryMeasures {
  /** The day's measures, and the seven days' before it. */
  day: MeasureFigure[];
  baseline: MeasureFigure[];
  /** Admitted patients boarding at the midnight that ends the day, and those over 4 hours. */
  boarding: { boarders: number; over_4h: number };
  /** ER arrivals on the same weekday a week before. */
  arrivalsLastWeek: number;
  /** How the day's counts hang together (measure-links.ts), for the public post's small-cell protection. */
  links: MeasureLinks;
}

export const MEASURES_GROUP = 'measures';

/** Visits that left against advice or eloped, counted apart by the dispositions lines (measure-links.ts). */
const LEFT_BEFORE_COMPLETE_COUNT = '~left against advice or eloped';

/** The measures' count of the day's visits: a rate of the arrivals shown gives its count from it. */
const VISITS = 'lwbs:of';

/**
 * The summary's lines of the ED measures: boarders at midnight and over 4 h, door to provider (median and
 * p90), OP-18b, LWBS, LBTC and ECAT, each against the same measure over the seven days before; and
 * arrivals on the same weekday a week before. Each line names the measures' count it gives away (a rate's
 * with the arrivals) or the visits its median describes, so a public post can protect them.
 */
export function summaryMeasureFigures(m: SummaryMeasures): SummaryFigure[] {
  const find = (list: MeasureFigure[], key: string) => list.find((f) => f.key === key);
  const measure = (key: string, label: string, pick: 'value' | 'p90' = 'value'): SummaryFigure => {
    const day = find(m.day, key);
    const rate = day?.kind === 'percent';
    return {
      key: `measure.${key}${pick === 'p90' ? '.p90' : ''}`,
      group: MEASURES_GROUP,
      label,
      value: day?.[pick] ?? null,
      average: find(m.baseline, key)?.[pick] ?? null,
      isCount: false,
      ...(rate ? { measureCount: `${key}:counted` } : { describes: `${key}:of` }),
      baselineBasis: rate ? null : (find(m.baseline, key)?.denominator ?? 0),
    };
  };
  const count = (key: string, label: string, value: number, measureCount?: string): SummaryFigure => ({
    key,
    group: MEASURES_GROUP,
    label,
    value,
    average: null,
    isCount: true,
    ...(measureCount ? { measureCount } : {}),
  });
  return [
    count('boarding.now', 'boarding at midnight (admitted)', m.boarding.boarders, 'boarding:now'),
    count('boarding.over-4h', 'boarding over 4 h at midnight', m.boarding.over_4h, 'boarding:over4h'),
    measure('doorToProvider', 'door to provider median, min'),
    measure('doorToProvider', 'door to provider 90th pct, min', 'p90'),
    measure('op18b', 'OP-18b median stay, discharged, min'),
    measure('lwbs', 'OP-22 left without being seen, %'),
    measure('lbtc', 'left before treatment complete, %'),
    measure('ecat', 'ECAT (ED access composite), %'),
    count('arrivals.last-week', 'ER arrivals, same weekday last week', m.arrivalsLastWeek),
  ];
}

/**
 * How the public post shows each line tied to the ED measures (by figure key: the measures' lines and the
 * flow lines' LWBS count): one small-cell protection over the measures' sums (measure-links.ts), in which
 * the counts the lines give away are published and every other count is not. A rate gives its count away only with the day's arrivals shown (else it is withheld: a percentage of
 * a few visits); a median of 1 to t-1 visits is withheld (a few people's times).
 */
export function measureLineStates(
  figures: readonly SummaryFigure[],
  links: MeasureLinks,
  arrivalsShown: boolean,
  threshold: number,
): Map<string, CellState> {
  const names = [...links.values.keys()];
  const at = new Map(names.map((n, i) => [n, i]));
  // The dispositions lines count the decisions to leave against advice and to elope (by decision time, not
  // arrival, yet nearly the same visits): a reader takes them for LBTC less LWBS.
  const published = new Set<string>([LEFT_BEFORE_COMPLETE_COUNT, ...(arrivalsShown ? [VISITS] : [])]);
  for (const f of figures) if (f.measureCount && (f.isCount || arrivalsShown)) published.add(f.measureCount);
  // A median shown says its visits are not 1 to t-1: taken as published exactly, the safe side.
  for (const f of figures) if (f.describes) published.add(f.describes);
  const states = protect(
    names.map((n) => links.values.get(n) ?? 0),
    links.sums.map((s) => ({ parts: s.parts.map((p) => at.get(p) ?? -1), total: at.get(s.total) ?? -1 })),
    threshold,
    // The arrivals are shown elsewhere in the post: hidden here only when nothing else protects.
    (i) => (names[i] === VISITS ? 1 : 0),
    { unpublished: names.flatMap((n, i) => (published.has(n) ? [] : [i])) },
  );
  const stateOf = (name: string): CellState => states[at.get(name) ?? -1] ?? 'hidden';
  const ratesShown = arrivalsShown && stateOf(VISITS) === 'shown';
  const result = new Map<string, CellState>();
  for (const f of figures) {
    if (f.describes !== undefined) result.set(f.key, stateOf(f.describes) === 'shown' ? 'shown' : 'hidden');
    else if (f.measureCount === undefined) continue;
    else if (!f.isCount)
      result.set(f.key, ratesShown && stateOf(f.measureCount) === 'shown' ? 'shown' : 'hidden');
    else {
      // A count of its own (the flow lines' LWBS): "<t" only when it is small itself, else as the measures'.
      const st = stateOf(f.measureCount);
      const own = isSmallCount(f.value ?? 0, threshold);
      result.set(f.key, st === 'shown' && own ? 'small' : st === 'small' && !own ? 'hidden' : st);
    }
  }
  return result;
}
