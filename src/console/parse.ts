import { UserError } from '../core/errors.ts';
import { sanitizeText } from '../core/text.ts';
import { subcommandNames, type Command } from '../runner/command.ts';
import type { Invocation } from '../runner/invocation.ts';
import type { LeafOption } from '../runner/options.ts';

export { subcommandNames };

/** The options a (sub)command declares, from the same specs as its slash definition and validation. */
export function declaredOptions(command: Command, subcommand: string): readonly LeafOption[] {
  return command.subcommands.get(subcommand)?.leaves ?? [];
}

/** Longer than any command line needs (every text option is at most a few hundred characters). */
export const MAX_LINE_CHARS = 4_000;

/** A line too long to answer, described by its length and its first characters, never echoed whole. */
function tooLong(line: string): string {
  const start = sanitizeText([...line.slice(0, 200)].slice(0, 60).join(''));
  return `This line is ${line.length.toLocaleString('en-US')} characters long; a command line may have at most ${MAX_LINE_CHARS.toLocaleString('en-US')}. It begins: "${start}…"`;
}

/** Splits a command line into words, keeping "quoted strings" (and name:"quoted values") whole. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | undefined;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || current) tokens.push(current);
      current = '';
      has = false;
    } else {
      current += ch;
      has = true;
    }
  }
  if (quote) throw new UserError('invalid_argument', `Unclosed quote (${quote}) in the command line.`);
  if (has || current) tokens.push(current);
  return tokens;
}

/**
 * Parses `/er severity level:high window:7d` into an invocation, the way Discord would deliver it:
 * option names and types come from the slash definition. A value may have spaces when quoted
 * (`name:"Ann Lee"`), or run on until the next `option:` word (`patient:Ann Lee`).
 */
export function parseCommandLine(line: string, commands: ReadonlyMap<string, Command>): Invocation {
  if (line.length > MAX_LINE_CHARS) throw new UserError('invalid_argument', tooLong(line));
  const words = tokenize(line.trim());
  const head = words.shift();
  if (!head)
    throw new UserError(
      'invalid_argument',
      'Type a command, for example /er arrivals window:24h (help lists them).',
    );
  const name = head.replace(/^\//, '');
  const command = commands.get(name);
  if (!command)
    throw new UserError(
      'invalid_argument',
      `There is no /${name} command. Commands: ${[...commands.keys()].map((c) => `/${c}`).join(', ')}.`,
    );

  const subcommand = takeSubcommand(name, subcommandNames(command), words);

  const declared = declaredOptions(command, subcommand);
  const path = `/${name}${subcommand ? ` ${subcommand}` : ''}`;
  const raw = new Map<string, string>();
  let last: string | undefined;
  for (const word of words) {
    const m = /^([a-z][a-z0-9_-]*):(.*)$/s.exec(word);
    if (m && declared.some((o) => o.name === m[1])) {
      const key = m[1] ?? '';
      if (raw.has(key)) throw new UserError('invalid_option', `Option \`${key}\` is given twice.`);
      raw.set(key, m[2] ?? '');
      last = key;
    } else if (m) {
      const names = declared.map((o) => o.name);
      throw new UserError(
        'invalid_option',
        `${path} has no option \`${m[1]}\`.${names.length ? ` Options: ${names.join(', ')}.` : ' It takes no options.'}`,
      );
    } else if (last !== undefined) {
      raw.set(last, `${raw.get(last)} ${word}`);
    } else {
      throw new UserError(
        'invalid_option',
        `Unexpected "${word}": give options as name:value, e.g. ${declared[0]?.name ?? 'option'}:...`,
      );
    }
  }

  const options: Invocation['options'] = {};
  for (const [key, value] of raw) {
    const kind = declared.find((o) => o.name === key)?.kind;
    options[key] = convert(key, value, kind);
  }
  return { command: name, subcommand, options };
}

/**
 * Takes the subcommand off the front of `words`: one word, or two for a subcommand of a group
 * (`alerts show`); `''` for a command without subcommands.
 */
function takeSubcommand(name: string, subs: string[], words: string[]): string {
  if (subs.length === 0) return '';
  const next = words[0];
  if (next === undefined || next.includes(':'))
    throw new UserError('invalid_argument', `/${name} needs a subcommand: ${subs.join(', ')}.`);
  const inGroup = subs.filter((s) => s.startsWith(`${next} `));
  if (inGroup.length > 0) {
    const path = `${next} ${words[1] ?? ''}`;
    if (!inGroup.includes(path))
      throw new UserError(
        'invalid_argument',
        `/${name} ${next} needs one of: ${inGroup.map((s) => s.slice(next.length + 1)).join(', ')}.`,
      );
    words.splice(0, 2);
    return path;
  }
  if (!subs.includes(next))
    throw new UserError(
      'invalid_argument',
      `/${name} has no subcommand "${next}". Subcommands: ${subs.join(', ')}.`,
    );
  words.shift();
  return next;
}

function convert(
  key: string,
  value: string,
  kind: LeafOption['kind'] | undefined,
): string | number | boolean {
  if (kind === 'integer') {
    if (!/^-?\d+$/.test(value))
      throw new UserError('invalid_option', `Option \`${key}\` must be a whole number, got "${value}".`);
    return Number(value);
  }
  if (kind === 'boolean') {
    if (/^(true|yes)$/i.test(value)) return true;
    if (/^(false|no)$/i.test(value)) return false;
    throw new UserError('invalid_option', `Option \`${key}\` must be true or false, got "${value}".`);
  }
  return value;
}
