import { pieChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

/** How many active physicians practise one specialty. */
export interface SpecialtyCount {
  specialty: string;
  physicians: number;
}

/** Physicians by specialty, as a table and, when there are any, a pie chart. */
export function specialtiesReport(rows: readonly SpecialtyCount[], timeZone: string, now: number): ReplyBody {
  const total = rows.reduce((n, r) => n + r.physicians, 0);
  return {
    title: 'Physicians by specialty',
    summary: `${plural(total, 'active physician')} in ${plural(rows.length, 'specialty', 'specialties')}.`,
    table: {
      columns: [{ name: 'specialty' }, { name: 'physicians', align: 'right' }],
      rows: rows.map((r) => [r.specialty, r.physicians]),
    },
    chart:
      total === 0
        ? undefined
        : pieChart(
            'Physicians by specialty',
            rows.map((r) => r.specialty),
            rows.map((r) => r.physicians),
          ),
    footer: footer(timeZone, now),
  };
}
