import { footer, fullName, plural, when } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import type { TreatmentType } from '../vocabulary.ts';

/** One treatment of the type, earliest first. */
export interface EarliestTreatment {
  _id: number;
  patientId: number;
  performedAt: Date;
  outcome: string;
}

export interface PatientName {
  mrn: string;
  first_name: string;
  last_name: string;
}

/** The earliest recorded treatments of a type, with the patient of each; names every patient shown. */
export function earliestTreatmentsReport(
  type: TreatmentType,
  treatments: readonly EarliestTreatment[],
  names: ReadonlyMap<number, PatientName>,
  timeZone: string,
  now: number,
): ReplyBody & { patientIds: number[] } {
  return {
    title: `Earliest ${type} treatments`,
    summary:
      treatments.length === 0
        ? `No ${type} treatment on record.`
        : `The first ${plural(treatments.length, 'treatment')} of type ${type} on record.`,
    table: {
      columns: [
        { name: 'time' },
        { name: 'MRN' },
        { name: 'patient' },
        { name: 'outcome' },
        { name: 'treatment', align: 'right' },
      ],
      rows: treatments.map((t) => {
        const p = names.get(t.patientId);
        return [
          when(timeZone, t.performedAt),
          p?.mrn ?? '-',
          p ? fullName(p) : `patient ${t.patientId}`,
          t.outcome,
          t._id,
        ];
      }),
    },
    footer: footer(timeZone, now, 'all time'),
    patientIds: treatments.map((t) => t.patientId),
  };
}
