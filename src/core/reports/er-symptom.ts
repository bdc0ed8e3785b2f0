import { footer, plural, shownOf, when } from '../format.ts';
import type { Reply, ReplyBody } from '../reply.ts';
import type { TimeWindow } from '../window.ts';

/** A patient whose paramedic assessment mentions the term, or a caller who reported it. */
export interface SymptomMatch {
  kind: 'patient' | 'caller';
  patient_id: number | null;
  name: string;
  phone: string | null;
  at: Date;
  matched: string;
  /** Matches before the cap on rows. */
  total: number;
}

/** People linked to a term, newest first as given; names every patient shown (callers are not patients). */
export function symptomReport(
  rows: readonly SymptomMatch[],
  term: string,
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody & Pick<Reply, 'patientIds'> {
  const total = rows[0]?.total ?? 0;
  return {
    title: `People linked to "${term}"`,
    summary:
      total === 0
        ? `No assessment or call mentions "${term}" ${w.phrase}.`
        : `${plural(total, 'match', 'matches')}: patients whose paramedic assessment mentions it and callers reporting it${shownOf(rows.length, total)}.`,
    table: {
      columns: [{ name: 'time' }, { name: 'who' }, { name: 'name' }, { name: 'phone' }, { name: 'matched' }],
      rows: rows.map((r) => [when(timeZone, r.at), r.kind, r.name, r.phone, r.matched]),
      totalRows: total,
    },
    footer: footer(timeZone, now, w.label),
    patientIds: rows.map((r) => r.patient_id).filter((id): id is number => id !== null),
  };
}
