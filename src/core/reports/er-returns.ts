import { barChart } from '../charts.ts';
import { LWBS_LABEL } from '../flow.ts';
import { footer, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import { round1 } from '../stats.ts';
import { CONDITIONS } from '../vocabulary.ts';
import type { TimeWindow } from '../window.ts';

/** A 72-hour return (docs/domain.md) and the visit it came back after. */
export interface ReturnVisit {
  return_id: number;
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  first_id: number;
  first_arrived_at: Date;
  first_departed_at: Date;
  first_condition: string | null;
  first_reason: string;
  /** `Discharge`, or LWBS_LABEL. */
  first_decision: string;
  return_arrived_at: Date;
  return_condition: string | null;
  return_reason: string;
  return_triage: number | null;
}

/** Visits that could lead to a return (discharged or unseen) that departed in the window. */
export interface ReturnCandidateCount {
  condition: string | null;
  decision: string;
  n: number;
}

const ENDINGS = ['Discharge', LWBS_LABEL] as const;
const pct = (n: number, of: number) => (of === 0 ? null : round1((100 * n) / of));

/**
 * 72-hour returns arriving in the window, by the first visit's condition and how it ended. The rate is per
 * discharged or unseen visit that departed in the window (returns belong to the window by their arrival).
 */
export function returnsReport(
  returns: readonly Pick<ReturnVisit, 'first_condition' | 'first_decision'>[],
  candidates: readonly ReturnCandidateCount[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const returned = (f: (r: Pick<ReturnVisit, 'first_condition' | 'first_decision'>) => boolean) =>
    returns.filter(f).length;
  const left = (f: (c: ReturnCandidateCount) => boolean) => candidates.filter(f).reduce((n, c) => n + c.n, 0);
  const totalLeft = left(() => true);
  const rows: Cell[][] = [];
  if (returns.length > 0 || totalLeft > 0) {
    for (const c of CONDITIONS) {
      const n = returned((r) => r.first_condition === c);
      const of = left((x) => x.condition === c);
      if (n > 0 || of > 0) rows.push([`condition: ${c}`, n, of, pct(n, of)]);
    }
    for (const d of ENDINGS) {
      const n = returned((r) => r.first_decision === d);
      const of = left((x) => x.decision === d);
      rows.push([`first visit: ${d}`, n, of, pct(n, of)]);
    }
    rows.push(['all', returns.length, totalLeft, pct(returns.length, totalLeft)]);
  }
  const conditions = CONDITIONS.filter((c) => returns.some((r) => r.first_condition === c));
  // The public answer's table: returns by condition and ending of the visit before, as the chart stacks them.
  const crossRow = (label: string, of: (r: (typeof returns)[number]) => boolean): Cell[] => {
    const n = ENDINGS.map((d) => returned((r) => of(r) && r.first_decision === d));
    return [label, ...n, n.reduce((a, b) => a + b, 0)];
  };
  const unrecorded = returns.some((r) => r.first_condition === null);
  const cross: Cell[][] = [
    ...conditions.map((c) => crossRow(c, (r) => r.first_condition === c)),
    ...(unrecorded ? [crossRow('not recorded', (r) => r.first_condition === null)] : []),
    crossRow('all', () => true),
  ];
  return {
    title: '72-hour returns',
    summary:
      returns.length === 0 && totalLeft === 0
        ? `No discharges and no 72-hour returns ${w.phrase}.`
        : `${plural(returns.length, 'return visit')} within 72 hours ${w.phrase}; ${plural(totalLeft, 'patient')} discharged or left unseen in that time, a rate of ${pct(returns.length, totalLeft) ?? '–'}%. Returns count by their own arrival and by the condition and ending of the visit before.`,
    publicSummary:
      returns.length === 0
        ? `No 72-hour returns ${w.phrase}.`
        : `{total} return visits within 72 hours ${w.phrase}, by the condition on the visit before and how it ended.`,
    publicTable: {
      columns: [
        { name: 'condition on the first visit' },
        { name: 'after discharge', align: 'right', count: true },
        { name: 'after LWBS', align: 'right', count: true },
        { name: 'returns', align: 'right', count: true, total: true },
      ],
      rows: returns.length === 0 ? [] : cross,
      totalRow: returns.length > 0,
    },
    table: {
      columns: [
        { name: 'group' },
        { name: 'returns', align: 'right' },
        { name: 'discharged or unseen', align: 'right' },
        { name: 'rate %', align: 'right' },
      ],
      rows,
    },
    chart:
      returns.length === 0
        ? undefined
        : {
            ...barChart(
              `72-hour returns by condition on the first visit (${w.label})`,
              [...conditions],
              ENDINGS.map((d) => ({
                label: d,
                data: conditions.map((c) =>
                  returned((r) => r.first_condition === c && r.first_decision === d),
                ),
              })),
              { x: 'condition on the first visit', y: 'returns' },
              true,
            ),
            // In the public answer's table.
            cells: ENDINGS.map((_, e) => conditions.map((_, r): [number, number] => [r, 1 + e])),
          },
    footer: footer(timeZone, now, w.label),
  };
}
