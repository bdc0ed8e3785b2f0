import { describe, expect, it } from 'vitest';
import { discordLines, discordText, sanitizeLines, sanitizeText } from '../../src/core/text.ts';
import { Random } from '../../dev/seed/random.ts';

const SPACING = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85]);
const isControl = (u: number) => u <= 0x1f || (u >= 0x7f && u <= 0x9f);
const isBidi = (u: number) =>
  (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || [0x061c, 0x200e, 0x200f].includes(u);
const isSurrogate = (u: number) => u >= 0xd800 && u <= 0xdfff;

/** Whatever sanitizeText returns: no control, no bidi override or isolate, no lone surrogate. */
function assertClean(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    const where = `${JSON.stringify(s)} at ${i}`;
    expect(isControl(u), where).toBe(false);
    expect(isBidi(u), where).toBe(false);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      expect(next >= 0xdc00 && next <= 0xdfff, where).toBe(true);
      i++;
    } else {
      expect(u >= 0xdc00 && u <= 0xdfff, where).toBe(false);
    }
  }
}

describe('sanitizeText', () => {
  // Between two non-ASCII letters, which cannot continue an escape sequence (a CSI's final byte is ASCII).
  it('for every UTF-16 code unit between two letters, keeps printable ones and removes or replaces the rest', () => {
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      const expected = SPACING.has(u) ? ' ' : isControl(u) || isBidi(u) ? '' : isSurrogate(u) ? '\ufffd' : c;
      const got = sanitizeText(`é${c}é`);
      if (got !== `é${expected}é`) expect(got, `U+${u.toString(16).padStart(4, '0')}`).toBe(`é${expected}é`);
    }
  });

  it('keeps every surrogate pair (each high surrogate, and each low surrogate, in a pair)', () => {
    for (let high = 0xd800; high <= 0xdbff; high++) {
      for (let low = 0xdc00 + (high % 7); low <= 0xdfff; low += 7) {
        const pair = String.fromCharCode(high, low);
        if (sanitizeText(`x${pair}y`) !== `x${pair}y`) expect(sanitizeText(`x${pair}y`)).toBe(`x${pair}y`);
      }
    }
    expect(sanitizeText('Zoë 👩‍⚕️ 🚑 ناصر 李')).toBe('Zoë 👩‍⚕️ 🚑 ناصر 李');
  });

  it.each([
    ['a surrogate pair in the wrong order', '\udc00\ud800', '\ufffd\ufffd'],
    ['two high surrogates before a low one', '\ud83d\ud83d\ude91', '\ufffd🚑'],
    ['a high surrogate at the end', 'Lee\ud83d', 'Lee\ufffd'],
    ['a low surrogate at the start', '\ude91Lee', '\ufffdLee'],
  ])('replaces %s with U+FFFD', (_, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it.each([
    ['a colour (SGR)', '\x1b[1;31mLee\x1b[0m', 'Lee'],
    ['a cursor movement and screen clear', 'Ann\x1b[2J\x1b[10;20HLee', 'AnnLee'],
    ['a private mode (CSI ? 25 l hides the cursor)', '\x1b[?25lLee', 'Lee'],
    ['the one-byte CSI', '\x9b31mLee', 'Lee'],
    ['a window title ended by BEL (OSC 0)', '\x1b]0;pwned\x07Lee', 'Lee'],
    ['a hyperlink ended by ST (OSC 8)', '\x1b]8;;https://evil.example\x1b\\Lee\x1b]8;;\x1b\\', 'Lee'],
    ['a clipboard write (OSC 52) with the one-byte OSC and ST', '\x9d52;c;aGk=\x9cLee', 'Lee'],
    ['the controls of an OSC that never ends, keeping its text', 'Lee\x1b]0;title', 'Lee]0;title'],
    ['the controls of a CSI without its final byte', 'Lee\x1b[31', 'Lee[31'],
    ['a device control string (DCS)', '\x1bPq#0;2;0;0;0\x1b\\Lee', 'Lee'],
    ['an application program command (APC)', '\x1b_payload\x1b\\Lee', 'Lee'],
    ['a lone ESC (full reset, ESC c)', '\x1bcLee', 'cLee'],
    ['a bell', 'Lee\x07\x07', 'Lee'],
    ['a backspace that would hide text', 'Lee\x08\x08\x08Kim', 'LeeKim'],
    ['a NUL and DEL', 'L\x00e\x7fe', 'Lee'],
    ['a right-to-left override (Trojan Source)', 'abc\u202Efed\u202C', 'abcfed'],
    ['isolates', '\u2066L\u2067e\u2068e\u2069', 'Lee'],
    ['bidirectional marks (RLM, LRM, ALM)', 'Lee\u200f (MRN1\u200e2\u061c3)', 'Lee (MRN123)'],
    ['a tab and line breaks', 'chest\tpain\r\nnow\nhere', 'chest pain  now here'],
  ])('removes %s', (_, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('over 5,000 random strings of printable text, controls, escapes and surrogates: clean, idempotent, printable text kept', () => {
    const pieces = [
      'a',
      'Lee',
      ' ',
      'é',
      '李',
      '🚑',
      '\x1b',
      '\x1b[',
      '\x1b]',
      '\x07',
      '\x1b\\',
      '\x9b',
      '\x9c',
      '\x9d',
      '\x85',
      '\n',
      '\r',
      '\t',
      '\x00',
      '\x7f',
      '\u202e',
      '\u2066',
      '\ud83d',
      '\ude91',
      '31m',
      ';',
    ];
    const random = new Random(11);
    for (let n = 0; n < 5_000; n++) {
      const parts = Array.from({ length: random.int(0, 12) }, () => pieces[random.int(0, pieces.length - 1)]);
      const input = parts.join('');
      const out = sanitizeText(input);
      assertClean(out);
      expect(sanitizeText(out)).toBe(out);
      // Without a sequence introducer, nothing printable is lost: only controls go.
      // eslint-disable-next-line no-control-regex
      if (!/[\x1b\x9b\x90\x98\x9d-\x9f]/.test(input)) {
        const printable = [...input].filter((c) => {
          const u = c.charCodeAt(0);
          return !isControl(u) && !isBidi(u) && !(c.length === 1 && isSurrogate(u));
        });
        expect(out.replace(/[ \ufffd]/g, '')).toBe(printable.join('').replace(/ /g, ''));
      }
    }
  });
});

describe('sanitizeLines', () => {
  it('keeps the line breaks and sanitizes each line', () => {
    expect(sanitizeLines('one\x1b[31m\r\ntwo\u202e\nthree\x07')).toBe('one\r\ntwo\nthree');
  });

  it('does not let a sequence run on past the end of its line', () => {
    expect(sanitizeLines('a\x1b]0;title\nb\x07')).toBe('a]0;title\nb');
  });
});

/**
 * Markup Discord would act on: any of its characters not preceded by an escaping backslash. An identifier
 * in backticks is inline code on purpose (an option's name): it can hold no markup.
 */
function liveMarkup(text: string): string[] {
  const s = text.replace(/(?<!\\)`[A-Za-z][\w-]*`/g, (m) => 'c'.repeat(m.length));
  const found: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '\\') {
      i++;
      continue;
    }
    const before = s[i - 1] ?? '';
    const after = s[i + 1] ?? '';
    const lineStart = i === 0 || /\s/.test(before);
    if ('*~`|<[]@'.includes(c)) found.push(`${c} at ${i}`);
    else if (c === '_' && !(/[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after))) found.push(`_ at ${i}`);
    else if (c === ':' && s.startsWith('//', i + 1)) found.push(`:// at ${i}`);
    else if (lineStart && '-#>+'.includes(c)) found.push(`${c} at ${i}`);
  }
  return found;
}

describe('discordText', () => {
  it.each([
    ['a masked link', '[Verify](http://evil.example/x)', '\\[Verify\\](http\\://evil.example/x)'],
    ['a role mention', 'Lee <@&500000000000000006>', 'Lee \\<\\@&500000000000000006>'],
    ['a user mention', '<@123456789012345678>', '\\<\\@123456789012345678>'],
    ['everyone', 'hi @everyone and @here', 'hi \\@everyone and \\@here'],
    ['a spoiler', '||secret||', '\\|\\|secret\\|\\|'],
    ['a timestamp', 'since <t:0:R>', 'since \\<t:0:R>'],
    ['a custom emoji and a channel', '<:x:1> <#2>', '\\<:x:1> \\<#2>'],
    [
      'bold, italics, strike-through and code',
      '**a** *b* _c_ ~~d~~ `e f`',
      '\\*\\*a\\*\\* \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e f\\`',
    ],
    ['underline between letters', 'a__b__c', 'a\\_\\_b\\_\\_c'],
    ['a heading, a quote, a list and subtext', '# h > q - l -# s 1. n', '\\# h \\> q \\- l \\-# s 1\\. n'],
    ['a backslash that would escape the closing bold', 'Lee\\', 'Lee\\\\'],
    ['a right-to-left override before an MRN', 'Smith\u202e (MRN123)', 'Smith (MRN123)'],
    ['a line break that would start a heading', 'a\n# b', 'a \\# b'],
  ])('escapes %s', (_, input, expected) => {
    expect(discordText(input)).toBe(expected);
    expect(liveMarkup(discordText(input))).toEqual([]);
  });

  it.each([
    ['an underscore inside a word', 'ROLE_PHI_IDS'],
    ['hyphens and dots inside words and numbers', 'ESI 1-2, 2026-12-07 at 3.5 mg/mL'],
    ['plain punctuation', 'Lee, Ann (age 34): "ok"; 50% = half!'],
  ])('leaves %s as it is', (_, input) => {
    expect(discordText(input)).toBe(input);
  });

  it('keeps an option name in backticks as inline code, and the mentions it is told to', () => {
    expect(discordLines('Option `window` must be...\n(/er arrivals)')).toBe(
      'Option `window` must be...\n(/er arrivals)',
    );
    expect(discordText('Audit trail (by <@123>), not <@456>', ['123'])).toBe(
      'Audit trail (by <@123>), not \\<\\@456>',
    );
  });

  it('over 5,000 random strings of markup and text: no live markup, and every printable character kept', () => {
    const pieces = [
      'a',
      'Lee',
      ' ',
      '\n',
      '*',
      '_',
      '~',
      '`',
      '|',
      '<',
      '>',
      '@',
      '[',
      ']',
      '(',
      ')',
      ':',
      '/',
    ];
    pieces.push('#', '-', '+', '1.', '\\', 'é', '\u202e', 'http://', '<@&1>', '<t:0>', '||');
    const random = new Random(18);
    for (let n = 0; n < 5_000; n++) {
      const input = Array.from(
        { length: random.int(0, 16) },
        () => pieces[random.int(0, pieces.length - 1)],
      ).join('');
      for (const out of [discordText(input), discordLines(input)]) {
        expect(liveMarkup(out), JSON.stringify(input)).toEqual([]);
        // Dropping each escaping backslash gives back the cleaned text: nothing is cut.
        const shown = out.replace(/\\([^A-Za-z0-9\s])/g, '$1');
        expect(shown).toBe(out === discordText(input) ? sanitizeText(input) : sanitizeLines(input));
      }
    }
  });
});
