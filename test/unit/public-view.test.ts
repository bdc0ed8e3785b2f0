import { describe, expect, it } from 'vitest';
import { publicView, suppressTable } from '../../src/core/public-view.ts';
import type { ReplyBody, ReplyTable } from '../../src/core/reply.ts';
import { suppressGroup, type CellState } from '../../src/core/suppression.ts';

const T = 5;
/** A 2×2 table of counts with a total column and a total row, as /er arrivals or /er dispositions lay them out. */
function crossTable(a: number, b: number, c: number, d: number): ReplyTable {
  return {
    columns: [
      { name: 'group' },
      { name: 'x', count: true },
      { name: 'y', count: true },
      { name: 'total', count: true, total: true },
    ],
    rows: [
      ['one', a, b, a + b],
      ['two', c, d, c + d],
      ['total', a + c, b + d, a + b + c + d],
    ],
    totalRow: true,
  };
}

/** The nine counts of a 2×2 table with its totals, row by row. */
const grid = (a: number, b: number, c: number, d: number) => [
  a,
  b,
  a + b,
  c,
  d,
  c + d,
  a + c,
  b + d,
  a + b + c + d,
];

/**
 * Independent check by enumeration: every 2×2 table a reader would find consistent with what is shown
 * (shown cells exact, "<t" in 1..t-1, "–" any count), data cells up to CAP. A suppressed cell is
 * derivable when it has the same value in all of them. Returns the positions (0..8) of small counts that
 * can be worked out.
 */
const CAP = 14;
function derivableCells(states: (CellState | undefined)[][], actual: number[]): number[] {
  const st = [0, 1, 2].flatMap((r) => [1, 2, 3].map((c) => states[r]?.[c] ?? 'shown'));
  const seen = st.map(() => new Set<number>());
  const fits = (k: number, v: number) =>
    st[k] === 'shown' ? v === actual[k] : st[k] === 'small' ? v >= 1 && v < T : true;
  for (let a = 0; a <= CAP; a++) {
    if (!fits(0, a)) continue;
    for (let b = 0; b <= CAP; b++) {
      if (!fits(1, b) || !fits(2, a + b)) continue;
      for (let c = 0; c <= CAP; c++) {
        if (!fits(3, c) || !fits(6, a + c)) continue;
        for (let d = 0; d <= CAP; d++) {
          const g = grid(a, b, c, d);
          if (g.every((v, k) => fits(k, v))) g.forEach((v, k) => seen[k]?.add(v));
        }
      }
    }
  }
  // A withheld cell that can be worked out only matters when it is a small count: a larger one (or a zero)
  // could have been shown.
  return st.flatMap((s, k) => {
    const v = actual[k] ?? 0;
    return s !== 'shown' && seen[k]?.size === 1 && v >= 1 && v < T ? [k] : [];
  });
}

const VALUES = [0, 1, 2, 4, 5, 6, 9];

describe('suppressTable', () => {
  it('over every 2×2 table of counts around the threshold, with row and column totals, leaves no suppressed cell derivable', () => {
    const leaks: string[] = [];
    for (const a of VALUES)
      for (const b of VALUES)
        for (const c of VALUES)
          for (const d of VALUES) {
            const { states } = suppressTable(crossTable(a, b, c, d), T);
            const found = derivableCells(states, grid(a, b, c, d));
            if (found.length > 0) leaks.push(`${a} ${b} ${c} ${d}: ${found.join(' ')}`);
          }
    expect(leaks).toEqual([]);
  });

  it('over every 2×2 table, shows each count from 1 to t-1 as small and hides nothing when none is small', () => {
    for (const a of VALUES)
      for (const b of VALUES)
        for (const c of VALUES)
          for (const d of VALUES) {
            const { states, suppressed } = suppressTable(crossTable(a, b, c, d), T);
            const data = [a, b, c, d];
            const dataStates = [states[0]?.[1], states[0]?.[2], states[1]?.[1], states[1]?.[2]];
            data.forEach((v, i) => {
              if (v >= 1 && v < T) expect(dataStates[i]).toBe('small');
            });
            if (!data.some((v) => v >= 1 && v < T) && a + b + c + d === 0) expect(suppressed).toBe(false);
            if (
              data.every((v) => v === 0 || v >= T) &&
              [a + b, c + d, a + c, b + d].every((v) => v !== 1 && v !== 2)
            )
              expect(suppressed).toBe(false);
          }
  });

  it('a single row with a total column suppresses exactly as the channel summary does', () => {
    for (const values of [
      [0, 3, 12, 40],
      [4, 4, 0, 9],
      [1, 0, 0, 0],
      [2, 2, 2, 2],
      [7, 8, 9, 10],
    ]) {
      const table: ReplyTable = {
        columns: [
          { name: 'what' },
          ...values.map((_, i) => ({ name: `c${i}`, count: true })),
          { name: 'total', count: true, total: true },
        ],
        rows: [['all', ...values, values.reduce((n, v) => n + v, 0)]],
      };
      const { states } = suppressTable(table, 5);
      const total = values.reduce((n, v) => n + v, 0);
      // As the summary post decides: a total that is itself small is not an exact published figure.
      const expected = suppressGroup({ values, totalPublished: total === 0 || total >= 5 }, 5);
      expect(states[0]?.slice(1, 1 + values.length)).toEqual(expected.states);
    }
  });

  it('reads suppressed cells as the summary does: "<t" and "–"; text and non-count columns are left alone', () => {
    const { table } = suppressTable(crossTable(4, 0, 9, 12), 5);
    expect(table.rows).toEqual([
      ['one', '<5', 0, '<5'],
      ['two', 9, 12, 21],
      ['total', '–', '–', '–'],
    ]);
  });

  it('with the threshold at 0, changes nothing', () => {
    const t = crossTable(1, 2, 3, 4);
    expect(suppressTable(t, 0)).toMatchObject({ table: t, suppressed: false });
  });
});

describe('publicView', () => {
  const base: ReplyBody = {
    title: 'Disposition decisions',
    summary: '15 decisions in the last 7 days.',
    publicSummary: 'Disposition decisions in the last 7 days.',
    table: crossTable(4, 0, 9, 12),
    chart: { config: { type: 'bar', data: { datasets: [] } }, width: 1, height: 1 },
    footer: 'as of now',
  };

  it('shows the public summary and the suppression note, and leaves the chart out when a count was suppressed', () => {
    const v = publicView(base, 5);
    expect(v.summary).toBe(
      'Disposition decisions in the last 7 days.\nCounts below 5 show as <5; cells marked – are withheld so they cannot be worked out.',
    );
    expect(v.chart).toBeUndefined();
    expect(v).not.toHaveProperty('publicSummary');
  });

  it('keeps the chart and the exact counts when nothing is small', () => {
    const v = publicView({ ...base, table: crossTable(5, 0, 9, 12) }, 5);
    expect(v.table?.rows[0]).toEqual(['one', 5, 0, 5]);
    expect(v.chart).toBeDefined();
    expect(v.summary).toBe('Disposition decisions in the last 7 days.');
  });

  it('leaves out a row-level table and a detail column, and says how to see them privately', () => {
    const rows = publicView({ ...base, table: { ...crossTable(5, 5, 5, 5), detail: true } }, 5);
    expect(rows.table).toBeUndefined();
    expect(rows.summary).toContain(
      'Row-level detail is shown only privately: run the command with private:true.',
    );
    const table = crossTable(5, 5, 5, 5);
    const column = publicView(
      {
        ...base,
        table: { ...table, columns: table.columns.map((c) => (c.name === 'y' ? { ...c, detail: true } : c)) },
      },
      5,
    );
    expect(column.table?.columns.map((c) => c.name)).toEqual(['group', 'x', 'total']);
    expect(column.table?.rows[0]).toEqual(['one', 5, 10]);
    expect(column.chart).toBeUndefined();
  });
});
