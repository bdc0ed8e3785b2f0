import { footer, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import { round1 } from '../stats.ts';
import { CONDITIONS, TRIAGE_LEVELS } from '../vocabulary.ts';

/** Patients in the ER with one condition on arrival and one triage level, and the earliest arrival of them. */
export interface CensusCell {
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

/** Who is in the ER at `now`: patients by condition and triage level, and the longest waits. */
export function censusReport(
  cells: readonly CensusCell[],
  waits: readonly CensusWait[],
  timeZone: string,
  now: number,
): ReplyBody {
  const total = cells.reduce((n, c) => n + c.patients, 0);
  const hours = (d: Date) => round1((now - d.getTime()) / 3_600_000);
  const rows: Cell[][] = CONDITIONS.filter((c) => cells.some((x) => x.condition === c)).map((c) => {
    const mine = cells.filter((x) => x.condition === c);
    const n = (l: number) => mine.find((x) => x.triage_level === l)?.patients ?? 0;
    const earliest = Math.min(...mine.map((x) => x.earliest.getTime()));
    return [c, mine.reduce((a, x) => a + x.patients, 0), ...TRIAGE_LEVELS.map(n), hours(new Date(earliest))];
  });
  return {
    title: 'ER census now',
    summary:
      total === 0
        ? 'Nobody is in the ER right now.'
        : `${plural(total, 'patient')} in the ER. Longest waits: ${waits.map((v) => `${hours(v.arrived_at)} h (${v.condition_on_arrival}, ESI ${v.triage_level}, ${v.reason})`).join('; ')}.`,
    publicSummary:
      total === 0 ? 'Nobody is in the ER right now.' : 'Who is in the ER now, by condition and triage level.',
    table: {
      columns: [
        { name: 'condition' },
        { name: 'patients', align: 'right', count: true, total: true },
        ...TRIAGE_LEVELS.map((l) => ({ name: `ESI ${l}`, align: 'right' as const, count: true })),
        // The wait of the one patient who arrived first.
        { name: 'longest h', align: 'right', detail: true },
      ],
      rows,
    },
    footer: footer(timeZone, now),
  };
}
