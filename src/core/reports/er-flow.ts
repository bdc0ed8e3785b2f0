import { linesChart } from '../charts.ts';
import { flowMeasures, type FlowMeasures, type FlowVisit } from '../flow.ts';
import { footer, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import { median, percentile, round1 } from '../stats.ts';
import { localDate, localDatesBetween } from '../time.ts';
import { ARRIVAL_MODES, CONDITIONS, TRIAGE_LEVELS } from '../vocabulary.ts';
import type { TimeWindow } from '../window.ts';

export type { FlowVisit };

export const FLOW_GROUPINGS = ['triage', 'arrival_mode', 'condition'] as const;
export type FlowGrouping = (typeof FLOW_GROUPINGS)[number];

const GROUP_PHRASES: Record<FlowGrouping, string> = {
  triage: 'triage level',
  arrival_mode: 'arrival mode',
  condition: 'condition on arrival',
};

const GROUPS: Record<FlowGrouping, { label: string; keys: readonly (string | number)[] }> = {
  triage: { label: 'triage', keys: TRIAGE_LEVELS },
  arrival_mode: { label: 'arrival', keys: ARRIVAL_MODES },
  condition: { label: 'condition', keys: CONDITIONS },
};

const keyOf = (v: FlowVisit, by: FlowGrouping): string | number | null =>
  by === 'triage' ? v.triage_level : by === 'arrival_mode' ? v.arrival_mode : v.condition;

const notRecorded = (vs: readonly FlowVisit[]) =>
  vs.length === 0 ? [] : [row('not recorded', flowMeasures(vs))];

const m1 = (xs: number[]) => round1(median(xs));
const p1 = (xs: number[]) => round1(percentile(xs, 90));
const hours = (xs: number[]) => xs.map((x) => x / 60);
const ratePct = (n: number, of: number) => (of === 0 ? null : round1((100 * n) / of));

function row(label: string, m: FlowMeasures): Cell[] {
  return [
    label,
    m.visits,
    m.lwbs,
    ratePct(m.lwbs, m.visits),
    m1(m.doorToTreatment),
    p1(m.doorToTreatment),
    m1(hours(m.stayDischarged)),
    p1(hours(m.stayDischarged)),
    m1(hours(m.stayAdmitted)),
    p1(hours(m.stayAdmitted)),
    m1(hours(m.boarding)),
    p1(hours(m.boarding)),
  ];
}

/**
 * ED throughput over the visits that arrived in the window: door to first treatment (minutes), arrival to
 * departure for discharged and for admitted/transferred patients, decision to departure (boarding) for the
 * latter (hours), each as median and 90th percentile; LWBS count and rate; by triage, arrival mode or
 * condition, and a chart of the daily medians.
 */
export function flowReport(
  visits: readonly FlowVisit[],
  by: FlowGrouping,
  w: Pick<TimeWindow, 'label' | 'phrase' | 'from' | 'to'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const group = GROUPS[by];
  const all = flowMeasures(visits);
  const rows =
    visits.length === 0
      ? []
      : [
          ...group.keys
            .map((k) => [k, visits.filter((v) => keyOf(v, by) === k)] as const)
            .filter(([, vs]) => vs.length > 0)
            .map(([k, vs]) => row(by === 'triage' ? `ESI ${k}` : String(k), flowMeasures(vs))),
          // Visits from a feed that records no triage level, arrival mode or condition (ADT, FHIR).
          ...notRecorded(visits.filter((v) => keyOf(v, by) === null)),
          row('all', all),
        ];
  return {
    title: 'ED flow',
    summary:
      visits.length === 0
        ? `No ER visits arrived ${w.phrase}.`
        : [
            `${plural(all.visits, 'visit')} arrived ${w.phrase}.`,
            `Door to first treatment: median ${m1(all.doorToTreatment) ?? '–'} min, 90th percentile ${p1(all.doorToTreatment) ?? '–'} min (${plural(all.untreated, 'visit')} without a treatment left out).`,
            `Left without being seen: ${all.lwbs} (${ratePct(all.lwbs, all.visits)}%).`,
            `Stay, discharged: median ${m1(hours(all.stayDischarged)) ?? '–'} h; admitted or transferred: median ${m1(hours(all.stayAdmitted)) ?? '–'} h; boarding (decision to departure): median ${m1(hours(all.boarding)) ?? '–'} h.`,
          ].join(' '),
    publicSummary:
      visits.length === 0
        ? `No ER visits arrived ${w.phrase}.`
        : `{total} ER visits arrived ${w.phrase}: left without being seen, door to first treatment, stays and boarding, by ${GROUP_PHRASES[by]}.`,
    table: {
      columns: [
        { name: group.label },
        { name: 'visits', align: 'right', count: true },
        { name: 'LWBS', align: 'right', count: true },
        { name: 'LWBS %', align: 'right', derived: 'row', of: ['visits', 'LWBS'] },
        ...[
          'to treatment med min',
          'to treatment p90 min',
          'stay discharged med h',
          'stay discharged p90 h',
          'stay admitted med h',
          'stay admitted p90 h',
          'boarding med h',
          'boarding p90 h',
        ].map((name) => ({ name, align: 'right' as const, derived: 'row' as const, of: ['visits'] })),
      ],
      rows,
      // The last row is `all`.
      totalRow: rows.length > 0,
    },
    chart: visits.length === 0 ? undefined : dailyChart(visits, w, timeZone),
    footer: footer(timeZone, now, w.label),
  };
}

/** Daily medians, in hours, by the local date of arrival. */
function dailyChart(
  visits: readonly FlowVisit[],
  w: Pick<TimeWindow, 'label' | 'from' | 'to'>,
  timeZone: string,
) {
  const dates = localDatesBetween(timeZone, w.from.getTime(), w.to.getTime());
  const byDate = new Map<string, FlowVisit[]>(dates.map((d) => [d, []]));
  for (const v of visits) byDate.get(localDate(timeZone, v.arrived_at.getTime()))?.push(v);
  const measures = dates.map((d) => flowMeasures(byDate.get(d) ?? []));
  const lines: [string, (m: FlowMeasures) => number[]][] = [
    ['door to first treatment', (m) => m.doorToTreatment],
    ['stay, discharged', (m) => m.stayDischarged],
    ['stay, admitted or transferred', (m) => m.stayAdmitted],
    ['boarding', (m) => m.boarding],
  ];
  return {
    ...linesChart(
      `Daily medians of ED flow (${w.label})`,
      dates,
      lines.map(([label, pick]) => ({ label, data: measures.map((m) => m1(hours(pick(m)))) })),
      { x: 'day of arrival', y: 'hours (median)' },
    ),
    // A day's median of a few visits is theirs: a public answer leaves it blank.
    basis: lines.map(([, pick]) => measures.map((m) => pick(m).length)),
  };
}
