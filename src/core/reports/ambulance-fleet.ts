import { footer, plural, when } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

/** One ambulance with its crew and, when it is on a call, the dispatch it is assigned to. */
export interface FleetUnit {
  unit_code: string;
  type: string;
  status: string;
  crew: string | null;
  dispatch_id: number | null;
  assigned_at: Date | null;
  severity: string | null;
  nature: string | null;
}

/** Units by type and status, their crews and current calls. */
export function fleetReport(units: readonly FleetUnit[], timeZone: string, now: number): ReplyBody {
  const countBy = (key: 'type' | 'status') =>
    [...units.reduce((m, u) => m.set(u[key], (m.get(u[key]) ?? 0) + 1), new Map<string, number>())]
      .map(([k, n]) => `${n} ${k.replace('_', ' ')}`)
      .join(', ');
  return {
    title: 'Ambulance fleet',
    summary:
      units.length === 0
        ? 'No ambulances on record.'
        : `${plural(units.length, 'unit')}: ${countBy('type')}; ${countBy('status')}.`,
    table: {
      columns: [
        { name: 'unit' },
        { name: 'type' },
        { name: 'status' },
        { name: 'crew' },
        { name: 'current call' },
      ],
      rows: units.map((u) => [
        u.unit_code,
        u.type,
        u.status.replace('_', ' '),
        u.crew,
        u.dispatch_id
          ? `${u.severity} ${u.nature} since ${when(timeZone, u.assigned_at)} (dispatch ${u.dispatch_id})`
          : '-',
      ]),
    },
    footer: footer(timeZone, now),
  };
}
