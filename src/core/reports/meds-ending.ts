import { footer, fullName, isoDay, plural, shownOf } from '../format.ts';
import { MAX_ROWS, type ReplyBody } from '../reply.ts';

/** An active prescription that ends soon, with its patient. */
export interface EndingPrescription {
  id: number;
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  medication: string;
  form: string;
  strength: string;
  dose: string;
  frequency: string;
  starts_on: Date;
  ends_on: Date;
  total: number;
}

/** Active prescriptions ending from `today` to `lastDay` (local dates), soonest first, by patient. */
export function medsEndingReport(
  rows: readonly EndingPrescription[],
  days: number,
  today: string,
  lastDay: string,
  timeZone: string,
  now: number,
): ReplyBody {
  const total = rows[0]?.total ?? 0;
  return {
    title: `Prescriptions ending within ${plural(days, 'day')}`,
    summary:
      rows.length === 0
        ? `No active prescriptions end from ${today} to ${lastDay}.`
        : `${plural(total, 'active prescription')} ${total === 1 ? 'ends' : 'end'} from ${today} to ${lastDay}${shownOf(rows.length, total)}.`,
    table: {
      columns: [
        { name: 'ends' },
        { name: 'MRN' },
        { name: 'patient' },
        { name: 'medication' },
        { name: 'dose' },
        { name: 'frequency' },
        { name: 'since' },
      ],
      rows: rows
        .slice(0, MAX_ROWS)
        .map((r) => [
          isoDay(r.ends_on),
          r.mrn,
          fullName(r),
          `${r.medication} ${r.strength} ${r.form}`,
          r.dose,
          r.frequency,
          isoDay(r.starts_on),
        ]),
      totalRows: total,
    },
    footer: footer(timeZone, now, `${today} to ${lastDay}`),
  };
}
