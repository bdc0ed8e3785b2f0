import type { Reply } from '../core/reply.ts';
import { discordLines, discordText, sanitizeLines } from '../core/text.ts';
import { naturalLineWidth, renderBlockPages, renderListPages, renderTablePages } from '../render/table.ts';

/** Discord's limit on a message's content. */
export const CONTENT_LIMIT = 2000;
const SUMMARY_LIMIT = 700;
/** The widest code-block line a phone in portrait shows without scrolling sideways. */
export const PHONE_WIDTH = 56;

/**
 * The content of each page of a reply: bold title, summary, the table page in a code block, and the
 * footer as subtext with the page number. Every page fits in one message. A table with clinical columns
 * is laid out as a list that wraps instead: a fixed-width code block would cut its text. A table wider than
 * PHONE_WIDTH is laid out one block per row (renderBlockPages), so no code-block line is wider. Every value from
 * the data or from the member's options is escaped here, once (discordText): the title, summary and footer
 * whole, list cells in renderListPages; in the code block nothing is markup but a backtick, which
 * formatCell replaces. Nothing is left that Discord would draw as a link, mention, spoiler or timestamp.
 */
export function replyPages(reply: Reply): string[] {
  return pagesOf(reply).map(sanitizeLines);
}

/** A message for the member (a mistake, a refusal) that may quote their options or the data, escaped. */
export function messageText(text: string): string {
  return discordLines(text).slice(0, CONTENT_LIMIT);
}

function pagesOf(reply: Reply): string[] {
  const summary =
    reply.summary.length > SUMMARY_LIMIT ? `${reply.summary.slice(0, SUMMARY_LIMIT - 1)}…` : reply.summary;
  const head = `**${discordText(reply.title, reply.mentions)}**\n${discordLines(summary)}`;
  const footer = discordText(reply.footer);
  const foot = (page: number, of: number) => `-# ${footer}${of > 1 ? ` · page ${page} of ${of}` : ''}`;
  if (!reply.table || reply.table.rows.length === 0)
    return [`${head}\n${foot(1, 1)}`.slice(0, CONTENT_LIMIT)];
  const more = reply.table.totalRows !== undefined && reply.table.totalRows > reply.table.rows.length;
  const MORE = ' · more rows matched than are shown';
  const overhead = head.length + foot(999, 999).length + MORE.length + 2;
  const tables = reply.table.columns.some((c) => c.clinical)
    ? renderListPages(reply.table, { maxChars: CONTENT_LIMIT - overhead })
    : naturalLineWidth(reply.table) > PHONE_WIDTH
      ? renderBlockPages(reply.table, { maxChars: CONTENT_LIMIT - overhead, lineWidth: PHONE_WIDTH })
      : renderTablePages(reply.table, {
          maxChars: CONTENT_LIMIT - overhead,
          fence: true,
          maxLineWidth: PHONE_WIDTH,
          maxCellWidth: PHONE_WIDTH,
        });
  return tables.map((t, i) =>
    `${head}\n${t}\n${foot(i + 1, tables.length)}${more && i === tables.length - 1 ? MORE : ''}`.slice(
      0,
      CONTENT_LIMIT,
    ),
  );
}
