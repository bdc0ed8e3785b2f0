import type { Cell, CellRef, ReplyBody, ReplyChart, ReplyTable, TableLinks } from './reply.ts';
import { cellText, isSmallCount, protect, type CellState, type Sum } from './suppression.ts';

/**
 * What a public (channel-visible) aggregate answer may show: aggregates only, with the channel summary's
 * small-cell rule (suppression.ts, threshold SUMMARY_MIN_CELL), and always its total and its chart.
 *
 * - A table marked `detail` (one row per person, visit or event) and columns marked `detail` are left
 *   out; the answer says how to see them privately. A `publicTotal` row is added.
 * - Count columns (`count`) show 1..t-1 as "<t". Every published sum holds: a `total` column for its row,
 *   a `totalRow` for its column (for each of its `sections`). Then other cells are hidden ("–"), the
 *   totals last, until no small cell can be worked out from the totals and the shown cells
 *   (complementary suppression, `protect`).
 * - The summary is `publicSummary` when the reply has one, its `{total}` the table's total as shown.
 * - A chart keeps every value whose table cell is shown (`cells`) or that describes enough people
 *   (`basis`), and leaves the others blank; a chart tied to neither is left out when the table has counts.
 */
export function publicView(body: ReplyBody, threshold: number): ReplyBody {
  const { publicSummary, publicTable, ...rest } = body;
  const notes: string[] = [];
  const given = publicTable ?? body.table;
  let table = given;
  let detailRemoved = publicTable !== undefined;
  // Where each column of the given table is in the table shown (-1: left out).
  let columnAt = (given?.columns ?? []).map((_, i) => i);
  if (table?.detail) {
    table = undefined;
    detailRemoved = true;
  } else if (table?.columns.some((c) => c.detail)) {
    const keep = table.columns.map((c) => !c.detail);
    let next = 0;
    columnAt = keep.map((k) => (k ? next++ : -1));
    table = {
      ...table,
      columns: table.columns.filter((_, i) => keep[i]),
      rows: table.rows.map((r) => r.filter((_, i) => keep[i])),
      links: table.links && movedLinks(table.links, columnAt),
    };
    detailRemoved = true;
  }
  if (table?.publicTotal !== undefined && table.rows.length > 0)
    table = withTotalRow(table, table.publicTotal);
  let suppressed = false;
  let shown = table;
  if (table) {
    const result = suppressTable(table, threshold);
    shown = result.table;
    suppressed = result.suppressed;
  }
  if (suppressed)
    notes.push(
      `Counts below ${threshold} show as <${threshold}; cells marked – are withheld so they cannot be worked out.`,
    );
  const chart = publicChart(body.chart, threshold, table?.columns.some((c) => c.count) ?? false, (r, c) => {
    const at = columnAt[c] ?? -1;
    const value = table?.rows[r]?.[at];
    return at >= 0 && typeof value === 'number' && shown?.rows[r]?.[at] === value;
  });
  if (chart.blanked) notes.push('The chart leaves blank what is withheld.');
  if (detailRemoved)
    notes.push('Row-level detail is shown only privately: run the command with private:true.');
  else if (body.chart && !chart.chart)
    notes.push('The chart is shown only privately: run the command with private:true.');
  const summary = [(publicSummary ?? body.summary).replace('{total}', totalText(shown)), ...notes]
    .filter(Boolean)
    .join('\n');
  return { ...rest, summary, table: withoutLinks(shown), chart: chart.chart };
}

/** The answer as its audience may see it: everything when private, else the public view. */
export function viewFor(body: ReplyBody, answerPrivate: boolean, threshold: number): ReplyBody {
  if (!answerPrivate) return publicView(body, threshold);
  const shown = { ...body };
  delete shown.publicSummary;
  delete shown.publicTable;
  return shown;
}

/** Links over the columns left once detail columns are taken out: sums over a column left out go. */
function movedLinks(links: TableLinks, columnAt: number[]): TableLinks {
  const move = (c: CellRef): CellRef | undefined => {
    if (typeof c === 'number') return c;
    const at = columnAt[c[1]] ?? -1;
    return at < 0 ? undefined : [c[0], at];
  };
  const sums = links.sums.flatMap((s) => {
    const parts = s.parts.map(move);
    const total = move(s.total);
    return total === undefined || parts.some((p) => p === undefined)
      ? []
      : [{ parts: parts as CellRef[], total }];
  });
  const headline = (links.headline ?? []).flatMap(([r, c]) => {
    const at = columnAt[c] ?? -1;
    return at < 0 ? [] : [[r, at] as const];
  });
  return { ...links, sums, headline };
}

/** The counts behind a table's links are not the public's: the table shown (and stored for its pages) drops them. */
function withoutLinks(table: ReplyTable | undefined): ReplyTable | undefined {
  if (!table?.links) return table;
  const shown = { ...table };
  delete shown.links;
  return shown;
}

/** The table with a last row holding each count column's sum. */
function withTotalRow(table: ReplyTable, label: string): ReplyTable {
  const total: Cell[] = table.columns.map((c, i) =>
    i === 0
      ? label
      : c.count
        ? table.rows.reduce((n, r) => n + (typeof r[i] === 'number' ? r[i] : 0), 0)
        : null,
  );
  return { ...table, rows: [...table.rows, total], totalRow: true };
}

/**
 * The table's total as shown: its first headline cell, else the total row's (or only row's) total column,
 * else its first count.
 */
function totalText(table: ReplyTable | undefined): string {
  if (!table) return '0';
  const [headline] = table.links?.headline ?? [];
  if (headline) {
    const cell = table.rows[headline[0]]?.[headline[1]];
    return typeof cell === 'number' ? cell.toLocaleString('en-US') : (cell ?? '0');
  }
  const row = table.totalRow ? table.rows.length - 1 : table.rows.length === 1 ? 0 : -1;
  const totalCol = table.columns.findIndex((c) => c.count && c.total);
  const col = totalCol >= 0 ? totalCol : table.columns.findIndex((c) => c.count);
  const cell = table.rows[row]?.[col];
  return typeof cell === 'number' ? cell.toLocaleString('en-US') : (cell ?? '0');
}

/** The chart with the values a public answer may not show left blank, or none. */
function publicChart(
  chart: ReplyChart | undefined,
  threshold: number,
  tableHasCounts: boolean,
  cellShown: (r: number, c: number) => boolean,
): { chart?: ReplyChart; blanked: boolean } {
  if (!chart) return { blanked: false };
  const { cells, basis } = chart;
  if (!cells && !basis) return tableHasCounts ? { blanked: false } : { chart, blanked: false };
  let blanked = false;
  const datasets = chart.config.data.datasets.map((d, i) => ({
    ...d,
    data: d.data.map((v, j) => {
      const at = cells?.[i]?.[j];
      const n = basis?.[i]?.[j] ?? 0;
      // Tied to a cell, the value goes with it; describing a few people, it goes too (both may apply).
      const keep =
        (!cells || (at !== null && at !== undefined && cellShown(...at))) &&
        (!basis || !isSmallCount(n, threshold));
      if (keep || v === null) return v;
      blanked = true;
      return null;
    }),
  }));
  const config = { ...chart.config, data: { ...chart.config.data, datasets } };
  if (blanked) config.options = titled(config.options, ' (blank: withheld to protect small counts)');
  return { chart: { ...chart, config }, blanked };
}

/** Chart.js options with a note added to the title. */
function titled(options: Record<string, unknown> | undefined, note: string): Record<string, unknown> {
  const plugins = (options?.plugins ?? {}) as { title?: { text?: string } };
  const title = plugins.title ?? {};
  return { ...options, plugins: { ...plugins, title: { ...title, text: `${title.text ?? ''}${note}` } } };
}

/**
 * The states of a table's count cells after suppression, and the table as a public answer shows it. The
 * published sums: each row's total column, and each section's column sums in the total row.
 */
export function suppressTable(
  table: ReplyTable,
  threshold: number,
): { table: ReplyTable; states: (CellState | undefined)[][]; suppressed: boolean } {
  const counts = table.columns.flatMap((c, i) => (c.count ? [i] : []));
  const totalCol = table.columns.findIndex((c) => c.count && c.total);
  const last = table.totalRow ? table.rows.length - 1 : -1;
  const at = new Map<string, number>();
  const where: [number, number][] = [];
  const values: number[] = [];
  for (const [r, row] of table.rows.entries())
    for (const c of counts) {
      const v = row[c];
      if (typeof v !== 'number') continue;
      at.set(`${r},${c}`, values.length);
      where.push([r, c]);
      values.push(v);
    }
  const id = (r: number, c: number) => at.get(`${r},${c}`);
  const sums: Sum[] = [];
  const add = (parts: (number | undefined)[], total: number | undefined) => {
    if (parts.length > 0 && total !== undefined && parts.every((p) => p !== undefined))
      sums.push({ parts: parts as number[], total });
  };
  if (totalCol >= 0)
    for (const r of table.rows.keys())
      add(
        counts.filter((c) => c !== totalCol).map((c) => id(r, c)),
        id(r, totalCol),
      );
  if (last >= 0)
    for (const c of counts) {
      let start = 0;
      for (const size of table.sections ?? [last]) {
        add(
          Array.from({ length: size }, (_, k) => id(start + k, c)),
          id(last, c),
        );
        start += size;
      }
    }
  const links = table.links;
  const extra = values.length;
  if (links) {
    values.push(...links.unpublished);
    const ref = (c: CellRef) => (typeof c === 'number' ? extra + c : id(c[0], c[1]));
    for (const s of links.sums) add(s.parts.map(ref), ref(s.total));
  }
  const headline = new Set((links?.headline ?? []).map(([r, c]) => id(r, c)));
  // The headline total is hidden last, then the other totals, then cells.
  const flat = protect(
    values,
    sums,
    threshold,
    (i) =>
      headline.has(i)
        ? 2
        : Number(where[i]?.[0] === last) + Number(where[i]?.[1] === totalCol || totalCol < 0),
    { unpublished: links?.unpublished.map((_, k) => extra + k) },
  );
  const states: (CellState | undefined)[][] = table.rows.map((row, r) =>
    row.map((_, c) => {
      const i = id(r, c);
      return i === undefined ? undefined : flat[i];
    }),
  );
  const withheld = (s: CellState | undefined) => s === 'small' || s === 'hidden';
  // The table's own cells: counts it never shows are withheld whatever the data.
  const suppressed = flat.slice(0, extra).some(withheld);
  const names = table.columns.map((c) => c.name);
  const shownRows: Cell[][] = table.rows.map((row, r) =>
    row.map((cell, c) => {
      const column = table.columns[c];
      // A share of the total, or a median of a few people, would give the withheld counts away.
      if (column?.derived === 'share' && suppressed) return '–';
      if (column?.derived === 'row') {
        const basis = column.of ? column.of.map((n) => names.indexOf(n)) : counts;
        if (basis.some((b) => withheld(states[r]?.[b]))) return '–';
      }
      const s = states[r]?.[c];
      return s === undefined || s === 'shown' || typeof cell !== 'number'
        ? cell
        : cellText(cell, s, threshold);
    }),
  );
  return { table: { ...table, rows: shownRows }, states, suppressed };
}
