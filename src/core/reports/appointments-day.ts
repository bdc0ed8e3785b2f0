import { footer, plural } from '../format.ts';
import { MAX_ROWS, type Cell, type ReplyBody } from '../reply.ts';
import { localParts } from '../time.ts';

/** Appointments of the day that start at one time, with one provider, department and status. */
export interface AppointmentCount {
  starts_at: Date;
  status: string;
  department: string;
  provider: string;
  n: number;
}

/**
 * A day's appointments as counts: by status in a public answer; privately by local hour, provider,
 * department and status. No appointment on its own, no reason and no patient: a dated reason is patient
 * data (`/appointments schedule`). `scope` names the filters ("Cardiology, Ann Lee"), empty when there are
 * none; `date` is the local day, YYYY-MM-DD.
 */
export function dayCountsReport(
  date: string,
  scope: string,
  rows: readonly AppointmentCount[],
  timeZone: string,
  now: number,
): ReplyBody {
  const total = rows.reduce((n, r) => n + r.n, 0);
  const active = rows.reduce((n, r) => n + (r.status === 'cancelled' ? 0 : r.n), 0);
  const groups = byHour(rows, timeZone);
  const none = `No appointments on ${date}${scope ? ` for ${scope}` : ''}.`;
  return {
    title: `Appointments on ${date}${scope ? ` (${scope})` : ''}`,
    summary:
      total === 0
        ? none
        : `${plural(total, 'appointment')}, ${active} not cancelled, by hour, provider and status${groups.length > MAX_ROWS ? ` (the first ${MAX_ROWS} of ${groups.length} rows shown)` : ''}. Each appointment with its patient and reason: /appointments schedule (patient-records role).`,
    publicSummary:
      total === 0 ? none : `{total} appointments on ${date}${scope ? ` for ${scope}` : ''}, by status.`,
    publicTable: {
      columns: [{ name: 'status' }, { name: 'appointments', align: 'right', count: true }],
      rows: statusCounts(rows),
      publicTotal: 'all',
    },
    table: {
      columns: [
        { name: 'hour' },
        { name: 'provider' },
        { name: 'department' },
        { name: 'status' },
        { name: 'appointments', align: 'right', count: true },
      ],
      rows: groups.slice(0, MAX_ROWS),
      totalRows: groups.length,
    },
    footer: footer(timeZone, now, date),
  };
}

const statusName = (s: string) => s.replace('_', ' ');

/** Counts by local hour of the start, provider, department and status, in the order the rows come. */
function byHour(rows: readonly AppointmentCount[], timeZone: string): Cell[][] {
  const groups = new Map<string, Cell[]>();
  for (const r of rows) {
    const hour = `${String(localParts(timeZone, r.starts_at.getTime()).hour).padStart(2, '0')}:00`;
    const cells = [hour, r.provider, r.department, statusName(r.status)];
    const key = JSON.stringify(cells);
    const group = groups.get(key);
    if (group) group[4] = Number(group[4]) + r.n;
    else groups.set(key, [...cells, r.n]);
  }
  return [...groups.values()];
}

/** How many of the day's appointments are in each status, in the order statuses first appear. */
function statusCounts(rows: readonly AppointmentCount[]): [string, number][] {
  const n = new Map<string, number>();
  for (const r of rows) n.set(statusName(r.status), (n.get(statusName(r.status)) ?? 0) + r.n);
  return [...n];
}
