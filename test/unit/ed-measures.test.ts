import { describe, expect, it } from 'vitest';
import { edMeasures, type MeasureVisit } from '../../src/core/ed-measures.ts';
import { measuresReport } from '../../src/core/reports/er-measures.ts';
import { ageBandOf, isMentalHealthCode, STRATUM_OF_DECISION, stratumOf } from '../../src/core/strata.ts';
import { DECISIONS } from '../../src/core/vocabulary.ts';

const MIN = 60;
function visit(p: Partial<MeasureVisit> = {}): MeasureVisit {
  return {
    arrived_s: Date.UTC(2026, 2, 8, 12) / 1000,
    roomed_s: 10 * MIN,
    provider_s: 20 * MIN,
    decided_s: 100 * MIN,
    departed_s: 120 * MIN,
    decision: 'Discharge',
    observation: 0,
    mental_health: 0,
    treated: 1,
    age: 40,
    is_return: 0,
    ...p,
  };
}
const figure = (vs: MeasureVisit[], key: string) => edMeasures(vs).find((f) => f.key === key);

describe('the strata', () => {
  it('give every decision of the vocabulary a stratum', () => {
    expect(Object.keys(STRATUM_OF_DECISION).sort()).toEqual([...DECISIONS].sort());
  });

  it('put an observation stay in observation whatever its decision, and an unseen departure in LWBS', () => {
    const base = { departed: true, seen: true, observation: false };
    expect(stratumOf({ ...base, decision: 'Discharge', observation: true })).toBe('observation');
    expect(stratumOf({ ...base, decision: null, seen: false })).toBe('left without being seen');
    expect(stratumOf({ ...base, decision: null, departed: false, seen: false })).toBeNull();
  });

  it('count F01-F99 as mental health, not F00 or other chapters', () => {
    for (const c of ['F01.50', 'F10.129', 'F32.9', 'F99', 'f41.9'])
      expect(isMentalHealthCode(c), c).toBe(true);
    for (const c of ['F00.0', 'R07.9', 'G40.909', 'F', 'FX1']) expect(isMentalHealthCode(c), c).toBe(false);
  });

  it('band ages at 18 and 65', () => {
    expect([17, 18, 64, 65].map(ageBandOf)).toEqual(['under 18', '18-64', '18-64', '65 and over']);
    expect(ageBandOf(null)).toBeNull();
  });
});

describe('the ED measures of a few visits', () => {
  it('leave a discharged visit still in the department out of OP-18b, and count it', () => {
    const f = figure([visit(), visit({ departed_s: null })], 'op18b');
    expect(f).toMatchObject({ value: 120, denominator: 1, leftOut: 1 });
  });

  it('keep mental-health and transferred visits out of OP-18b, and in OP-18c and OP-18d', () => {
    const vs = [
      visit(),
      visit({ mental_health: 1, departed_s: 300 * MIN }),
      visit({ decision: 'Transfer to a higher-level hospital', departed_s: 200 * MIN }),
    ];
    expect(figure(vs, 'op18a')?.denominator).toBe(3);
    expect(figure(vs, 'op18b')).toMatchObject({ value: 120, denominator: 1 });
    expect(figure(vs, 'op18c')).toMatchObject({ value: 300, denominator: 1 });
    expect(figure(vs, 'op18d')).toMatchObject({ value: 200, denominator: 1 });
  });

  it('count ECAT once per visit for any of its four parts, and exempt observation from the stay limits', () => {
    const vs = [
      visit({ roomed_s: 61 * MIN }),
      visit({ roomed_s: null, provider_s: null, treated: 0, decision: null, departed_s: 30 * MIN }),
      visit({ decision: 'Transfer to another department', decided_s: 60 * MIN, departed_s: 301 * MIN }),
      visit({ departed_s: 481 * MIN }),
      visit({ decision: 'Continue Observation', departed_s: 900 * MIN }),
      visit(),
    ];
    expect(figure(vs, 'ecat')).toMatchObject({ meeting: 4, denominator: 6, value: 66.7 });
    expect(figure(vs, 'lwbs')).toMatchObject({ meeting: 1, denominator: 6 });
  });

  it('cite the OP-18b definition in the report footer, and say when no visit arrived', () => {
    const w = { label: 'last 7 days', phrase: 'in the last 7 days', from: new Date(0), to: new Date(1) };
    const r = measuresReport([], { boarders: 0, over_4h: 0 }, w, 'America/New_York', 0);
    expect(r.summary).toBe('No ER visits arrived in the last 7 days.');
    expect(r.footer).toMatch(
      /^OP-18b: median minutes arrival → departure, discharged, excluding mental health/,
    );
  });
});
