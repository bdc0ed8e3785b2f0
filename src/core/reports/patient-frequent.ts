import { footer, fullName, plural, shownOf } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import type { TimeWindow } from '../window.ts';

/**
 * A patient treated more often than average. Every row repeats the window's figures: `average` treatments
 * per treated patient, `treated` patients, and `total` patients above the average (before the cap).
 */
export interface FrequentPatient {
  mrn: string;
  first_name: string;
  last_name: string;
  treatments: number;
  average: number;
  treated: number;
  total: number;
}

export function frequentReport(
  rows: readonly FrequentPatient[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const first = rows[0];
  return {
    title: 'Patients treated more often than average',
    summary: first
      ? `${plural(first.total, 'patient')} had more than the average of ${first.average.toFixed(2)} ER treatments per treated patient (${plural(first.treated, 'patient')} treated)${shownOf(rows.length, first.total)}.`
      : `No patient had more ER treatments than average ${w.phrase}.`,
    table: {
      columns: [{ name: 'MRN' }, { name: 'name' }, { name: 'treatments', align: 'right' }],
      rows: rows.map((r) => [r.mrn, fullName(r), r.treatments]),
      totalRows: first?.total ?? 0,
    },
    footer: footer(timeZone, now, w.label),
  };
}
