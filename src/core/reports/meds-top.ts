import { barChart } from '../charts.ts';
import { footer } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { localDate } from '../time.ts';
import type { TimeWindow } from '../window.ts';

export interface MedicationCount {
  name: string;
  form: string;
  strength: string;
  prescriptions: number;
  patients: number;
}

/** Prescriptions start on a date: a window covers the local dates it touches, first and last inclusive. */
export function windowDates(w: Pick<TimeWindow, 'from' | 'to'>, timeZone: string): [string, string] {
  return [localDate(timeZone, w.from.getTime()), localDate(timeZone, w.to.getTime() - 1)];
}

/** The most-prescribed medications of the window, as a table and a bar chart. */
export function medsTopReport(
  rows: readonly MedicationCount[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const label = (r: MedicationCount) => `${r.name} ${r.strength}`;
  return {
    title: 'Most-prescribed medications',
    summary:
      rows.length === 0
        ? `No prescriptions started ${w.phrase}.`
        : `Top ${rows.length} by prescriptions started ${w.phrase}.`,
    table: {
      columns: [
        { name: 'medication' },
        { name: 'form' },
        { name: 'prescriptions', align: 'right', count: true },
        { name: 'patients', align: 'right', count: true },
      ],
      rows: rows.map((r) => [label(r), r.form, r.prescriptions, r.patients]),
    },
    chart:
      rows.length === 0
        ? undefined
        : {
            ...barChart(
              `Most-prescribed medications (${w.label})`,
              rows.map(label),
              [{ label: 'prescriptions', data: rows.map((r) => r.prescriptions) }],
              { x: 'medication', y: 'prescriptions' },
            ),
            cells: [rows.map((_, r): [number, number] => [r, 2])],
          },
    footer: footer(timeZone, now, w.label),
  };
}
