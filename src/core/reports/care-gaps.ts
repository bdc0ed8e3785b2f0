import { footer, fullName, plural, shownOf, when } from '../format.ts';
import { MAX_ROWS, type ReplyBody } from '../reply.ts';
import type { TimeWindow } from '../window.ts';

/** A discharged visit with no follow-up within its 7 days, and how to reach the patient. */
export interface CareGap {
  visit_id: number;
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  arrived_at: Date;
  departed_at: Date;
  reason: string;
  condition: string | null;
  total: number;
}

/** Patients to call: discharged without a clinic appointment within 7 days, oldest first. */
export function gapsReport(
  gaps: readonly CareGap[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const total = gaps[0]?.total ?? 0;
  const days = (g: CareGap) => Math.floor((now - g.departed_at.getTime()) / 86_400_000);
  return {
    title: 'Care gaps: discharged without follow-up',
    summary:
      gaps.length === 0
        ? `No care gaps: every ER discharge of a visit that arrived ${w.phrase} had a follow-up within 7 days, or its 7 days are not over.`
        : `${plural(total, 'discharge')} ${w.phrase} with no clinic appointment within 7 days, oldest first${shownOf(gaps.length, total)}.`,
    table: {
      columns: [
        { name: 'MRN' },
        { name: 'patient' },
        { name: 'phone' },
        { name: 'discharged' },
        { name: 'days ago', align: 'right' },
        { name: 'reason' },
        { name: 'condition' },
      ],
      rows: gaps
        .slice(0, MAX_ROWS)
        .map((g) => [
          g.mrn,
          fullName(g),
          g.phone ?? 'no phone on file',
          when(timeZone, g.departed_at),
          days(g),
          g.reason,
          g.condition,
        ]),
      totalRows: total,
    },
    footer: footer(timeZone, now, w.label),
  };
}
