import type { Reply } from '../core/reply.ts';
import { sanitizeLines } from '../core/text.ts';
import { renderListPages, renderTablePages } from '../render/table.ts';

/** Discord's limit on a message's content. */
export const CONTENT_LIMIT = 2000;
const SUMMARY_LIMIT = 700;
const LINE_WIDTH = 100;

/**
 * The content of each page of a reply: bold title, summary, the table page in a code block, and the
 * footer as subtext with the page number. Every page fits in one message. A table with clinical columns
 * is laid out as a list that wraps instead: a fixed-width code block would cut its text. Text echoed from
 * the member's options or from the data is cleaned as the terminal cleans it (no control characters, no
 * lone surrogates).
 */
export function replyPages(reply: Reply): string[] {
  return pagesOf(reply).map(sanitizeLines);
}

function pagesOf(reply: Reply): string[] {
  const summary =
    reply.summary.length > SUMMARY_LIMIT ? `${reply.summary.slice(0, SUMMARY_LIMIT - 1)}…` : reply.summary;
  const head = `**${reply.title}**\n${summary}`;
  const foot = (page: number, of: number) => `-# ${reply.footer}${of > 1 ? ` · page ${page} of ${of}` : ''}`;
  if (!reply.table || reply.table.rows.length === 0)
    return [`${head}\n${foot(1, 1)}`.slice(0, CONTENT_LIMIT)];
  const more = reply.table.totalRows !== undefined && reply.table.totalRows > reply.table.rows.length;
  const MORE = ' · more rows matched than are shown';
  const overhead = head.length + foot(999, 999).length + MORE.length + 2;
  const tables = reply.table.columns.some((c) => c.clinical)
    ? renderListPages(reply.table, { maxChars: CONTENT_LIMIT - overhead })
    : renderTablePages(reply.table, {
        maxChars: CONTENT_LIMIT - overhead,
        fence: true,
        maxLineWidth: LINE_WIDTH,
        maxCellWidth: 40,
      });
  return tables.map((t, i) =>
    `${head}\n${t}\n${foot(i + 1, tables.length)}${more && i === tables.length - 1 ? MORE : ''}`.slice(
      0,
      CONTENT_LIMIT,
    ),
  );
}
