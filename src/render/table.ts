import type { Cell, ReplyTable } from '../core/reply.ts';
import { discordText } from '../core/text.ts';

/**
 * Monospace tables for Discord messages and terminals: numbers right-aligned, long cells cut with an
 * ellipsis, and rows split into pages so no page is longer than `maxChars` (code fence included).
 * Column widths are the same on every page. Clinical columns are never cut: only the others shrink.
 */
export interface TableRenderOptions {
  /** The most characters one page may take, fence and all. */
  maxChars: number;
  /** Wrap each page in a ``` code block (Discord). */
  fence?: boolean;
  /** The widest a cell may be before it is cut. */
  maxCellWidth?: number;
  /** The widest a line may be; wide tables cut their widest columns first. */
  maxLineWidth?: number;
}

const GAP = '  ';
const MIN_WIDTH = 3;

export function formatCell(cell: Cell): string {
  if (cell === null) return '-';
  if (typeof cell === 'number')
    return Number.isInteger(cell)
      ? cell.toLocaleString('en-US')
      : cell.toLocaleString('en-US', { maximumFractionDigits: 2 });
  // Keep one line per row, and no backticks that could close the code block.
  return cell.replace(/[\r\n\t]+/g, ' ').replace(/`/g, "'");
}

function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

const len = (s: string) => [...s].length;
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - len(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - len(s))) + s;

export function renderTablePages(table: ReplyTable, opts: TableRenderOptions): string[] {
  const { columns, rows } = table;
  const text = rows.map((r) => columns.map((_, i) => formatCell(r[i] ?? null)));
  const right = columns.map((c, i) =>
    c.align
      ? c.align === 'right'
      : rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null),
  );
  const natural = columns.map((c, i) => Math.max(len(c.name), ...text.map((r) => len(r[i] ?? ''))));
  const fence = opts.fence ? { open: '```\n', close: '\n```' } : { open: '', close: '' };

  const clinical = columns.map((c) => c.clinical === true);
  let widths = natural.map((w, i) =>
    clinical[i] ? w : Math.max(MIN_WIDTH, Math.min(w, opts.maxCellWidth ?? 40)),
  );
  const lineWidth = (ws: number[]) => ws.reduce((a, b) => a + b, 0) + GAP.length * (ws.length - 1);
  const fits = (ws: number[]) => {
    const line = lineWidth(ws);
    // A page must hold the header, the rule and at least one row.
    return (
      (opts.maxLineWidth === undefined || line <= opts.maxLineWidth) &&
      fence.open.length + fence.close.length + 3 * (line + 1) <= opts.maxChars
    );
  };
  while (!fits(widths)) {
    const shrinkable = widths.map((w, i) => (clinical[i] ? 0 : w));
    const widest = shrinkable.indexOf(Math.max(...shrinkable));
    if ((shrinkable[widest] ?? 0) <= MIN_WIDTH) break;
    widths = widths.map((w, i) => (i === widest ? w - 1 : w));
  }

  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const w = widths[i] ?? MIN_WIDTH;
        const v = cut(c, w);
        return right[i] ? padStart(v, w) : padEnd(v, w);
      })
      .join(GAP)
      .trimEnd();
  const head = [line(columns.map((c) => c.name)), widths.map((w) => '-'.repeat(w)).join(GAP)];
  const body = text.map(line);

  const pages: string[] = [];
  let current: string[] = [];
  const size = (lines: string[]) =>
    fence.open.length + fence.close.length + [...head, ...lines].join('\n').length;
  for (const l of body) {
    if (current.length > 0 && size([...current, l]) > opts.maxChars) {
      pages.push(current.join('\n'));
      current = [];
    }
    current.push(l);
  }
  if (current.length > 0 || pages.length === 0) pages.push(current.join('\n'));
  return pages.map((p) => `${fence.open}${[...head, ...(p ? [p] : [])].join('\n')}${fence.close}`);
}

/**
 * A table as a list in Discord markdown, for answers whose text must never be cut (clinical columns): one
 * line per row that wraps as the reader's screen allows, "**field**: value" for two columns, else the first
 * cell in bold and "name: value" for the others. Every cell and column name is escaped (discordText): a
 * masked link, mention or spoiler in the data reads as typed. Rows are split into pages of at most `maxChars`; a row longer than a
 * page carries on at the top of the next page, whole.
 */
export function renderListPages(table: ReplyTable, opts: { maxChars: number }): string[] {
  const { columns, rows } = table;
  const cell = (c: Cell) => discordText(formatCell(c));
  const lines = rows.map((r) =>
    columns.length === 2
      ? `**${cell(r[0] ?? null)}**: ${cell(r[1] ?? null)}`
      : [
          `- **${cell(r[0] ?? null)}**`,
          ...columns.slice(1).map((c, i) => `${discordText(c.name)}: ${cell(r[i + 1] ?? null)}`),
        ].join(' · '),
  );
  const pages: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => split(l, opts.maxChars))) {
    if (current !== '' && current.length + 1 + line.length > opts.maxChars) {
      pages.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '' || pages.length === 0) pages.push(current);
  return pages;
}

/** A line in pieces of at most `max` characters, broken at spaces where possible. */
function split(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    // Not between an escaping backslash and the character it escapes.
    const at = space > 0 ? space : /(?<!\\)(\\\\)*\\$/.test(rest.slice(0, max)) ? max - 1 : max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  return [...pieces, rest];
}
