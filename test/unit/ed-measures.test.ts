import { describe, expect, it } from 'vitest';
import { edMeasures, type MeasureVisit } from '../../src/core/ed-measures.ts';
import { measureLinks } from '../../src/core/measure-links.ts';
import { publicView, suppressTable } from '../../src/core/public-view.ts';
import type { CellRef, ReplyTable } from '../../src/core/reply.ts';
import { measuresReport } from '../../src/core/reports/er-measures.ts';
import { Random } from '../../dev/seed/random.ts';
import { smallCountsSolved } from '../support/disclosure.ts';
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

/** Visits of every stratum, mental health or not, with and without each time, of every age band or none. */
function mixedVisits(n: number, seed: number): MeasureVisit[] {
  const r = new Random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r.next() * xs.length)] as T;
  const maybe = (v: number) => (r.next() < 0.15 ? null : v);
  return Array.from({ length: n }, (_, i) => {
    const decision = pick([...DECISIONS, null]);
    const seen = decision !== null || r.next() < 0.5;
    return visit({
      arrived_s: Date.UTC(2026, 2, 1) / 1000 + i * 600,
      roomed_s: maybe(r.next() * 120 * MIN),
      provider_s: seen ? maybe(r.next() * 60 * MIN) : null,
      decided_s: maybe(100 * MIN + r.next() * 200 * MIN),
      departed_s: maybe(200 * MIN + r.next() * 600 * MIN),
      decision,
      treated: seen ? 1 : 0,
      observation: r.next() < 0.05 ? 1 : 0,
      mental_health: r.next() < 0.2 ? 1 : 0,
      age: r.next() < 0.1 ? null : Math.floor(r.next() * 95),
      is_return: r.next() < 0.1 ? 1 : 0,
    });
  });
}

describe("the measures' declared sums (measure-links.ts)", () => {
  it('hold for visits of every stratum, and name only counts they know', () => {
    for (const seed of [1, 2, 3]) {
      const vs = mixedVisits(400, seed);
      const links = measureLinks(vs, edMeasures(vs), { boarders: 9, over_4h: 4 });
      const value = (name: string) => links.values.get(name);
      for (const s of links.sums) {
        expect(value(s.total), s.total).not.toBeUndefined();
        const parts = s.parts.map((p) => value(p) ?? Number.NaN);
        expect(
          parts.reduce((a, b) => a + b, 0),
          `${s.parts.join(' + ')} = ${s.total}`,
        ).toBe(value(s.total));
      }
      // Every atom of OP-18 and of the admitted strata holds visits in this mix: the sums are not vacuous.
      for (const atom of ['~discharged mh:of', '~transferred mh:of', '~left against advice or eloped'])
        expect(value(atom), atom).toBeGreaterThan(0);
    }
  });
});

describe('public /er measures', () => {
  const w = {
    label: 'last 7 days',
    phrase: 'in the last 7 days',
    from: new Date(Date.UTC(2026, 2, 1, 5)),
    to: new Date(Date.UTC(2026, 2, 4, 5)),
  };

  it('says how many visits arrived, and no withheld count solves to 1..t-1 from the cells and the declared sums', () => {
    const vs = mixedVisits(60, 4);
    const body = measuresReport(vs, { boarders: 7, over_4h: 3 }, w, 'America/New_York', 0);
    const shown = publicView(body, 5);
    expect(shown.summary).toMatch(/^60 ER visits arrived in the last 7 days/);
    const { states } = suppressTable(body.table as ReplyTable, 5);
    const links = measureLinks(vs, edMeasures(vs), { boarders: 7, over_4h: 3 });
    // The table's count cells and the counts it does not show, read as a reader does.
    const cells = (body.table?.rows ?? []).flatMap((row, r) =>
      row.flatMap((v, c) => (typeof v === 'number' && states[r]?.[c] ? [{ r, c, v }] : [])),
    );
    expect(cells.some(({ r, c }) => states[r]?.[c] !== 'shown')).toBe(true);
    const read = (body.table?.links?.unpublished ?? []).map(() => null as number | null);
    const id = (ref: CellRef) =>
      typeof ref === 'number' ? cells.length + ref : cells.findIndex((x) => x.r === ref[0] && x.c === ref[1]);
    const values = [...cells.map(({ r, c, v }) => (states[r]?.[c] === 'shown' ? v : null)), ...read];
    const sums = (body.table?.links?.sums ?? []).map((s) => ({ parts: s.parts.map(id), total: id(s.total) }));
    expect(sums.length).toBe(links.sums.length);
    expect(smallCountsSolved(values, sums, 5)).toEqual([]);
  });

  it('says nothing of withheld cells when no count is small', () => {
    // Each visit five times over: every count, shown or not, is 0 or at least 5.
    const vs = mixedVisits(80, 6).flatMap((v) => [v, v, v, v, v]);
    const body = measuresReport(vs, { boarders: 0, over_4h: 0 }, w, 'America/New_York', 0);
    const counts = (body.table?.rows ?? []).flatMap((r) => r.slice(5).filter((v) => typeof v === 'number'));
    expect(counts.filter((v) => (v as number) >= 1 && (v as number) < 5)).toEqual([]);
    const shown = publicView(body, 5);
    expect(shown.summary).not.toContain('withheld');
    expect(shown.table?.rows).toEqual(body.table?.rows);
  });

  it("draws each daily line over exactly the visits its table row measures (the chart's own pass agrees)", () => {
    const vs = mixedVisits(300, 6);
    const body = measuresReport(vs, { boarders: 7, over_4h: 3 }, w, 'America/New_York', 0);
    const figures = edMeasures(vs);
    const rows = body.chart?.cells?.map((points) => points[0]?.[0]) ?? [];
    expect(rows).toHaveLength(4);
    for (const [k, row] of rows.entries()) {
      const perDay = body.chart?.basis?.[k] ?? [];
      expect(
        perDay.reduce((a, b) => a + b, 0),
        `line ${k}`,
      ).toBe(figures[row ?? -1]?.denominator);
    }
  });

  it('keeps its chart, blank on the days a median would describe 1 to t-1 visits', () => {
    const vs = mixedVisits(300, 5);
    const shown = publicView(measuresReport(vs, { boarders: 7, over_4h: 3 }, w, 'America/New_York', 0), 5);
    const data = shown.chart?.config.data.datasets.flatMap((d) => d.data) ?? [];
    expect(data.some((v) => v === null)).toBe(true);
    expect(data.some((v) => typeof v === 'number')).toBe(true);
  });
});
