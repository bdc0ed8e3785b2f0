import type { Cell, ReplyBody, ReplyTable } from './reply.ts';
import { cellText, type CellState } from './suppression.ts';

/**
 * What a public (channel-visible) aggregate answer may show: aggregates only, with the channel summary's
 * small-cell rule (suppression.ts, threshold SUMMARY_MIN_CELL).
 *
 * - A table marked `detail` (one row per person, visit or event) and columns marked `detail` are left
 *   out; the answer says how to see them privately.
 * - Count columns (`count`) show 1..t-1 as "<t". Then, wherever a sum is published (a `total` column
 *   for its row, else a `totalRow` for its column), other cells of that row or column are hidden ("–")
 *   until no hidden cell can be worked out from the published sum and the shown cells; if hiding cannot
 *   reach that, the sum itself is hidden. A table with both a total column and a total row withholds its
 *   total row when anything is small: sums both ways would let a reader combine rows and columns.
 * - A chart is left out whenever a cell was suppressed or detail was removed (it would show the counts).
 * - The summary is replaced by `publicSummary` when the reply has one.
 */
export function publicView(body: ReplyBody, threshold: number): ReplyBody {
  const { publicSummary, publicTable, ...rest } = body;
  const notes: string[] = [];
  let table = publicTable ?? body.table;
  let detailRemoved = publicTable !== undefined;
  if (table?.detail) {
    table = undefined;
    detailRemoved = true;
  } else if (table?.columns.some((c) => c.detail)) {
    const keep = table.columns.map((c) => !c.detail);
    table = {
      ...table,
      columns: table.columns.filter((_, i) => keep[i]),
      rows: table.rows.map((r) => r.filter((_, i) => keep[i])),
    };
    detailRemoved = true;
  }
  let suppressed = false;
  if (table) {
    const result = suppressTable(table, threshold);
    table = result.table;
    suppressed = result.suppressed;
  }
  if (suppressed)
    notes.push(
      `Counts below ${threshold} show as <${threshold}; cells marked – are withheld so they cannot be worked out.`,
    );
  if (detailRemoved)
    notes.push('Row-level detail is shown only privately: run the command with private:true.');
  const summary = [publicSummary ?? body.summary, ...notes].filter(Boolean).join('\n');
  // A chart would show the exact counts, or the detail.
  const chart = suppressed || detailRemoved ? undefined : body.chart;
  return { ...rest, summary, table, chart };
}

/** The answer as its audience may see it: everything when private, else the public view. */
export function viewFor(body: ReplyBody, answerPrivate: boolean, threshold: number): ReplyBody {
  if (!answerPrivate) return publicView(body, threshold);
  const shown = { ...body };
  delete shown.publicSummary;
  delete shown.publicTable;
  return shown;
}

/** The states of a table's count cells after suppression, and the table as a public answer shows it. */
export function suppressTable(
  table: ReplyTable,
  threshold: number,
): { table: ReplyTable; states: (CellState | undefined)[][]; suppressed: boolean } {
  const counts = table.columns.flatMap((c, i) => (c.count ? [i] : []));
  const totalCol = table.columns.findIndex((c) => c.count && c.total);
  const parts = counts.filter((i) => i !== totalCol);
  const rows = table.rows.length;
  const dataRows = [...Array(table.totalRow ? rows - 1 : rows).keys()];
  const value = (r: number, c: number) => {
    const v = table.rows[r]?.[c];
    return typeof v === 'number' ? v : 0;
  };
  const states: (CellState | undefined)[][] = table.rows.map((row, r) =>
    row.map((_, c) =>
      counts.includes(c) && threshold > 0 && value(r, c) >= 1 && value(r, c) < threshold
        ? 'small'
        : counts.includes(c)
          ? 'shown'
          : undefined,
    ),
  );
  const state = (r: number, c: number): CellState => states[r]?.[c] ?? 'shown';
  const set = (r: number, c: number, s: CellState) => {
    const row = states[r];
    if (row) row[c] = s;
  };

  // Each published sum and the cells that add up to it. Sums one way only (each row, or each column),
  // so that groups share no cell and the interval check of each group is exact: when a table has both a
  // total column and a total row and something is small, its total row is withheld.
  const anySmall = threshold > 0 && states.some((row) => row.includes('small'));
  let groups: { cells: [number, number][]; sum: [number, number] }[] = [];
  if (totalCol >= 0) {
    if (table.totalRow && anySmall) for (const c of counts) set(rows - 1, c, 'hidden');
    for (const r of table.totalRow ? dataRows : [...Array(rows).keys()])
      groups.push({ cells: parts.map((c) => [r, c] as [number, number]), sum: [r, totalCol] });
  } else if (table.totalRow)
    for (const c of counts)
      groups.push({ cells: dataRows.map((r) => [r, c] as [number, number]), sum: [rows - 1, c] });
  groups = groups.filter((g) => g.cells.length > 0);

  if (anySmall) {
    const bounds = (r: number, c: number): [number, number] => {
      const s = state(r, c);
      return s === 'shown' ? [value(r, c), value(r, c)] : s === 'small' ? [1, threshold - 1] : [0, Infinity];
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const g of groups) {
        if (
          !pinned(
            g.cells.map(([r, c]) => bounds(r, c)),
            bounds(...g.sum),
            state(...g.sum) !== 'shown',
            g.cells.map(([r, c]) => state(r, c) !== 'shown'),
          )
        )
          continue;
        // Hide the smallest shown positive cell (least information lost); zeros only when nothing else is
        // left; then the sum itself.
        const rank = ([r, c]: [number, number]) => (value(r, c) === 0 ? Infinity : value(r, c));
        const shown = g.cells.filter(([r, c]) => state(r, c) === 'shown');
        const pick = shown.reduce<[number, number] | undefined>(
          (p, x) => (p && rank(p) <= rank(x) ? p : x),
          undefined,
        );
        if (!pick && state(...g.sum) === 'hidden') continue;
        set(...(pick ?? g.sum), 'hidden');
        changed = true;
      }
    }
  }
  const suppressed = states.some((row) => row.some((s) => s === 'small' || s === 'hidden'));
  const rowSuppressed = states.map((row) => row.some((s) => s === 'small' || s === 'hidden'));
  const shownRows: Cell[][] = table.rows.map((row, r) =>
    row.map((cell, c) => {
      const derived = table.columns[c]?.derived;
      // A share of the total, or a median of a few people, would give the withheld counts away.
      if ((derived === 'share' && suppressed) || (derived === 'row' && rowSuppressed[r])) return '–';
      const s = states[r]?.[c];
      return s === undefined || s === 'shown' || typeof cell !== 'number'
        ? cell
        : cellText(cell, s, threshold);
    }),
  );
  return { table: { ...table, rows: shownRows }, states, suppressed };
}

/**
 * Whether a reader can work out a withheld member of one sum: parts and sum each known to lie within
 * bounds (exact when shown, 1..t-1 when small, any count when hidden). For box-bounded integers tied by
 * one sum, each one's possible values form exactly the interval computed here.
 */
function pinned(
  parts: [number, number][],
  sum: [number, number],
  sumWithheld: boolean,
  partWithheld: boolean[],
): boolean {
  const others = (k: number, side: 0 | 1) => parts.reduce((n, b, j) => (j === k ? n : n + b[side]), 0);
  const part = parts.some(
    ([lo, hi], k) =>
      partWithheld[k] && Math.max(lo, sum[0] - others(k, 1)) === Math.min(hi, sum[1] - others(k, 0)),
  );
  const total = sumWithheld && Math.max(sum[0], others(-1, 0)) === Math.min(sum[1], others(-1, 1));
  return part || total;
}
