import { barChart } from '../charts.ts';
import { FOLLOW_UP_WITHIN_MS } from '../flow.ts';
import { footer, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import { round1 } from '../stats.ts';
import { CONDITIONS } from '../vocabulary.ts';
import type { TimeWindow } from '../window.ts';

/** A discharged ER visit and its first follow-up appointment within 7 days, if any. */
export interface DischargeFollowUp {
  visit_id: number;
  patient_id: number;
  condition: string | null;
  departed_at: Date;
  follow_up_at: Date | null;
  follow_up_department: string | null;
}

type State = 'followed' | 'gap' | 'pending';

/** Followed up; a gap once its 7 days have passed without; pending while they have not. */
export function followUpState(v: DischargeFollowUp, now: number): State {
  if (v.follow_up_at) return 'followed';
  return v.departed_at.getTime() + FOLLOW_UP_WITHIN_MS <= now ? 'gap' : 'pending';
}

const pct = (n: number, of: number) => (of === 0 ? null : round1((100 * n) / of));

/**
 * Of the ER discharges that arrived in the window, how many had a clinic appointment within 7 days of
 * leaving: by condition on arrival, and the follow-ups by the appointment's department. The rate leaves
 * out discharges whose 7 days are still running without one.
 */
export function followUpReport(
  visits: readonly DischargeFollowUp[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const count = (vs: readonly DischargeFollowUp[], s: State) =>
    vs.filter((v) => followUpState(v, now) === s).length;
  const line = (label: string, vs: readonly DischargeFollowUp[]): Cell[] => {
    const followed = count(vs, 'followed');
    const gaps = count(vs, 'gap');
    return [label, vs.length, followed, gaps, count(vs, 'pending'), pct(followed, followed + gaps)];
  };
  const followed = visits.filter((v) => v.follow_up_department !== null);
  const departments = [...new Set(followed.map((v) => v.follow_up_department ?? ''))].sort();
  const byDepartment = departments.map((d) => followed.filter((v) => v.follow_up_department === d).length);
  const unrecorded = visits.filter((v) => v.condition === null);
  const conditionRows =
    visits.length === 0
      ? []
      : [
          ...CONDITIONS.map((c) => [c, visits.filter((v) => v.condition === c)] as const)
            .filter(([, vs]) => vs.length > 0)
            .map(([c, vs]) => line(`condition: ${c}`, vs)),
          // Visits from a feed that records no condition, so that the conditions add up to `all`.
          ...(unrecorded.length > 0 ? [line('condition: not recorded', unrecorded)] : []),
        ];
  const rows: Cell[][] =
    visits.length === 0
      ? []
      : [
          ...conditionRows,
          ...departments.map((d, i) => [`clinic: ${d}`, null, byDepartment[i] ?? 0, null, null, null]),
          line('all', visits),
        ];
  const all = line('all', visits);
  return {
    title: 'Follow-up after ER discharge',
    summary:
      visits.length === 0
        ? `No ER discharges of visits that arrived ${w.phrase}.`
        : `${plural(visits.length, 'discharge')} of visits that arrived ${w.phrase}: ${all[2]} followed up within 7 days, ${all[3]} without (care gaps), ${all[4]} still within their 7 days; ${all[5] ?? '–'}% followed up. Clinic rows count follow-ups by the appointment's department.`,
    publicSummary:
      visits.length === 0
        ? `No ER discharges of visits that arrived ${w.phrase}.`
        : `{total} ER discharges of visits that arrived ${w.phrase}: followed up within 7 days, care gaps and still pending, by condition; clinic rows count follow-ups by the appointment's department.`,
    table: {
      columns: [
        { name: 'group' },
        { name: 'discharges', align: 'right', count: true, total: true },
        { name: 'followed up', align: 'right', count: true },
        { name: 'gaps', align: 'right', count: true },
        { name: 'pending', align: 'right', count: true },
        { name: 'followed %', align: 'right', derived: 'row', of: ['followed up', 'gaps'] },
      ],
      rows,
      // Conditions add up to `all`, and so do the clinics' follow-ups.
      totalRow: rows.length > 0,
      sections: [conditionRows.length, departments.length],
    },
    chart:
      followed.length === 0
        ? undefined
        : {
            ...barChart(
              `Follow-ups within 7 days of ER discharge, by clinic (${w.label})`,
              departments,
              [{ label: 'follow-ups', data: byDepartment }],
              { x: 'clinic department', y: 'patients seen within 7 days' },
            ),
            cells: [departments.map((_, i): [number, number] => [conditionRows.length + i, 2])],
          },
    footer: footer(timeZone, now, w.label),
  };
}
