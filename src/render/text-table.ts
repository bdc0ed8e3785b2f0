/** Monospace text tables: numbers right-aligned, text left-aligned, a rule under the header. */
export type TableCell = string | number | null;

export interface TableColumn {
  name: string;
  align?: 'left' | 'right';
}

export function renderTextTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
): string {
  const text = rows.map((row) => columns.map((_, i) => formatCell(row[i] ?? null)));
  const align = columns.map(
    (c, i) =>
      c.align ??
      (rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null) ? 'right' : 'left'),
  );
  const widths = columns.map((c, i) => Math.max(c.name.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.name)), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join(
    '\n',
  );
}

function formatCell(cell: TableCell): string {
  if (cell === null) return '-';
  if (typeof cell === 'number')
    return Number.isInteger(cell) ? cell.toLocaleString('en-US') : cell.toFixed(1);
  return cell;
}
