import { describe, expect, it } from 'vitest';
import type { Reply, ReplyTable } from '../../src/core/reply.ts';
import { Random } from '../../dev/seed/random.ts';
import { PHONE_WIDTH, replyPages } from '../../src/discord/message.ts';
import { formatCell, renderTablePages } from '../../src/render/table.ts';
import { readAnswer } from '../e2e/public-answers.ts';
import { sanitizeText } from '../../src/core/text.ts';
import { toCsv } from '../../src/render/csv.ts';

const DISCORD_LIMIT = 2000;

function randomTable(r: Random, columns: number, rows: number, maxLen: number): ReplyTable {
  return {
    columns: Array.from({ length: columns }, (_, i) => ({ name: `column ${i} ${'x'.repeat(r.int(0, 20))}` })),
    rows: Array.from({ length: rows }, () =>
      Array.from({ length: columns }, (_, i) =>
        i % 3 === 1 ? r.int(0, 1_000_000) : 'ab cdé'.repeat(r.int(0, maxLen)),
      ),
    ),
  };
}

describe('renderTablePages', () => {
  it('never exceeds the limit on wide and long tables (300 random tables)', () => {
    const r = new Random(99);
    for (let i = 0; i < 300; i++) {
      const table = randomTable(r, r.int(1, 14), r.int(0, 400), 40);
      const maxChars = r.pick([DISCORD_LIMIT, 1200, 600, 4096]);
      const pages = renderTablePages(table, {
        maxChars,
        fence: true,
        maxLineWidth: r.pick([0, 60, 100]) || undefined,
      });
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages) expect(p.length, `table ${i}`).toBeLessThanOrEqual(maxChars);
      const bodyLines = pages.reduce((n, p) => n + p.split('\n').length - 4, 0);
      expect(bodyLines, `every row is on some page (table ${i})`).toBe(table.rows.length);
    }
  });

  it('right-aligns numbers, cuts long text with an ellipsis, and keeps widths equal across pages', () => {
    const table: ReplyTable = {
      columns: [{ name: 'name' }, { name: 'count' }],
      rows: Array.from({ length: 120 }, (_, i) => [
        `patient with a very long name number ${i} `.repeat(3),
        i * 1000,
      ]),
    };
    const pages = renderTablePages(table, { maxChars: 700, fence: true, maxCellWidth: 20 });
    expect(pages.length).toBeGreaterThan(3);
    const widths = new Set(pages.map((p) => p.split('\n')[1]?.length));
    expect(widths.size).toBe(1);
    const firstRow = pages[0]?.split('\n')[3] ?? '';
    expect(firstRow).toMatch(/^patient with a very…\s+0$/);
    expect(pages[1]?.split('\n')[3]).toMatch(/\s{2}\d{1,3}(,\d{3})*$/);
  });

  it('keeps backticks and newlines from breaking the code block', () => {
    const [page] = renderTablePages(
      { columns: [{ name: 'a' }], rows: [['x```y\nz']] },
      { maxChars: 2000, fence: true },
    );
    expect(page?.match(/```/g)?.length).toBe(2);
    expect(page?.split('\n')).toHaveLength(5);
  });

  it('with no rows, gives one page with the header', () => {
    expect(
      renderTablePages({ columns: [{ name: 'a' }, { name: 'b' }], rows: [] }, { maxChars: 100 }),
    ).toEqual(['a    b\n---  ---']);
  });
});

describe('toCsv', () => {
  it('quotes separators and quotes, and defuses spreadsheet formulas', () => {
    const csv = toCsv({
      columns: [{ name: 'name' }, { name: 'n' }],
      rows: [
        ['Lee, Ann', 3],
        ['say "hi"', null],
        ['=HYPERLINK("x")', -1],
      ],
    });
    expect(csv).toBe('name,n\r\n"Lee, Ann",3\r\n"say ""hi""",\r\n"\'=HYPERLINK(""x"")",-1\r\n');
  });

  // The review's cells: neutralised first and cleaned afterwards, they came out as live formulas.
  it.each([
    ['a C0 control', "\x01=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['an escape sequence', '\x1b[0m=1+1', "'=1+1"],
    ['a right-to-left override', '\u202e=1+1', "'=1+1"],
    ['a C1 control', '\x9b+1', "'+1"],
    ['a tab', '\t@SUM(A1)', "' @SUM(A1)"],
    ['a line break', '\r\n-1+2', "'  -1+2"],
    ['spaces', '  =1+1', "'  =1+1"],
    ['a full-width equals sign', '\uff1d1+1', "'\uff1d1+1"],
  ])('cleans a cell before it neutralises it: %s before a formula', (_, cell, expected) => {
    expect(toCsv({ columns: [{ name: 'x' }], rows: [[cell]] })).toBe(`x\r\n${expected}\r\n`);
  });

  it('for every character sanitizeText removes, in a header or a cell before =, the field starts with a quote', () => {
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      if (sanitizeText(c) !== '') continue;
      const csv = toCsv({ columns: [{ name: `${c}=1` }], rows: [[`${c}=1+1`]] });
      if (csv !== "'=1\r\n'=1+1\r\n") expect(csv, `U+${u.toString(16)}`).toBe("'=1\r\n'=1+1\r\n");
    }
  });
});

/** The lines inside the code blocks of a message. */
const codeLines = (page: string) =>
  page
    .split('```')
    .filter((_, i) => i % 2 === 1)
    .flatMap((block) => block.split('\n').filter((l) => l !== ''));

describe('Discord replies on a phone', () => {
  const reply = (table: ReplyTable): Reply => ({
    title: 'Flow',
    summary: 'Visits by triage level.',
    table,
    sensitivity: 'aggregate',
    footer: 'last 7 days',
    patientIds: [],
  });
  const wide: ReplyTable = {
    columns: [
      { name: 'triage' },
      ...['visits', 'LWBS', 'to treatment med min', 'to treatment p90 min', 'stay discharged med h'].map(
        (name) => ({ name, align: 'right' as const }),
      ),
      { name: 'reason' },
    ],
    rows: [
      ['ESI 1', 83, 0, 5.1, 10.7, 6.6, 'fall from a ladder while cleaning the gutters of a two-storey house'],
      ['all', 1_954, 19, 43.7, 93.8, 3.9, '-'],
    ],
  };

  it('a table wider than 56 characters is one block per row: no code-block line over 56, every value whole', () => {
    const pages = replyPages(reply(wide));
    expect(pages).toHaveLength(1);
    const lines = codeLines(pages[0] ?? '');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(lines.slice(0, 3)).toEqual([
      'ESI 1',
      '  visits                    83',
      '  LWBS                       0',
    ]);
    const read = readAnswer(pages[0] ?? '');
    expect(read.header).toEqual(['', ...wide.columns.slice(1).map((c) => c.name)]);
    expect(read.rows).toEqual(wide.rows.map((r) => r.map((c) => formatCell(c))));
  });

  it('a table that fits stays a table, no cell cut', () => {
    const narrow: ReplyTable = {
      columns: [{ name: 'department' }, { name: 'visits', align: 'right' }],
      rows: [['a department with a name of forty-five letters', 12]],
    };
    const lines = codeLines(replyPages(reply(narrow))[0] ?? '');
    expect(lines).toEqual([
      'department                                      visits',
      '----------------------------------------------  ------',
      'a department with a name of forty-five letters      12',
    ]);
  });
});
