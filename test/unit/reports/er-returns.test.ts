import { describe, expect, it } from 'vitest';
import { returnsListReport } from '../../../src/core/reports/er-returns-list.ts';
import { returnsReport, type ReturnVisit } from '../../../src/core/reports/er-returns.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
const W = { label: 'last 30 days', phrase: 'in the last 30 days' };
const LWBS = 'Left without being seen';

function ret(p: Partial<ReturnVisit>): ReturnVisit {
  return {
    return_id: 2,
    patient_id: 7,
    mrn: 'MRN1000007',
    first_name: 'Ada',
    last_name: 'Lovelace',
    first_id: 1,
    first_arrived_at: new Date(Date.UTC(2026, 2, 10, 14)),
    first_departed_at: new Date(Date.UTC(2026, 2, 10, 18)),
    first_condition: 'moderate',
    first_reason: 'abdominal pain',
    first_decision: 'Discharge',
    return_arrived_at: new Date(Date.UTC(2026, 2, 11, 21, 30)),
    return_condition: 'serious',
    return_reason: 'abdominal pain',
    return_triage: 2,
    ...p,
  };
}

describe('returnsReport', () => {
  it('with no departures and no returns, says so, no rows, no chart', () => {
    const r = returnsReport([], [], W, TZ, NOW);
    expect(r.summary).toBe('No discharges and no 72-hour returns in the last 30 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
  });

  it('counts returns by the first visit, as a rate of the discharged or unseen departures', () => {
    const r = returnsReport(
      [ret({}), ret({ first_condition: 'minor', first_decision: LWBS }), ret({ first_condition: 'minor' })],
      [
        { condition: 'moderate', decision: 'Discharge', n: 20 },
        { condition: 'minor', decision: 'Discharge', n: 40 },
        { condition: 'minor', decision: LWBS, n: 4 },
      ],
      W,
      TZ,
      NOW,
    );
    expect(r.table?.rows).toEqual([
      ['condition: moderate', 1, 20, 5],
      ['condition: minor', 2, 44, 4.5],
      ['first visit: Discharge', 2, 60, 3.3],
      [`first visit: ${LWBS}`, 1, 4, 25],
      ['all', 3, 64, 4.7],
    ]);
    expect(r.summary).toMatch(
      /^3 return visits within 72 hours in the last 30 days; 64 patients .* rate of 4\.7%/,
    );
    expect(r.chart?.config.data.labels).toEqual(['moderate', 'minor']);
    expect(r.chart?.config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Discharge', [1, 1]],
      [LWBS, [0, 1]],
    ]);
  });

  it('a return whose first visit departed before the window still counts, with no departures to rate it by', () => {
    const r = returnsReport([ret({ first_condition: 'stable' })], [], W, TZ, NOW);
    expect(r.table?.rows.at(0)).toEqual(['condition: stable', 1, 0, null]);
  });
});

describe('returnsListReport', () => {
  it('shows both visits and the hours between leaving and coming back, in local time', () => {
    const r = returnsListReport([ret({})], W, TZ, NOW);
    expect(r.table?.rows).toEqual([
      [
        'MRN1000007',
        'Ada Lovelace',
        '2026-03-10 10:00',
        '2026-03-10 14:00',
        'abdominal pain',
        'Discharge',
        '2026-03-11 17:30',
        27.5,
        'abdominal pain',
        'serious',
      ],
    ]);
    expect(r.summary).toBe('1 return visit within 72 hours in the last 30 days.');
  });

  it('with none, says so', () => {
    expect(returnsListReport([], W, TZ, NOW).summary).toBe('No 72-hour returns in the last 30 days.');
  });
});
