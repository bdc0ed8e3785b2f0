import { describe, expect, it } from 'vitest';
import { publicView, suppressTable } from '../../src/core/public-view.ts';
import type { ReplyBody, ReplyTable } from '../../src/core/reply.ts';
import { barChart, lineChart } from '../../src/core/charts.ts';
import { suppressGroup, type CellState } from '../../src/core/suppression.ts';
import { Random } from '../../dev/seed/random.ts';
import { smallCountsSolved } from '../support/disclosure.ts';

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

  it('reads suppressed cells as the summary does: "<t" and "–", keeps the total row, and leaves text alone', () => {
    const { table } = suppressTable(crossTable(4, 0, 9, 12), 5);
    expect(table.rows).toEqual([
      ['one', '<5', 0, '<5'],
      ['two', '–', 12, '–'],
      ['total', 13, 12, 25],
    ]);
  });

  it('with several breakdowns of the same people, protects a small cell of each against the shared total', () => {
    // By triage (3 + 10) and by arrival mode (6 + 7) of the same 13 visits: 3 = 13 - 10 unless 10 is hidden.
    const table: ReplyTable = {
      columns: [{ name: 'group' }, { name: 'visits', count: true }],
      rows: [
        ['ESI 1', 3],
        ['ESI 2', 10],
        ['walk-in', 6],
        ['ambulance', 7],
        ['all', 13],
      ],
      totalRow: true,
      sections: [2, 2],
    };
    const { table: shown } = suppressTable(table, T);
    const values = shown.rows.map((r) => (typeof r[1] === 'number' ? r[1] : null));
    const sums = [
      { parts: [0, 1], total: 4 },
      { parts: [2, 3], total: 4 },
    ];
    expect(values[4]).toBe(13);
    expect(smallCountsSolved(values, sums, T)).toEqual([]);
  });

  it('over random tables with a total column and two breakdowns in rows, no small count can be solved', () => {
    const r = new Random(19);
    const leaks: string[] = [];
    for (let k = 0; k < 300; k++) {
      const sizes = [r.int(1, 4), r.int(1, 4)];
      const cols = r.int(1, 3);
      const first = Array.from({ length: sizes[0] ?? 1 }, () =>
        Array.from({ length: cols }, () => r.pick([0, r.int(1, 4), r.int(5, 30)])),
      );
      // The second breakdown spreads each column's total over its rows at random.
      const colTotals = Array.from({ length: cols }, (_, c) =>
        first.reduce((n, row) => n + (row[c] ?? 0), 0),
      );
      const second = Array.from({ length: sizes[1] ?? 1 }, () => new Array<number>(cols).fill(0));
      colTotals.forEach((t, c) => {
        for (let i = 0; i < t; i++) {
          const row = second[r.int(0, second.length - 1)];
          if (row) row[c] = (row[c] ?? 0) + 1;
        }
      });
      const withTotal = (row: number[]) => [...row, row.reduce((n, v) => n + v, 0)];
      const data = [...first, ...second, colTotals].map(withTotal);
      const table: ReplyTable = {
        columns: [
          { name: 'group' },
          ...Array.from({ length: cols }, (_, c) => ({ name: `c${c}`, count: true })),
          { name: 'total', count: true, total: true },
        ],
        rows: data.map((row, i) => [`r${i}`, ...row]),
        totalRow: true,
        sections: sizes,
      };
      const { table: shown } = suppressTable(table, T);
      const width = cols + 1;
      const values = shown.rows.flatMap((row) => row.slice(1).map((v) => (typeof v === 'number' ? v : null)));
      const id = (row: number, c: number) => row * width + c;
      const last = data.length - 1;
      const sums = [
        ...data.map((_, row) => ({
          parts: [...Array(cols).keys()].map((c) => id(row, c)),
          total: id(row, cols),
        })),
        ...[...Array(width).keys()].flatMap((c) => [
          { parts: [...Array(sizes[0]).keys()].map((row) => id(row, c)), total: id(last, c) },
          {
            parts: [...Array(sizes[1]).keys()].map((row) => id((sizes[0] ?? 0) + row, c)),
            total: id(last, c),
          },
        ]),
      ];
      const solved = smallCountsSolved(values, sums, T);
      if (solved.length > 0) leaks.push(`${JSON.stringify(data)}: ${solved.join(' ')}`);
    }
    expect(leaks).toEqual([]);
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

  it('shows the public summary with its total, the suppression note, and the chart with the withheld bars blank', () => {
    const table = crossTable(4, 0, 9, 12);
    const chart = barChart(
      'Decisions',
      ['one', 'two'],
      [
        { label: 'x', data: [4, 9] },
        { label: 'y', data: [0, 12] },
      ],
      { x: 'decision', y: 'patients' },
      true,
    );
    const v = publicView(
      {
        ...base,
        publicSummary: '{total} disposition decisions in the last 7 days.',
        table,
        chart: {
          ...chart,
          cells: [
            [
              [0, 1],
              [1, 1],
            ],
            [
              [0, 2],
              [1, 2],
            ],
          ],
        },
      },
      5,
    );
    expect(v.summary).toBe(
      '25 disposition decisions in the last 7 days.\nCounts below 5 show as <5; cells marked – are withheld so they cannot be worked out.\nThe chart leaves blank what is withheld.',
    );
    expect(v.chart?.config.data.datasets.map((d) => d.data)).toEqual([
      [null, null],
      [0, 12],
    ]);
    expect(JSON.stringify(v.chart?.config.options)).toContain('withheld to protect small counts');
    expect(v).not.toHaveProperty('publicSummary');
  });

  it('keeps the chart and the exact counts when nothing is small', () => {
    const chart = { ...base.chart, cells: [] } as NonNullable<ReplyBody['chart']>;
    const v = publicView({ ...base, table: crossTable(5, 0, 9, 12), chart }, 5);
    expect(v.table?.rows[0]).toEqual(['one', 5, 0, 5]);
    expect(v.chart).toBeDefined();
    expect(v.summary).toBe('Disposition decisions in the last 7 days.');
  });

  it('adds a public total row and says the total, blanks points of fewer than t people, and leaves out an untied chart', () => {
    const v = publicView(
      {
        ...base,
        publicSummary: '{total} treatments.',
        table: {
          columns: [{ name: 'type' }, { name: 'n', count: true }],
          rows: [
            ['a', 7],
            ['b', 8],
          ],
          publicTotal: 'all',
        },
        chart: {
          ...lineChart('Medians', ['d1', 'd2'], 'median', [3, 4], { x: 'd', y: 'h' }),
          basis: [[2, 9]],
        },
      },
      5,
    );
    expect(v.table?.rows).toEqual([
      ['a', 7],
      ['b', 8],
      ['all', 15],
    ]);
    expect(v.summary).toBe('15 treatments.\nThe chart leaves blank what is withheld.');
    expect(v.chart?.config.data.datasets[0]?.data).toEqual([null, 4]);
    const untied = publicView({ ...base, table: crossTable(5, 5, 5, 5) }, 5);
    expect(untied.chart).toBeUndefined();
    expect(untied.summary).toContain('The chart is shown only privately');
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

  it('protects the sums a table declares, over a count it never shows, after taking out a detail column', () => {
    // LBTC = LWBS + those who left against advice or eloped (not shown): 9 = 6 + 3.
    const table: ReplyTable = {
      columns: [
        { name: 'measure' },
        { name: 'longest wait', detail: true },
        { name: 'counted', count: true },
      ],
      rows: [
        ['LWBS', 'Ann 5 h', 6],
        ['LBTC', 'Bo 6 h', 9],
      ],
      links: { unpublished: [3], sums: [{ parts: [[0, 2], 0], total: [1, 2] }], headline: [[1, 2]] },
    };
    const shown = publicView({ ...base, table, publicSummary: '{total} left.' }, 5);
    expect(shown.table?.columns.map((c) => c.name)).toEqual(['measure', 'counted']);
    // LWBS hidden: the headline (LBTC) is hidden last, and the 3 can no longer be worked out.
    expect(shown.table?.rows).toEqual([
      ['LWBS', '–'],
      ['LBTC', 9],
    ]);
    expect(shown.summary).toMatch(/^9 left\./);
    expect(publicView({ ...base, table: { ...table, links: undefined } }, 5).table?.rows).toEqual([
      ['LWBS', 6],
      ['LBTC', 9],
    ]);
  });
});
