import { footer, fullName, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import type { TimeWindow } from '../window.ts';

/** One physician's or nurse's ER work in the window. */
export interface WorkloadEntry {
  first_name: string;
  last_name: string;
  /** Distinct patients treated. */
  patients: number;
  treatments: number;
}

/**
 * Patients and treatments per physician or nurse, and who treated the same number of distinct patients
 * (workload balance): each row names up to three peers with an equal count.
 */
export function workloadReport(
  rows: readonly WorkloadEntry[],
  role: 'physician' | 'nurse',
  window: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const byCount = new Map<number, string[]>();
  for (const r of rows) byCount.set(r.patients, [...(byCount.get(r.patients) ?? []), fullName(r)]);
  const pairs = [...byCount.values()].reduce((n, names) => n + (names.length * (names.length - 1)) / 2, 0);
  const table: Cell[][] = rows.map((r) => {
    const peers = (byCount.get(r.patients) ?? []).filter((n) => n !== fullName(r));
    return [
      fullName(r),
      r.patients,
      r.treatments,
      peers.length === 0
        ? '-'
        : peers.slice(0, 3).join(', ') + (peers.length > 3 ? ` +${peers.length - 3}` : ''),
    ];
  });
  return {
    title: `${role === 'physician' ? 'Physician' : 'Nurse'} workload`,
    summary:
      rows.length === 0
        ? `No ER treatments ${window.phrase}.`
        : `${plural(rows.length, role)} treated patients ${window.phrase}; ${plural(pairs, 'pair')} with equal patient counts.`,
    table: {
      columns: [
        { name: role },
        { name: 'patients', align: 'right' },
        { name: 'treatments', align: 'right' },
        { name: 'same patient count as' },
      ],
      rows: table,
    },
    footer: footer(timeZone, now, window.label),
  };
}
