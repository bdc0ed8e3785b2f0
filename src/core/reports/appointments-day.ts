import { footer, plural, shownOf, timeOfDay } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

/** One appointment of the day; `total` counts the day's appointments before the cap. */
export interface ScheduledAppointment {
  starts_at: Date;
  ends_at: Date;
  status: string;
  reason: string;
  department: string;
  provider: string;
  total: number;
}

/**
 * A day's schedule. `scope` names the filters ("Cardiology, Ann Lee"), empty when there are none; `date`
 * is the local day, YYYY-MM-DD.
 */
export function dayScheduleReport(
  date: string,
  scope: string,
  rows: readonly ScheduledAppointment[],
  timeZone: string,
  now: number,
): ReplyBody {
  const total = rows[0]?.total ?? 0;
  const active = rows.filter((r) => r.status !== 'cancelled').length;
  return {
    title: `Appointments on ${date}${scope ? ` (${scope})` : ''}`,
    summary:
      total === 0
        ? `No appointments on ${date}${scope ? ` for ${scope}` : ''}.`
        : `${plural(total, 'appointment')}, ${active} not cancelled${shownOf(rows.length, total)}.`,
    publicSummary:
      total === 0
        ? `No appointments on ${date}${scope ? ` for ${scope}` : ''}.`
        : `{total} appointments on ${date}${scope ? ` for ${scope}` : ''}, by status.`,
    publicTable: {
      columns: [{ name: 'status' }, { name: 'appointments', align: 'right', count: true }],
      rows: statusCounts(rows),
      publicTotal: 'all',
    },
    table: {
      detail: true,
      columns: [
        { name: 'time' },
        { name: 'provider' },
        { name: 'department' },
        { name: 'status' },
        { name: 'reason' },
      ],
      rows: rows.map((r) => [
        `${timeOfDay(timeZone, r.starts_at)}-${timeOfDay(timeZone, r.ends_at)}`,
        r.provider,
        r.department,
        r.status.replace('_', ' '),
        r.reason,
      ]),
      totalRows: total,
    },
    footer: footer(timeZone, now, date),
  };
}

/** How many of the day's appointments are in each status, in the order statuses first appear. */
function statusCounts(rows: readonly ScheduledAppointment[]): [string, number][] {
  const n = new Map<string, number>();
  for (const r of rows) n.set(r.status.replace('_', ' '), (n.get(r.status.replace('_', ' ')) ?? 0) + 1);
  return [...n];
}
