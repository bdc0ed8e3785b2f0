import { barChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { DECISIONS, PATIENT_STATUSES } from '../vocabulary.ts';
import type { TimeWindow } from '../window.ts';

/** Disposition decisions of one kind that left patients in one status. */
export interface DispositionCount {
  decision: string;
  patient_status: string | null;
  n: number;
}

/** Disposition decisions by patient status: one row per decision taken, a stacked bar per decision. */
export function dispositionsReport(
  rows: readonly DispositionCount[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const count = (d: string, s: string) =>
    rows.find((r) => r.decision === d && r.patient_status === s)?.n ?? 0;
  const total = rows.reduce((n, r) => n + r.n, 0);
  const decisions = DECISIONS.filter((d) => rows.some((r) => r.decision === d));
  return {
    title: 'Disposition decisions',
    summary:
      total === 0 ? `No disposition decisions ${w.phrase}.` : `${plural(total, 'decision')} ${w.phrase}.`,
    publicSummary:
      total === 0
        ? `No disposition decisions ${w.phrase}.`
        : `{total} disposition decisions ${w.phrase}, by patient status.`,
    table: {
      columns: [
        { name: 'decision' },
        ...PATIENT_STATUSES.map((s) => ({ name: s, align: 'right' as const, count: true })),
        { name: 'total', align: 'right', count: true, total: true },
      ],
      rows: decisions.map((d) => [
        d,
        ...PATIENT_STATUSES.map((s) => count(d, s)),
        PATIENT_STATUSES.reduce((n, s) => n + count(d, s), 0),
      ]),
      publicTotal: 'total',
    },
    chart:
      total === 0
        ? undefined
        : {
            ...barChart(
              `Disposition decisions by patient status (${w.label})`,
              decisions,
              PATIENT_STATUSES.map((s) => ({ label: s, data: decisions.map((d) => count(d, s)) })),
              { x: 'decision', y: 'patients' },
              true,
            ),
            cells: PATIENT_STATUSES.map((_, s) => decisions.map((_, r): [number, number] => [r, 1 + s])),
          },
    footer: footer(timeZone, now, w.label),
  };
}
