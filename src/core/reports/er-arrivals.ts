import { barChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { TRIAGE_LEVELS, type TriageLevel } from '../vocabulary.ts';
import type { TimeWindow } from '../window.ts';

/** Arrivals with one condition on arrival, and how many of them at each triage level. */
export interface ArrivalsRow {
  condition: string | null;
  arrivals: number;
  esi1: number;
  esi2: number;
  esi3: number;
  esi4: number;
  esi5: number;
}

const byEsi = (r: ArrivalsRow, level: TriageLevel) => r[`esi${level}`];

/** ER arrivals by condition on arrival and triage level, with a total row when there is more than one. */
export function arrivalsReport(
  rows: readonly ArrivalsRow[],
  window: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const total = rows.reduce((n, r) => n + r.arrivals, 0);
  const esi = TRIAGE_LEVELS;
  return {
    title: 'ER arrivals by condition on arrival',
    summary:
      total === 0 ? `No ER arrivals ${window.phrase}.` : `${plural(total, 'arrival')} ${window.phrase}.`,
    publicSummary:
      total === 0
        ? `No ER arrivals ${window.phrase}.`
        : `{total} ER arrivals ${window.phrase}, by condition on arrival and triage level.`,
    table: {
      columns: [
        { name: 'condition' },
        { name: 'arrivals', align: 'right', count: true, total: true },
        ...esi.map((l) => ({ name: `ESI ${l}`, align: 'right' as const, count: true })),
      ],
      rows: [
        ...rows.map((r) => [r.condition, r.arrivals, ...esi.map((l) => byEsi(r, l))]),
        ...(rows.length > 1
          ? [['total', total, ...esi.map((l) => rows.reduce((n, r) => n + byEsi(r, l), 0))]]
          : []),
      ],
      totalRow: rows.length > 1,
    },
    chart:
      total === 0
        ? undefined
        : {
            ...barChart(
              `ER arrivals by condition and triage level (${window.label})`,
              rows.map((r) => r.condition ?? 'not recorded'),
              esi.map((l) => ({ label: `ESI ${l}`, data: rows.map((r) => byEsi(r, l)) })),
              { x: 'condition on arrival', y: 'arrivals' },
              true,
            ),
            cells: esi.map((_, e) => rows.map((_, r): [number, number] => [r, 2 + e])),
          },
    footer: footer(timeZone, now, window.label),
  };
}
