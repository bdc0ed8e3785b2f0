import { footer, fullName, isoDay, plural, shownOf } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

/** A patient whose name matched, with `total`: how many matched before the cap. */
export interface FoundPatient {
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  phone: string | null;
  contact: string | null;
  total: number;
}

/** The patients whose first or last name contains `name`, with their contact details. */
export function searchReport(
  name: string,
  rows: readonly FoundPatient[],
  timeZone: string,
  now: number,
): ReplyBody {
  const total = rows[0]?.total ?? 0;
  return {
    title: `Patients matching "${name}"`,
    summary:
      rows.length === 0
        ? `No patient's first or last name contains "${name}".`
        : `${plural(total, 'patient')} found${shownOf(rows.length, total)}.`,
    table: {
      columns: [
        { name: 'MRN' },
        { name: 'name' },
        { name: 'born' },
        { name: 'phone' },
        { name: 'emergency contact' },
      ],
      rows: rows.map((r) => [r.mrn, fullName(r), isoDay(r.date_of_birth), r.phone, r.contact]),
      totalRows: total,
    },
    footer: footer(timeZone, now),
  };
}
