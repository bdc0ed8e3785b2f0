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

/** Whether each column reads right-aligned: its own `align`, else when every cell is a number. */
function rightAligned({ columns, rows }: ReplyTable): boolean[] {
  return columns.map((c, i) =>
    c.align
      ? c.align === 'right'
      : rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null),
  );
}

const naturalWidths = ({ columns }: ReplyTable, text: string[][]) =>
  columns.map((c, i) => Math.max(len(c.name), ...text.map((r) => len(r[i] ?? ''))));

/** The widest line of the table laid out in full, no cell cut. */
export function naturalLineWidth(table: ReplyTable): number {
  const text = table.rows.map((r) => table.columns.map((_, i) => formatCell(r[i] ?? null)));
  const widths = naturalWidths(table, text);
  return widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
}

export function renderTablePages(table: ReplyTable, opts: TableRenderOptions): string[] {
  const { columns, rows } = table;
  const text = rows.map((r) => columns.map((_, i) => formatCell(r[i] ?? null)));
  const right = rightAligned(table);
  const natural = naturalWidths(table, text);
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

  const size = (lines: string[]) =>
    fence.open.length + fence.close.length + [...head, ...lines].join('\n').length;
  const pages = packPages(
    body.map((l) => [l]),
    (lines) => size(lines) <= opts.maxChars,
  ).map((p) => p.join('\n'));
  return pages.map((p) => `${fence.open}${[...head, ...(p ? [p] : [])].join('\n')}${fence.close}`);
}

/**
 * A table too wide for a phone as one block per row, in a code block no wider than `lineWidth`: the row's
 * first cell on a line of its own, then each other column's name and value on an indented line, names and
 * numbers aligned. A value too long for its line wraps onto the next ones, whole: nothing is cut. Blocks
 * are split into pages of at most `maxChars`, a block kept on one page where it fits.
 */
export function renderBlockPages(table: ReplyTable, opts: { maxChars: number; lineWidth: number }): string[] {
  const { columns, rows } = table;
  const right = rightAligned(table);
  const names = columns.slice(1).map((c) => formatCell(c.name));
  const nameWidth = Math.min(Math.max(0, ...names.map(len)), Math.floor(opts.lineWidth / 2));
  const text = rows.map((r) => columns.map((_, i) => formatCell(r[i] ?? null)));
  const numberWidth = Math.max(
    0,
    ...text.flatMap((r) =>
      r
        .slice(1)
        .filter((_, i) => right[i + 1])
        .map(len),
    ),
  );
  const indent = '  ';
  const valueAt = indent.length + nameWidth + GAP.length;
  const room = Math.max(MIN_WIDTH, opts.lineWidth - valueAt);
  const blocks = text.map((r) => [
    ...wrap(r[0] ?? '-', opts.lineWidth),
    ...names.flatMap((name, i) => {
      const value = r[i + 1] ?? '-';
      const lines = wrap(right[i + 1] ? padStart(value, Math.min(numberWidth, room)) : value, room);
      const label = wrap(name, nameWidth);
      return [
        ...label.slice(0, -1).map((l) => `${indent}${l}`),
        ...lines.map((l, j) =>
          `${indent}${padEnd(j === 0 ? (label.at(-1) ?? '') : '', nameWidth)}${GAP}${l}`.trimEnd(),
        ),
      ];
    }),
  ]);
  const open = '```\n';
  const close = '\n```';
  const fits = (lines: string[]) => open.length + close.length + lines.join('\n').length <= opts.maxChars;
  // A block longer than a page (it never is at the sizes we send) goes line by line.
  const chunks = blocks.flatMap((b) => (fits(b) ? [b] : b.map((l) => [l])));
  return packPages(chunks, fits).map((p) => `${open}${p.join('\n')}${close}`);
}

/** Text in lines of at most `width` code points, broken at spaces where possible, never cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = [...text];
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const at = space > 0 ? space : width;
    lines.push(rest.slice(0, at).join('').trimEnd());
    rest = rest.slice(at);
    while (rest[0] === ' ') rest = rest.slice(1);
  }
  return [...lines, rest.join('')];
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
  return packPages(
    lines.flatMap((l) => split(l, opts.maxChars)).map((l) => [l]),
    (ls) => ls.join('\n').length <= opts.maxChars,
  ).map((p) => p.join('\n'));
}

/**
 * Chunks of lines packed in order into pages, each page as many whole chunks as `fits` accepts (a chunk
 * alone is taken even when it does not fit); always at least one page, empty when there is nothing.
 */
function packPages(chunks: readonly string[][], fits: (lines: string[]) => boolean): string[][] {
  const pages: string[][] = [];
  let current: string[] = [];
  for (const chunk of chunks) {
    if (current.length > 0 && !fits([...current, ...chunk])) {
      pages.push(current);
      current = [];
    }
    current.push(...chunk);
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
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
