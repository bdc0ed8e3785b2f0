import { footer, fullName, plural, shownOf, when } from '../format.ts';
import { MAX_ROWS, type ReplyBody } from '../reply.ts';
import { round1 } from '../stats.ts';
import type { TimeWindow } from '../window.ts';
import type { ReturnVisit } from './er-returns.ts';

/** The patients who came back within 72 hours, each with both visits, in order of their return. */
export function returnsListReport(
  returns: readonly ReturnVisit[],
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const shown = returns.slice(0, MAX_ROWS);
  return {
    title: '72-hour returns: patients',
    summary:
      returns.length === 0
        ? `No 72-hour returns ${w.phrase}.`
        : `${plural(returns.length, 'return visit')} within 72 hours ${w.phrase}${shownOf(shown.length, returns.length)}.`,
    table: {
      columns: [
        { name: 'MRN' },
        { name: 'patient' },
        { name: 'first arrived' },
        { name: 'first left' },
        { name: 'first reason' },
        { name: 'first ended' },
        { name: 'returned' },
        { name: 'hours later', align: 'right' },
        { name: 'return reason' },
        { name: 'return condition' },
      ],
      rows: shown.map((r) => [
        r.mrn,
        fullName(r),
        when(timeZone, r.first_arrived_at),
        when(timeZone, r.first_departed_at),
        r.first_reason,
        r.first_decision,
        when(timeZone, r.return_arrived_at),
        round1((r.return_arrived_at.getTime() - r.first_departed_at.getTime()) / 3_600_000),
        r.return_reason,
        r.return_condition,
      ]),
      totalRows: returns.length,
    },
    footer: footer(timeZone, now, w.label),
  };
}
