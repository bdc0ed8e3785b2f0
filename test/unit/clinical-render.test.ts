import { describe, expect, it } from 'vitest';
import type { Reply, ReplyTable } from '../../src/core/reply.ts';
import { Random } from '../../dev/seed/random.ts';
import { CONTENT_LIMIT, replyPages } from '../../src/discord/message.ts';
import { renderListPages, renderTablePages } from '../../src/render/table.ts';

const LONG = 'Amoxicillin 500 mg capsule: 2 capsules every 6 hours as needed until 2026-04-01';

const reply = (table: ReplyTable): Reply => ({
  title: 'Ann Lee (MRN1000042)',
  summary: 'Latest ER treatment: ECG (normal) on 2026-03-10 08:00.',
  table,
  sensitivity: 'phi',
  footer: 'as of 2026-03-10 08:00 America/New_York',
  patientIds: [42],
});

describe('clinical text in Discord', () => {
  it('a one-patient answer is a list with every clinical value whole, not a code block', () => {
    const [page, ...rest] = replyPages(
      reply({
        columns: [{ name: 'field' }, { name: 'value', clinical: true }],
        rows: [
          ['prescription', LONG],
          ['allergy', 'Penicillin: hives and swelling of the lips and tongue (severe)'],
        ],
      }),
    );
    expect(rest).toEqual([]);
    expect(page).toContain(`**prescription**: ${LONG}`);
    expect(page).toContain('**allergy**: Penicillin: hives and swelling of the lips and tongue (severe)');
    expect(page).not.toContain('```');
    expect(page).not.toContain('…');
  });

  it('a table with clinical columns lists each row with the column names, and escapes Discord markdown', () => {
    const [page] = renderListPages(
      {
        columns: [
          { name: 'medication', clinical: true },
          { name: 'dose', clinical: true },
          { name: 'frequency', clinical: true },
          { name: 'prescriber' },
        ],
        rows: [['Insulin_glargine 100 units/mL', '10 units *at night* _then_ more', 'once daily', 'Ann Lee']],
      },
      { maxChars: 2000 },
    );
    expect(page).toBe(
      '- **Insulin_glargine 100 units/mL** · dose: 10 units \\*at night\\* \\_then\\_ more · frequency: once daily · prescriber: Ann Lee',
    );
  });

  it('pages many long rows within the message limit, every row whole on some page (60 random answers)', () => {
    const r = new Random(16);
    for (let n = 0; n < 60; n++) {
      const rows = Array.from({ length: r.int(1, 80) }, (_, i) => [
        `field ${i}`,
        `${i}: ${'dose every six hours '.repeat(r.int(1, n % 10 === 0 ? 120 : 12))}end ${i}`,
      ]);
      const pages = replyPages(
        reply({ columns: [{ name: 'field' }, { name: 'value', clinical: true }], rows }),
      );
      for (const p of pages) expect(p.length).toBeLessThanOrEqual(CONTENT_LIMIT);
      const all = pages.map((p) => p.split('\n').slice(2, -1).join(' ')).join(' ');
      const squash = (s: string) => s.replace(/\s+/g, ' ');
      for (const [field, value] of rows) expect(squash(all)).toContain(squash(`**${field}**: ${value}`));
    }
  });

  it('a fixed-width table shortens only its non-clinical columns', () => {
    const [page] = renderTablePages(
      {
        columns: [{ name: 'prescriber' }, { name: 'medication', clinical: true }],
        rows: [['Dr. Bartholomew Featherstonehaugh-Smythe', LONG]],
      },
      { maxChars: 2000, maxCellWidth: 20, maxLineWidth: 100 },
    );
    expect(page).toContain(LONG);
    expect(page).toMatch(/Dr\. Bartholomew F?e?a?…/);
  });
});
