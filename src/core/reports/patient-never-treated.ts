import { footer, fullName, plural, shownOf, when } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import type { TimeWindow } from '../window.ts';

/** A patient seen in the window who never had the treatment type; `total` counts them before the cap. */
export interface UntreatedPatient {
  mrn: string;
  first_name: string;
  last_name: string;
  visits: number;
  last_arrival: Date;
  total: number;
}

export function neverTreatedReport(
  type: string,
  rows: readonly UntreatedPatient[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const total = rows[0]?.total ?? 0;
  return {
    title: `ER patients never given ${type}`,
    summary:
      rows.length === 0
        ? `Every patient seen in the ER ${w.phrase} has had ${type} at some time, or nobody was seen.`
        : `${plural(total, 'patient')} seen in the ER ${w.phrase} never received ${type}${shownOf(rows.length, total)}.`,
    table: {
      columns: [
        { name: 'MRN' },
        { name: 'name' },
        { name: 'visits', align: 'right' },
        { name: 'last arrival' },
      ],
      rows: rows.map((r) => [r.mrn, fullName(r), r.visits, when(timeZone, r.last_arrival)]),
      totalRows: total,
    },
    footer: footer(timeZone, now, w.label),
  };
}
