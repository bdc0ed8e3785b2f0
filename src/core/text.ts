/* eslint-disable no-control-regex -- matching control characters is this module's job */
/**
 * Text a person typed, made safe to echo (in a terminal, in a Discord message) and to store.
 *
 * A value such as `name:"\x1b]0;owned\x07Lee"` must not retitle the terminal that prints an error about it,
 * `\u202e` must not turn what follows it around, and half of a surrogate pair must not reach a JSON column.
 */

/**
 * A complete terminal control sequence, removed whole so that its parameters are not left behind as
 * litter: CSI (`ESC [` or U+009B, parameters, a final byte), and the string sequences OSC, DCS, SOS, PM and
 * APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` or their one-byte forms) up to BEL or ST (`ESC \` or
 * U+009C). Of an incomplete one only the control characters go, so no printable text is lost.
 */
const SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^]*?(?:\x07|\x1b\\|\x9c)/g;

/** Control characters that stand for white space: they become one space, so words stay apart. */
const SPACING_CONTROL = /[\t\n\v\f\r\x85]/g;

/**
 * Every other C0 and C1 control character, DEL, and the bidirectional formatting characters: embeddings,
 * overrides and isolates, and the marks (LRM, RLM, ALM).
 */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * One line of text with no control characters: escape sequences and C0/C1 controls removed (tab and line
 * breaks become a space), bidirectional formatting characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
 * U+061C) removed, and a lone surrogate replaced by U+FFFD. Anything else, including every printable character, is kept as it is.
 */
export function sanitizeText(text: string): string {
  // Surrogates first: removing a control between two halves must not join them into a pair.
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(SEQUENCE, '')
    .replace(SPACING_CONTROL, ' ')
    .replace(CONTROL, '');
}

/** Several lines, each sanitized as by sanitizeText; the line breaks themselves (`\n`, `\r\n`) are kept. */
export function sanitizeLines(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((part, i) => (i % 2 === 1 ? part : sanitizeText(part)))
    .join('');
}

/**
 * What Discord would read as markup in text outside a code block: emphasis, strike-through, spoilers and code
 * (`* _ ~ | \``), mentions, channels, emoji and timestamps (`<…>`), masked links (`[…](…)`), `@everyone`,
 * a link's `://`, and what starts a heading, quote or list after a line break or a space (`# > - +`, `1.`).
 * An underscore inside a word (ROLE_PHI_IDS) is left as it is: Discord does not read it as emphasis.
 */
const MARKUP = /[\\*~`|<[\]@]|_|:(?=\/\/)|(?<=^|\s)[-#>+]|(?<=^|\s)\d+\.(?=\s|$)/g;

/** What Discord's emphasis rule counts as a word character on each side of an underscore. */
const WORD = /[A-Za-z0-9]/;

function escapeMarkup(text: string): string {
  return text.replace(MARKUP, (m: string, at: number) => {
    if (m === '_') return WORD.test(text[at - 1] ?? '') && WORD.test(text[at + 1] ?? '') ? m : '\\_';
    return m.length > 1 ? `${m.slice(0, -1)}\\.` : `\\${m}`;
  });
}

/**
 * One line of text from the data or from a member, as Discord shows it literally: cleaned as by sanitizeText,
 * then every character Discord would read as markup escaped with a backslash (Discord shows the character and
 * hides the backslash). A masked link, a mention, a spoiler or a timestamp in a name reads as typed, is not
 * clickable and renders no pill. Escaping adds characters and never cuts text.
 *
 * `mentions`: user ids the text names on purpose as `<@id>` (the audit trail's actor), kept as mentions.
 */
export function discordText(text: string, mentions: readonly string[] = []): string {
  return keepIntended(escapeMarkup(sanitizeText(text)), mentions);
}

/**
 * Several lines, each as by discordText; the line breaks are kept. `links`: addresses the bot made itself,
 * written `<url>` in the text, kept clickable (never one from the data or a member).
 */
export function discordLines(
  text: string,
  mentions: readonly string[] = [],
  links: readonly string[] = [],
): string {
  let out = keepIntended(escapeMarkup(sanitizeLines(text)), mentions);
  for (const url of links) out = out.replaceAll(escapeMarkup(`<${url}>`), `<${url}>`);
  return out;
}

/**
 * The wanted mentions back from their escaped form, and an option's name between backticks (\`window\`) back
 * as inline code: neither can hold markup.
 */
function keepIntended(escaped: string, mentions: readonly string[]): string {
  let out = escaped.replace(/(?<!\\)\\`([A-Za-z][\w-]*)\\`/g, '`$1`');
  for (const id of mentions) if (/^\d+$/.test(id)) out = out.replaceAll(`\\<\\@${id}>`, `<@${id}>`);
  return out;
}
