import { barChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { round1 } from '../stats.ts';
import type { TimeWindow } from '../window.ts';

/** How many patients had exactly `assessments` paramedic assessments. */
export interface AssessmentCount {
  assessments: number;
  patients: number;
}

/** Paramedic assessments per patient: the distribution and the average per assessed patient. */
export function assessmentsReport(
  rows: readonly AssessmentCount[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const patients = rows.reduce((n, r) => n + r.patients, 0);
  const total = rows.reduce((n, r) => n + r.assessments * r.patients, 0);
  return {
    title: 'Paramedic assessments per patient',
    summary:
      patients === 0
        ? `No paramedic assessments ${w.phrase}.`
        : `${plural(total, 'assessment')} of ${plural(patients, 'patient')}: ${(total / patients).toFixed(2)} per assessed patient on average.`,
    publicSummary:
      patients === 0
        ? `No paramedic assessments ${w.phrase}.`
        : `{total} patients by how many paramedic assessments they had ${w.phrase}.`,
    table: {
      columns: [
        { name: 'assessments', align: 'right' },
        { name: 'patients', align: 'right', count: true },
        { name: 'share %', align: 'right', derived: 'share' },
      ],
      rows: rows.map((r) => [r.assessments, r.patients, round1((r.patients / patients) * 100)]),
      publicTotal: 'all',
    },
    chart:
      patients === 0
        ? undefined
        : {
            ...barChart(
              `Assessments per patient (${w.label})`,
              rows.map((r) => String(r.assessments)),
              [{ label: 'patients', data: rows.map((r) => r.patients) }],
              { x: 'assessments per patient', y: 'patients' },
            ),
            cells: [rows.map((_, r): [number, number] => [r, 1])],
          },
    footer: footer(timeZone, now, w.label),
  };
}
