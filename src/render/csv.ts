import type { ReplyTable } from '../core/reply.ts';

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a
 * quote character so opening the file cannot execute anything.
 */
export function toCsv(table: ReplyTable): string {
  const lines = [
    table.columns.map((c) => c.name),
    ...table.rows.map((r) => table.columns.map((_, i) => r[i] ?? null)),
  ];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
