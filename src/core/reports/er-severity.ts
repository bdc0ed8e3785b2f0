import { footer, plural, shownOf, when } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { median, round1 } from '../stats.ts';
import type { Severity } from '../vocabulary.ts';
import type { TimeWindow } from '../window.ts';

/** A dispatch incident as the report shows it (most recent first, cut at the cap). */
export interface SeverityIncident {
  _id: number;
  dispatchedAt: Date;
  nature: string;
  location: { district: string };
  units: readonly { unitCode: string }[];
  /** First call to first unit on scene, in minutes. */
  responseMinutes: number | null;
}

/** How many incidents of the severity had each nature, most frequent first: every incident counted. */
export interface NatureCount {
  nature: string;
  n: number;
}

/** Dispatch incidents of a severity, with counts by nature. */
export function severityReport(
  level: Severity,
  incidents: readonly SeverityIncident[],
  natures: readonly NatureCount[],
  window: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const total = natures.reduce((n, r) => n + r.n, 0);
  const response = incidents.map((i) => i.responseMinutes).filter((m): m is number => m !== null);
  const top = natures.slice(0, 3).map((n) => `${n.nature} ${n.n}`);
  return {
    title: `${level[0]?.toUpperCase()}${level.slice(1)}-severity dispatches`,
    summary:
      total === 0
        ? `No ${level}-severity dispatches ${window.phrase}.`
        : `${plural(total, 'dispatch', 'dispatches')}; most often ${top.join(', ')}. Median response ${round1(median(response))} min${shownOf(incidents.length, total)}.`,
    publicSummary:
      total === 0
        ? `No ${level}-severity dispatches ${window.phrase}.`
        : `{total} ${level}-severity dispatches ${window.phrase}, by nature.`,
    publicTable: {
      columns: [{ name: 'nature' }, { name: 'dispatches', align: 'right', count: true }],
      rows: [...natures.map((n) => [n.nature, n.n]), ['all', total]],
      totalRow: true,
    },
    table: {
      detail: true,
      columns: [
        { name: 'dispatch', align: 'right' },
        { name: 'time' },
        { name: 'nature' },
        { name: 'district' },
        { name: 'units' },
        { name: 'response min', align: 'right' },
      ],
      rows: incidents.map((i) => [
        i._id,
        when(timeZone, i.dispatchedAt),
        i.nature,
        i.location.district,
        i.units.map((u) => u.unitCode).join(' '),
        i.responseMinutes,
      ]),
      totalRows: total,
    },
    footer: footer(timeZone, now, window.label),
  };
}
