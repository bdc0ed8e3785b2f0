import type { Cell, ReplyTable } from '../core/reply.ts';
import { sanitizeText } from '../core/text.ts';

/**
 * RFC 4180 CSV, the one function both front ends export with (Discord's CSV button, the terminal's --csv).
 * Each cell is cleaned first (sanitizeText: no control characters, escape sequences or bidirectional
 * overrides, one line) and only then neutralised, so that nothing removed afterwards can uncover a formula:
 * a cell whose first character other than spaces is one a spreadsheet runs as a formula (= + - @, or their
 * full-width forms) is prefixed with a quote character, so opening the file cannot execute anything.
 */
export function toCsv(table: ReplyTable): string {
  const lines = [
    table.columns.map((c) => c.name),
    ...table.rows.map((r) => table.columns.map((_, i) => r[i] ?? null)),
  ];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const FORMULA = /^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const clean = sanitizeText(cell);
  const safe = FORMULA.test(clean) ? `'${clean}` : clean;
  return /[",]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
