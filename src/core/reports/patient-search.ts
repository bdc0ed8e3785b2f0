import { footer, fullName, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

/** The most patients a search lists: past this, it asks for a narrower term instead. */
export const SEARCH_LIMIT = 25;

/** A patient whose name matched, with `total`: how many matched in all. */
export interface FoundPatient {
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  total: number;
}

/**
 * The patients whose first or last name contains `name`, or who have the full name it names (see
 * core/names.ts): identifiers only (MRN, name, year of birth),
 * and none when more than SEARCH_LIMIT match. Contact details come one patient at a time (lookup).
 */
export function searchReport(
  name: string,
  rows: readonly FoundPatient[],
  timeZone: string,
  now: number,
): ReplyBody {
  const total = rows[0]?.total ?? 0;
  const listed = searchListed(rows);
  return {
    title: `Patients matching "${name}"`,
    summary:
      total === 0
        ? `No patient's first or last name contains "${name}".`
        : total > SEARCH_LIMIT
          ? `${plural(total, 'patient')} match "${name}": more than ${SEARCH_LIMIT}, so none are listed. Use a longer part of the name, or /patient lookup with the MRN.`
          : `${plural(total, 'patient')} found. /patient lookup shows one patient's contact details.`,
    table: {
      columns: [{ name: 'MRN' }, { name: 'name' }, { name: 'born', align: 'right' }],
      rows: listed.map((r) => [r.mrn, fullName(r), r.date_of_birth.getUTCFullYear()]),
    },
    footer: footer(timeZone, now),
  };
}

/** The patients a search reply shows (for the audit trail): none when it asked for a narrower term. */
export function searchListed<T extends { total: number }>(rows: readonly T[]): readonly T[] {
  return (rows[0]?.total ?? 0) <= SEARCH_LIMIT ? rows : [];
}
