import { describe, expect, it } from 'vitest';
import { isLwbs, type FlowVisit } from '../../../src/core/flow.ts';
import { flowReport } from '../../../src/core/reports/er-flow.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
// Two local days across the spring-forward change: 2026-03-08 has 23 hours.
const W = {
  label: '2026-03-08 to 2026-03-09',
  phrase: 'from 2026-03-08 to 2026-03-09',
  from: new Date(Date.UTC(2026, 2, 8, 5)),
  to: new Date(Date.UTC(2026, 2, 10, 4)),
};
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 8, 12 + h, m));

let id = 0;
function visit(p: Partial<FlowVisit> & { arrived_at: Date }): FlowVisit {
  return {
    id: ++id,
    arrival_mode: 'walk_in',
    condition: 'minor',
    triage_level: 4,
    departed_at: null,
    provider_seen_at: null,
    first_treatment_at: null,
    decided_at: null,
    decision: null,
    ...p,
  };
}

describe('isLwbs', () => {
  it.each([
    ['departed, never treated, no decision', { departed_at: at(2) }, true],
    ['still waiting', {}, false],
    ['treated, then left', { departed_at: at(2), first_treatment_at: at(1) }, false],
    ['decided on without treatment', { departed_at: at(2), decision: 'Discharge' }, false],
  ])('%s: %s', (_, p, expected) => {
    expect(isLwbs(visit({ arrived_at: at(0), ...p }))).toBe(expected);
  });
});

describe('flowReport', () => {
  it('with no visits, says so, has no rows and no chart', () => {
    const r = flowReport([], 'triage', W, TZ, NOW);
    expect(r.summary).toBe('No ER visits arrived from 2026-03-08 to 2026-03-09.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
  });

  const visits = [
    // Discharged: 30 min to treatment, 3 h stay.
    visit({
      arrived_at: at(0),
      first_treatment_at: at(0, 30),
      decided_at: at(2),
      decision: 'Discharge',
      departed_at: at(3),
    }),
    // Admitted: 10 min to treatment, decided after 2 h, boarded 4 h.
    visit({
      arrived_at: at(1),
      triage_level: 2,
      arrival_mode: 'ambulance',
      first_treatment_at: at(1, 10),
      decided_at: at(3),
      decision: 'Transfer to another department',
      departed_at: at(7),
    }),
    // Left without being seen.
    visit({ arrived_at: at(2), departed_at: at(4) }),
    // Decided on, still boarding: no stay, no boarding yet.
    visit({
      arrived_at: at(3),
      triage_level: 2,
      first_treatment_at: at(3, 20),
      decided_at: at(5),
      decision: 'Continue Observation',
    }),
  ];

  it('gives each triage level taken and "all": LWBS, door to treatment in minutes, stays and boarding in hours', () => {
    const r = flowReport(visits, 'triage', W, TZ, NOW);
    expect(r.table?.rows).toEqual([
      ['ESI 2', 2, 0, 0, 15, 19, null, null, 6, 6, 4, 4],
      ['ESI 4', 2, 1, 50, 30, 30, 3, 3, null, null, null, null],
      ['all', 4, 1, 25, 20, 28, 3, 3, 6, 6, 4, 4],
    ]);
    expect(r.summary).toContain('Left without being seen: 1 (25%).');
    expect(r.summary).toContain('(1 visit without a treatment left out)');
  });

  it('groups by arrival mode or condition in vocabulary order', () => {
    expect(flowReport(visits, 'arrival_mode', W, TZ, NOW).table?.rows.map((r) => r[0])).toEqual([
      'ambulance',
      'walk_in',
      'all',
    ]);
    expect(flowReport(visits, 'condition', W, TZ, NOW).table?.rows.map((r) => r[0])).toEqual([
      'minor',
      'all',
    ]);
  });

  it('charts daily medians in hours for each local day of the window, a gap for a day without data', () => {
    const r = flowReport(visits, 'triage', W, TZ, NOW);
    expect(r.chart?.config.type).toBe('line');
    expect(r.chart?.config.data.labels).toEqual(['2026-03-08', '2026-03-09']);
    expect(r.chart?.config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['door to first treatment', [0.3, null]],
      ['stay, discharged', [3, null]],
      ['stay, admitted or transferred', [6, null]],
      ['boarding', [4, null]],
    ]);
  });
});
