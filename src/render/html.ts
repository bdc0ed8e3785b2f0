import type { Cell, Reply, ReplyTable } from '../core/reply.ts';
import { sanitizeLines, sanitizeText } from '../core/text.ts';
import { formatCell } from './table.ts';

/**
 * Replies as HTML for hers-bot's own page (PHI_DELIVERY=link): laid out for a phone first, every value
 * escaped, nothing cut (clinical text whole), no script and nothing fetched from anywhere else.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and quoted attribute values, with control characters removed. */
export function escapeHtml(text: string): string {
  return sanitizeText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const cell = (c: Cell) => escapeHtml(formatCell(c));

/**
 * A table as cards, one per row, each a list of "column: value": a card is as narrow as the screen, where
 * columns side by side would scroll sideways. A two-column table (field, value) is one list.
 */
export function tableHtml(table: ReplyTable): string {
  const { columns, rows } = table;
  if (columns.length === 2) {
    const items = rows.map((r) => `<dt>${cell(r[0] ?? null)}</dt><dd>${cell(r[1] ?? null)}</dd>`);
    return `<dl class="fields">${items.join('')}</dl>`;
  }
  const cards = rows.map((r) => {
    const fields = columns
      .slice(1)
      .map((c, i) => `<dt>${escapeHtml(c.name)}</dt><dd>${cell(r[i + 1] ?? null)}</dd>`);
    return `<li><h2>${cell(r[0] ?? null)}</h2><dl>${fields.join('')}</dl></li>`;
  });
  const more =
    table.totalRows !== undefined && table.totalRows > rows.length
      ? `<p class="note">${rows.length} of ${table.totalRows} rows are shown.</p>`
      : '';
  return `<p class="note">${escapeHtml(columns[0]?.name ?? '')}, then each row's details:</p><ol class="cards">${cards.join('')}</ol>${more}`;
}

/** The reply's content: title, summary (whole: nothing is cut here), table, footer. */
export function replyHtml(reply: Reply): string {
  const summary = sanitizeLines(reply.summary)
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  const table = reply.table && reply.table.rows.length > 0 ? tableHtml(reply.table) : '';
  return `<h1>${escapeHtml(reply.title)}</h1>${summary}${table}<footer>${escapeHtml(reply.footer)}</footer>`;
}

/** A mistake's words (such as several patients matching), as a page. */
export function messageHtml(title: string, message: string): string {
  const lines = sanitizeLines(message)
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return `<h1>${escapeHtml(title)}</h1>${lines}`;
}

/** The page's only style sheet, served by hers-bot itself (the Content-Security-Policy allows nothing else). */
export const PAGE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;padding:12px;font:16px/1.45 system-ui,sans-serif;color:#111;background:#fff;max-width:48rem}
h1{font-size:1.25rem;margin:0 0 .5rem}
h2{font-size:1rem;margin:0 0 .25rem}
p,dd,dt,h1,h2,footer{overflow-wrap:anywhere}
dl{margin:0}
dt{font-weight:600;margin-top:.5rem}
dd{margin:0 0 0 .75rem}
.cards{list-style:none;margin:0;padding:0}
.cards li{border:1px solid #ccc;border-radius:6px;padding:8px;margin:8px 0}
.note,footer{color:#444;font-size:.875rem}
footer{margin-top:1rem}
button{font:inherit;padding:.6rem 1rem;min-height:44px}
`;

/** A whole page: no script, one style sheet of our own, readable at 360 px wide. */
export function pageHtml(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/page.css">
</head><body><main>${body}</main></body></html>
`;
}
