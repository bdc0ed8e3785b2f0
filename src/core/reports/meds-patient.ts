import { footer, fullName, isoDay, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

export interface ActivePrescription {
  name: string;
  form: string;
  strength: string;
  dose: string;
  frequency: string;
  starts_on: Date;
  ends_on: Date | null;
  prescriber: string | null;
}

/** A patient's prescriptions active on `today` (a local date, YYYY-MM-DD). */
export function medsPatientReport(
  p: { mrn: string; first_name: string; last_name: string },
  rows: readonly ActivePrescription[],
  today: string,
  timeZone: string,
  now: number,
): ReplyBody {
  return {
    title: `Active prescriptions of ${fullName(p)} (${p.mrn})`,
    summary:
      rows.length === 0 ? 'No active prescriptions.' : `${plural(rows.length, 'active prescription')}.`,
    table: {
      columns: [
        { name: 'medication', clinical: true },
        { name: 'dose', clinical: true },
        { name: 'frequency', clinical: true },
        { name: 'since' },
        { name: 'until' },
        { name: 'prescriber' },
      ],
      rows: rows.map((r) => [
        [r.name, r.strength, r.form].filter(Boolean).join(' '),
        r.dose,
        r.frequency,
        isoDay(r.starts_on),
        r.ends_on ? isoDay(r.ends_on) : 'ongoing',
        r.prescriber,
      ]),
    },
    footer: footer(timeZone, now, `active on ${today}`),
  };
}
