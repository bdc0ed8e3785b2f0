import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { escapeHtml, messageHtml, pageHtml, replyHtml } from '../../src/render/html.ts';

/** The page of PHI_DELIVERY=link: every value escaped, nothing cut, no script. */
const reply = (over: Partial<Reply> = {}): Reply => ({
  title: 'Lee, Ann (MRN0001)',
  summary: 'Latest ER treatment: Medication.',
  footer: 'as of 2026-12-07 14:00',
  sensitivity: 'phi',
  patientIds: [1],
  ...over,
});

describe('escapeHtml', () => {
  it('with markup, quotes and control characters, leaves only inert text', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'\u0007`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });
});

describe('replyHtml', () => {
  it('with markup in the title, a cell and a column name, shows it as text', () => {
    const html = replyHtml(
      reply({
        title: '<img src=x onerror=alert(1)>',
        table: {
          columns: [{ name: '<b>name</b>' }, { name: 'drug', clinical: true }, { name: 'n' }],
          rows: [['<i>Lee</i>', '"><script>', 3]],
        },
      }),
    );
    expect(html).not.toMatch(/<(img|script|i|b)[\s>]/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;name&lt;/b&gt;');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('with clinical text and a summary longer than a Discord message allows, keeps both whole', () => {
    const dose = `${'amoxicillin 500 mg capsule: 1 capsule by mouth every 8 hours '.repeat(8)}until 2026-12-31`;
    const summary = 'word '.repeat(400).trim();
    const html = replyHtml(
      reply({
        summary,
        table: {
          columns: [{ name: 'field' }, { name: 'value', clinical: true }],
          rows: [['prescription', dose]],
        },
      }),
    );
    expect(html).toContain(escapeHtml(dose));
    expect(html).toContain(summary);
    expect(html).not.toContain('…');
  });

  it('with several columns, lays each row out as a card of its own, not a wide table', () => {
    const html = replyHtml(
      reply({
        table: {
          columns: [{ name: 'patient' }, { name: 'visits', align: 'right' }, { name: 'last' }],
          rows: [
            ['Lee, Ann', 4, '2026-12-01'],
            ['Kim, Bo', 3, null],
          ],
          totalRows: 9,
        },
      }),
    );
    expect(html).not.toContain('<table');
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain('<dt>visits</dt><dd>4</dd>');
    expect(html).toContain('2 of 9 rows are shown');
  });
});

describe('pageHtml', () => {
  it('has no script, loads only our own style sheet, and fits the phone viewport', () => {
    const page = pageHtml(
      'A <title>',
      messageHtml('Several patients match', 'Lee, Ann (MRN1)\nLee, Bo (MRN2)'),
    );
    expect(page).not.toContain('<script');
    expect(page.match(/(?:href|src)="([^"]*)"/g)).toEqual(['href="/assets/page.css"']);
    expect(page).toContain('width=device-width');
    expect(page).toContain('<title>A &lt;title&gt;</title>');
    expect(page).toContain('<p>Lee, Bo (MRN2)</p>');
  });
});
