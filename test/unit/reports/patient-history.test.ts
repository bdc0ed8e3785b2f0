import { describe, expect, it } from 'vitest';
import { historyReport, type HistoryEvent } from '../../../src/core/reports/patient-history.ts';
import { MAX_ROWS } from '../../../src/core/reply.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const P = { mrn: 'MRN1000042', first_name: 'Ann', last_name: 'Lee' };
const event = (i: number): HistoryEvent => ({
  at: new Date(Date.parse('2026-01-01T12:00:00Z') + i * 60_000),
  event: 'treatment',
  detail: `#${i}`,
});

describe('historyReport', () => {
  it('with no events, says nothing is on record', () => {
    const r = historyReport(P, [], TZ, NOW);
    expect(r.title).toBe('History of Ann Lee (MRN1000042)');
    expect(r.summary).toBe('No calls, dispatches, visits or treatments on record.');
    expect(r.table?.rows).toEqual([]);
    expect(r.table?.totalRows).toBe(0);
  });

  it('shows each event at its local time, oldest first as given', () => {
    const r = historyReport(
      P,
      [
        { at: new Date('2026-03-08T06:59:00Z'), event: 'call', detail: 'chest pain' },
        { at: new Date('2026-03-08T07:01:00Z'), event: 'dispatch', detail: 'A2' },
      ],
      TZ,
      NOW,
    );
    expect(r.summary).toBe('2 events, oldest first.');
    // Either side of the spring-forward change: 01:59 EST, then 03:01 EDT.
    expect(r.table?.rows).toEqual([
      ['2026-03-08 01:59', 'call', 'chest pain'],
      ['2026-03-08 03:01', 'dispatch', 'A2'],
    ]);
  });

  it('with more events than a reply holds, counts them all and shows the oldest MAX_ROWS', () => {
    const events = Array.from({ length: MAX_ROWS + 5 }, (_, i) => event(i));
    const r = historyReport(P, events, TZ, NOW);
    expect(r.summary).toBe(`${MAX_ROWS + 5} events, oldest first.`);
    expect(r.table?.rows).toHaveLength(MAX_ROWS);
    expect(r.table?.rows[0]?.[2]).toBe('#0');
    expect(r.table?.totalRows).toBe(MAX_ROWS + 5);
  });
});
