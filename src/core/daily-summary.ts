import { barChart } from './charts.ts';
import type { Cell, ReplyBody } from './reply.ts';
import { median, percentChange, percentile, round1 } from './stats.ts';
import { MEASURES } from './ed-measures.ts';
import type { MeasureLinks } from './measure-links.ts';
import type { SummaryFigure } from './summary-figure.ts';
import { summaryMeasureFigures, type SummaryMeasures } from './summary-measures.ts';
import { HOUR_MS, localParts } from './time.ts';
import { CONDITIONS, DECISIONS, SEVERITIES, TRIAGE_LEVELS } from './vocabulary.ts';

/** The figures of one period (a day, or the seven days before it, summed). */
export interface PeriodFigures {
  calls: number;
  dispatches: Record<string, number>;
  /** Call to first unit on scene, minutes, one per dispatch. */
  responseMinutes: number[];
  arrivalsByCondition: Record<string, number>;
  arrivalsByTriage: Record<number, number>;
  treatmentsByType: Record<string, number>;
  dispositions: Record<string, number>;
  /** Arrival instants bucketed per 15 minutes: bucket -> count. */
  arrivalBuckets: Map<number, number>;
  /** ED flow (docs/domain.md): visits arriving in the period that left without being seen. */
  lwbs: number;
  /** Arrival to first treatment, minutes, one per treated visit arriving in the period. */
  doorToTreatment: number[];
  /** 72-hour returns arriving in the period. */
  returns: number;
}

export interface SummaryInput {
  date: string;
  timeZone: string;
  from: number;
  to: number;
  day: PeriodFigures;
  /** The seven local days before, summed; figures are compared with their daily average. */
  baseline: PeriodFigures;
  censusAtMidnight: number;
  /** Census at each of the seven midnights before. */
  baselineCensus: number[];
  /** The standard ED measures of the day (src/core/summary-measures.ts). */
  measures: SummaryMeasures;
}

export type { SummaryFigure };

export interface HourSlot {
  label: string;
  count: number;
}

export interface DailySummary {
  date: string;
  figures: SummaryFigure[];
  hours: HourSlot[];
  busiest: HourSlot | undefined;
  hoursInDay: number;
  windowLabel: string;
  /** How the ED measures' counts hang together, for the public post (summary-measures.ts). */
  measureLinks: MeasureLinks;
}

const BASELINE_DAYS = 7;

export function buildDailySummary(input: SummaryInput): DailySummary {
  const { day, baseline } = input;
  const avg = (n: number) => Math.round((n / BASELINE_DAYS) * 10) / 10;
  const figures: SummaryFigure[] = [];
  const count = (key: string, group: string, label: string, value: number, base: number) =>
    figures.push({ key, group, label, value, average: avg(base), isCount: true });

  count('calls', 'calls', 'emergency calls', day.calls, baseline.calls);
  for (const s of SEVERITIES)
    count(
      `dispatch.${s}`,
      'dispatches',
      `dispatches, ${s} severity`,
      day.dispatches[s] ?? 0,
      baseline.dispatches[s] ?? 0,
    );
  figures.push(
    {
      key: 'response.median',
      group: 'response',
      label: 'response median, min',
      value: round1(median(day.responseMinutes)),
      average: round1(median(baseline.responseMinutes)),
      isCount: false,
    },
    {
      key: 'response.p90',
      group: 'response',
      label: 'response 90th pct, min',
      value: round1(percentile(day.responseMinutes, 90)),
      average: round1(percentile(baseline.responseMinutes, 90)),
      isCount: false,
    },
  );
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  count(
    'arrivals',
    'arrivals',
    'ER arrivals',
    sum(day.arrivalsByCondition),
    sum(baseline.arrivalsByCondition),
  );
  for (const c of CONDITIONS)
    count(
      `arrivals.${c}`,
      'arrivals by condition',
      `arrivals, ${c}`,
      day.arrivalsByCondition[c] ?? 0,
      baseline.arrivalsByCondition[c] ?? 0,
    );
  for (const t of TRIAGE_LEVELS)
    count(
      `triage.${t}`,
      'arrivals by triage',
      `arrivals, ESI ${t}`,
      day.arrivalsByTriage[t] ?? 0,
      baseline.arrivalsByTriage[t] ?? 0,
    );
  const types = [
    ...new Set([...Object.keys(day.treatmentsByType), ...Object.keys(baseline.treatmentsByType)]),
  ].sort();
  count(
    'treatments',
    'treatments',
    'ER treatments',
    sum(day.treatmentsByType),
    sum(baseline.treatmentsByType),
  );
  for (const t of types)
    count(
      `treatment.${t}`,
      'treatments by type',
      `treatments, ${t}`,
      day.treatmentsByType[t] ?? 0,
      baseline.treatmentsByType[t] ?? 0,
    );
  for (const d of DECISIONS)
    count(`disposition.${d}`, 'dispositions', d, day.dispositions[d] ?? 0, baseline.dispositions[d] ?? 0);
  count('lwbs', 'flow', 'left without being seen', day.lwbs, baseline.lwbs);
  // Nearly the same visits as OP-22's count (flow.ts's LWBS): a reader takes it for that count.
  const lwbs = figures.at(-1);
  if (lwbs) lwbs.measureCount = 'lwbs:counted';
  figures.push({
    key: 'door-to-treatment.median',
    group: 'flow',
    label: 'door to treatment median, min',
    value: round1(median(day.doorToTreatment)),
    average: round1(median(baseline.doorToTreatment)),
    isCount: false,
  });
  count('returns', 'flow', '72-hour returns', day.returns, baseline.returns);
  figures.push({
    key: 'census',
    group: 'census',
    label: 'in the ER at midnight',
    value: input.censusAtMidnight,
    average:
      input.baselineCensus.length === 0
        ? null
        : round1(input.baselineCensus.reduce((a, b) => a + b, 0) / input.baselineCensus.length),
    isCount: true,
  });
  figures.push(...summaryMeasureFigures(input.measures));

  const hours = hourSlots(input);
  const busiest = hours.reduce<HourSlot | undefined>(
    (best, h) => (best === undefined || h.count > best.count ? h : best),
    undefined,
  );
  const hoursInDay = Math.round((input.to - input.from) / HOUR_MS);
  return {
    date: input.date,
    figures,
    hours,
    busiest,
    hoursInDay,
    measureLinks: input.measures.links,
    windowLabel: `${input.date} 00:00 to 24:00 ${input.timeZone}${hoursInDay === 24 ? '' : ` (${hoursInDay} hours)`}`,
  };
}

/** Arrivals per local hour of the day; on a fall-back day the repeated hour appears twice. */
function hourSlots(input: SummaryInput): HourSlot[] {
  const slots: HourSlot[] = [];
  const seen = new Set<string>();
  for (let t = input.from; t < input.to; t += HOUR_MS) {
    const h = localParts(input.timeZone, t).hour;
    let label = `${String(h).padStart(2, '0')}:00`;
    if (seen.has(label)) label += ' (2nd)';
    seen.add(label);
    let n = 0;
    for (let b = t / 900_000; b < (t + HOUR_MS) / 900_000; b++) n += input.day.arrivalBuckets.get(b) ?? 0;
    slots.push({ label, count: n });
  }
  return slots;
}

/** How a figure's change reads: "+12%", "-3%", or "" without a baseline. */
export function changeText(f: SummaryFigure): string {
  if (f.value === null) return '';
  const c = percentChange(f.value, f.average);
  return c === null ? '' : `${c > 0 ? '+' : ''}${c}%`;
}

/** The words that mark a post as the summary of a day; the footer starts with them. */
export function summaryMarker(date: string): string {
  return `ER daily summary for ${date}`;
}

/** Names the day and its data window, then cites the headline measure's definition. */
export function summaryFooter(s: DailySummary): string {
  return `${summaryMarker(s.date)} · data ${s.windowLabel} · ${MEASURES.op18b.definition}`;
}

/** The on-demand view (/summary): every figure as it is, for someone allowed to see reports. */
export function summaryReply(s: DailySummary, generatedAt: string): ReplyBody {
  const f = (key: string) => s.figures.find((x) => x.key === key);
  const arrivals = f('arrivals');
  const dispatches = s.figures
    .filter((x) => x.group === 'dispatches')
    .reduce((n, x) => n + (x.value ?? 0), 0);
  const response = f('response.median');
  const census = f('census');
  const parts = [
    `${arrivals?.value ?? 0} ER arrivals${arrivals && changeText(arrivals) ? ` (${changeText(arrivals)} vs 7-day average)` : ''}`,
    `${dispatches} dispatches`,
    response?.value !== null && response?.value !== undefined
      ? `median response ${response.value} min`
      : 'no response times',
    s.busiest && s.busiest.count > 0
      ? `busiest hour ${s.busiest.label} (${s.busiest.count} arrivals)`
      : 'no arrivals',
    `${census?.value ?? 0} in the ER at midnight`,
  ];
  const rows: Cell[][] = s.figures.map((x) => [x.label, x.value, x.average, changeText(x)]);
  return {
    title: `ER daily summary: ${s.date}`,
    summary: `${parts.join('; ')}.`,
    table: {
      columns: [
        { name: 'figure' },
        { name: s.date, align: 'right' },
        { name: '7-day avg', align: 'right' },
        { name: 'change', align: 'right' },
      ],
      rows,
    },
    chart: barChart(
      `ER arrivals per hour, ${s.date}`,
      s.hours.map((h) => h.label),
      [{ label: 'arrivals', data: s.hours.map((h) => h.count) }],
      { x: 'hour (local)', y: 'arrivals' },
    ),
    footer: `${summaryFooter(s)} · generated ${generatedAt}`,
  };
}
