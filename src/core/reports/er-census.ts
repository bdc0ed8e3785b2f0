import { footer, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import { round1 } from '../stats.ts';
import { CONDITIONS, TRIAGE_LEVELS } from '../vocabulary.ts';

/** Patients in the ER with one condition on arrival and one triage level, and the earliest arrival of them. */
export interface CensusCell {
  /** NULL for a visit that did not record it (one from an ADT feed). */
  condition: string | null;
  triage_level: number | null;
  patients: number;
  earliest: Date;
}

/** One of the patients who have waited longest. */
export interface CensusWait {
  arrived_at: Date;
  condition_on_arrival: string | null;
  triage_level: number | null;
  reason: string;
}

/** A row's label: the conditions in their order, then visits that recorded none. */
const NOT_RECORDED = 'not recorded';

const describeWait = (v: CensusWait, h: number | null) =>
  `${h} h (${[v.condition_on_arrival ?? 'condition not recorded', v.triage_level === null ? 'no ESI' : `ESI ${v.triage_level}`, v.reason].filter((x) => x !== '').join(', ')})`;

/** Who is in the ER at `now`: patients by condition and triage level, and the longest waits. */
export function censusReport(
  cells: readonly CensusCell[],
  waits: readonly CensusWait[],
  timeZone: string,
  now: number,
): ReplyBody {
  const total = cells.reduce((n, c) => n + c.patients, 0);
  const hours = (d: Date) => round1((now - d.getTime()) / 3_600_000);
  const label = (x: CensusCell) => x.condition ?? NOT_RECORDED;
  const labels = [...CONDITIONS, NOT_RECORDED];
  const rows: Cell[][] = labels
    .filter((c) => cells.some((x) => label(x) === c))
    .map((c) => {
      const mine = cells.filter((x) => label(x) === c);
      const n = (l: number) => mine.find((x) => x.triage_level === l)?.patients ?? 0;
      const earliest = Math.min(...mine.map((x) => x.earliest.getTime()));
      return [
        c,
        mine.reduce((a, x) => a + x.patients, 0),
        ...TRIAGE_LEVELS.map(n),
        hours(new Date(earliest)),
      ];
    });
  return {
    title: 'ER census now',
    summary:
      total === 0
        ? 'Nobody is in the ER right now.'
        : `${plural(total, 'patient')} in the ER. Longest waits: ${waits.map((v) => describeWait(v, hours(v.arrived_at))).join('; ')}.`,
    publicSummary:
      total === 0
        ? 'Nobody is in the ER right now.'
        : '{total} patients in the ER now, by condition and triage level.',
    table: {
      columns: [
        { name: 'condition' },
        { name: 'patients', align: 'right', count: true, total: true },
        ...TRIAGE_LEVELS.map((l) => ({ name: `ESI ${l}`, align: 'right' as const, count: true })),
        // The wait of the one patient who arrived first.
        { name: 'longest h', align: 'right', detail: true },
      ],
      rows,
      publicTotal: 'all',
    },
    footer: footer(timeZone, now),
  };
}
