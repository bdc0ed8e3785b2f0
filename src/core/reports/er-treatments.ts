import { barChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { round1 } from '../stats.ts';
import type { TimeWindow } from '../window.ts';

/** How many treatments of a type, most frequent first. */
export interface TreatmentTypeCount {
  type: string;
  n: number;
}

/** ER treatment types ranked by frequency, with each type's share. */
export function treatmentsReport(
  rows: readonly TreatmentTypeCount[],
  window: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const total = rows.reduce((n, r) => n + r.n, 0);
  return {
    title: 'ER treatments by type',
    summary:
      total === 0
        ? `No ER treatments ${window.phrase}.`
        : `${plural(total, 'treatment')} ${window.phrase}; most common: ${rows[0]?.type}.`,
    publicSummary:
      total === 0 ? `No ER treatments ${window.phrase}.` : `{total} ER treatments ${window.phrase}, by type.`,
    table: {
      columns: [
        { name: 'type' },
        { name: 'treatments', align: 'right', count: true },
        { name: 'share %', align: 'right', derived: 'share' },
      ],
      rows: rows.map((r) => [r.type, r.n, round1((r.n / total) * 100)]),
      publicTotal: 'all',
    },
    chart:
      total === 0
        ? undefined
        : {
            ...barChart(
              `ER treatments by type (${window.label})`,
              rows.map((r) => r.type),
              [{ label: 'treatments', data: rows.map((r) => r.n) }],
              { x: 'treatment type', y: 'treatments' },
            ),
            cells: [rows.map((_, r): [number, number] => [r, 1])],
          },
    footer: footer(timeZone, now, window.label),
  };
}
