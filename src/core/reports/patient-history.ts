import { footer, fullName, plural, when } from '../format.ts';
import { MAX_ROWS, type ReplyBody } from '../reply.ts';

export interface HistoryEvent {
  at: Date;
  event: string;
  detail: string | null;
}

/** A patient's path, oldest first: every event counted, the first MAX_ROWS shown. */
export function historyReport(
  p: { mrn: string; first_name: string; last_name: string },
  events: readonly HistoryEvent[],
  timeZone: string,
  now: number,
): ReplyBody {
  return {
    title: `History of ${fullName(p)} (${p.mrn})`,
    summary:
      events.length === 0
        ? 'No calls, dispatches, visits or treatments on record.'
        : `${plural(events.length, 'event')}, oldest first.`,
    table: {
      columns: [{ name: 'time' }, { name: 'event' }, { name: 'detail', clinical: true }],
      rows: events.slice(0, MAX_ROWS).map((e) => [when(timeZone, e.at), e.event, e.detail]),
      totalRows: events.length,
    },
    footer: footer(timeZone, now),
  };
}
