import type { SummaryFigure } from './summary-figure.ts';
import type { MeasureFigure } from './ed-measures.ts';

/** What the ER daily summary shows of the standard ED measures (docs/domain.md, section 4). */
export interface SummaryMeasures {
  /** The day's measures, and the seven days' before it. */
  day: MeasureFigure[];
  baseline: MeasureFigure[];
  /** Admitted patients boarding at the midnight that ends the day, and those over 4 hours. */
  boarding: { boarders: number; over_4h: number };
  /** ER arrivals on the same weekday a week before. */
  arrivalsLastWeek: number;
}

export const MEASURES_GROUP = 'measures';

/**
 * The summary's lines of the ED measures: boarders at midnight and over 4 h, door to provider (median and
 * p90), OP-18b, LWBS, LBTC and ECAT, each against the same measure over the seven days before; and
 * arrivals on the same weekday a week before. A rate carries its numerator, so a public post can withhold
 * a rate whose count it would give away.
 */
export function summaryMeasureFigures(m: SummaryMeasures): SummaryFigure[] {
  const find = (list: MeasureFigure[], key: string) => list.find((f) => f.key === key);
  const measure = (key: string, label: string, pick: 'value' | 'p90' = 'value'): SummaryFigure => {
    const day = find(m.day, key);
    return {
      key: `measure.${key}${pick === 'p90' ? '.p90' : ''}`,
      group: MEASURES_GROUP,
      label,
      value: day?.[pick] ?? null,
      average: find(m.baseline, key)?.[pick] ?? null,
      isCount: false,
      ...(day?.meeting !== null && day?.meeting !== undefined ? { numerator: day.meeting } : {}),
    };
  };
  const count = (key: string, label: string, value: number): SummaryFigure => ({
    key,
    group: MEASURES_GROUP,
    label,
    value,
    average: null,
    isCount: true,
  });
  return [
    count('boarding.now', 'boarding at midnight (admitted)', m.boarding.boarders),
    count('boarding.over-4h', 'boarding over 4 h at midnight', m.boarding.over_4h),
    measure('doorToProvider', 'door to provider median, min'),
    measure('doorToProvider', 'door to provider 90th pct, min', 'p90'),
    measure('op18b', 'OP-18b median stay, discharged, min'),
    measure('lwbs', 'OP-22 left without being seen, %'),
    measure('lbtc', 'left before treatment complete, %'),
    measure('ecat', 'ECAT (ED access composite), %'),
    count('arrivals.last-week', 'ER arrivals, same weekday last week', m.arrivalsLastWeek),
  ];
}
