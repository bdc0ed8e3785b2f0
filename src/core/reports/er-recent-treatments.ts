import { footer, fullName, plural, shownOf, when } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import type { TimeWindow } from '../window.ts';

/** A patient's most recent treatment in the window; `total` counts every such patient, before the cap. */
export interface LatestTreatment {
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  type: string;
  performed_at: Date;
  outcome: string;
  total: number;
}

/** Each patient's most recent ER treatment; names every patient shown. */
export function recentTreatmentsReport(
  rows: readonly LatestTreatment[],
  window: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody & { patientIds: number[] } {
  const total = rows[0]?.total ?? 0;
  return {
    title: 'Most recent treatment of each patient',
    summary:
      total === 0
        ? `No ER treatments ${window.phrase}.`
        : `${plural(total, 'patient')} treated ${window.phrase}${shownOf(rows.length, total)}.`,
    table: {
      columns: [
        { name: 'time' },
        { name: 'MRN' },
        { name: 'patient' },
        { name: 'treatment' },
        { name: 'outcome' },
      ],
      rows: rows.map((r) => [when(timeZone, r.performed_at), r.mrn, fullName(r), r.type, r.outcome]),
      totalRows: total,
    },
    footer: footer(timeZone, now, window.label),
    patientIds: rows.map((r) => r.patient_id),
  };
}
