import { barChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import { round1 } from '../stats.ts';
import { localParts } from '../time.ts';
import type { TimeWindow } from '../window.ts';

/** Appointments of one department, start and status. */
export interface AppointmentOutcome {
  department: string;
  starts_at: Date;
  status: string;
  n: number;
}

/** What the table's short column names stand for. */
const COLUMNS = 'appts: appointments; NS %: no-show rate; cancel: cancelled; C %: cancellation rate.';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Tally {
  appointments: number;
  noShows: number;
  cancelled: number;
}

const pct = (n: number, of: number) => (of === 0 ? null : round1((100 * n) / of));
/** No-show rate: no-shows of the appointments that were not cancelled (docs/domain.md). */
const noShowRate = (t: Tally) => pct(t.noShows, t.appointments - t.cancelled);
const cancelRate = (t: Tally) => pct(t.cancelled, t.appointments);

function tally(rows: readonly AppointmentOutcome[]): Tally {
  const t: Tally = { appointments: 0, noShows: 0, cancelled: 0 };
  for (const r of rows) {
    t.appointments += r.n;
    if (r.status === 'no_show') t.noShows += r.n;
    if (r.status === 'cancelled') t.cancelled += r.n;
  }
  return t;
}

/**
 * No-show and cancellation rates of appointments that started in the window (up to now): by department,
 * by weekday and by local hour of the start, with a grouped bar chart by department.
 */
export function noShowsReport(
  rows: readonly AppointmentOutcome[],
  department: string | undefined,
  w: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const parts = rows.map((r) => ({ r, p: localParts(timeZone, r.starts_at.getTime()) }));
  const departments = [...new Set(rows.map((r) => r.department))].sort();
  const weekdays = [1, 2, 3, 4, 5, 6, 0].filter((d) => parts.some((x) => x.p.weekday === d));
  const hours = [...new Set(parts.map((x) => x.p.hour))].sort((a, b) => a - b);
  const ofWeekday = (d: number) => tally(parts.filter((x) => x.p.weekday === d).map((x) => x.r));
  const line = (label: string, t: Tally): Cell[] => [
    label,
    t.appointments,
    t.noShows,
    noShowRate(t),
    t.cancelled,
    cancelRate(t),
  ];
  const all = tally(rows);
  const byDepartment = departments.map((d) => tally(rows.filter((r) => r.department === d)));
  const table: Cell[][] =
    rows.length === 0
      ? []
      : [
          ...departments.map((d, i) => line(d, byDepartment[i] ?? tally([]))),
          ...weekdays.map((d) => line(WEEKDAYS[d] ?? '', ofWeekday(d))),
          ...hours.map((h) =>
            line(
              `${String(h).padStart(2, '0')}:00`,
              tally(parts.filter((x) => x.p.hour === h).map((x) => x.r)),
            ),
          ),
          line('all', all),
        ];
  const scope = department ? `${department} appointments` : 'Appointments';
  // Where the chart's groups are in the table: departments first, then weekdays.
  const chartRows = department
    ? weekdays.map((_, i) => departments.length + i)
    : departments.map((_, i) => i);
  return {
    title: department ? `No-shows and cancellations: ${department}` : 'No-shows and cancellations',
    summary:
      rows.length === 0
        ? `No ${department ? `${department} ` : ''}appointments started ${w.phrase}.`
        : `${scope} that started ${w.phrase}: ${plural(all.appointments, 'appointment')}, no-show rate ${noShowRate(all) ?? '–'}% (of those not cancelled), cancellation rate ${cancelRate(all) ?? '–'}%. Rows: by department, then weekday, then hour of the day (local). ${COLUMNS}`,
    publicSummary:
      rows.length === 0
        ? `No ${department ? `${department} ` : ''}appointments started ${w.phrase}.`
        : `{total} ${department ? `${department} ` : ''}appointments started ${w.phrase}: no-show rate (of those not cancelled) and cancellation rate by department, then weekday, then hour of the day (local). ${COLUMNS}`,
    table: {
      columns: [
        // Short names, explained in the summary: the table fits a phone (56 characters).
        { name: 'group' },
        { name: 'appts', align: 'right', count: true },
        { name: 'no-show', align: 'right', count: true },
        { name: 'NS %', align: 'right', derived: 'row' },
        { name: 'cancel', align: 'right', count: true },
        { name: 'C %', align: 'right', derived: 'row', of: ['appts', 'cancel'] },
      ],
      rows: table,
      // Three breakdowns of the same appointments, each adding up to the last row (`all`).
      totalRow: rows.length > 0,
      sections: [departments.length, weekdays.length, hours.length],
    },
    chart:
      rows.length === 0
        ? undefined
        : department
          ? {
              ...barChart(
                `${department}: no-show and cancellation rates by weekday (${w.label})`,
                weekdays.map((d) => WEEKDAYS[d] ?? ''),
                rateSeries(weekdays.map(ofWeekday)),
                { x: 'weekday', y: '%' },
              ),
              cells: RATE_COLUMNS.map((c) => chartRows.map((r): [number, number] => [r, c])),
            }
          : {
              ...barChart(
                `No-show and cancellation rates by department (${w.label})`,
                departments,
                rateSeries(byDepartment),
                { x: 'department', y: '%' },
              ),
              cells: RATE_COLUMNS.map((c) => chartRows.map((r): [number, number] => [r, c])),
            },
    footer: footer(timeZone, now, w.label),
  };
}

/** The table's columns of the chart's two series: no-show % and cancelled %. */
const RATE_COLUMNS = [3, 5];

function rateSeries(tallies: Tally[]) {
  return [
    { label: 'no-show %', data: tallies.map((t) => noShowRate(t) ?? 0) },
    { label: 'cancelled %', data: tallies.map((t) => cancelRate(t) ?? 0) },
  ];
}
