import type { z } from 'zod';
import type { Command, Subcommand } from '../../commands/shared/command.ts';
import { UserError } from '../core/errors.ts';
import { sanitizeText } from '../core/text.ts';

/** A command as a person asked for it, before validation: the same shape from Discord and the terminal. */
export interface Invocation {
  command: string;
  subcommand: string;
  options: Record<string, string | number | boolean>;
}

/** "/er severity": how an invocation is named in messages and the audit trail. */
export function pathOf(inv: Pick<Invocation, 'command' | 'subcommand'>): string {
  return `/${inv.command}${inv.subcommand ? ` ${inv.subcommand}` : ''}`;
}

export interface Resolved {
  command: Command;
  sub: Subcommand;
  /** "/er severity", for messages and the audit trail. */
  path: string;
}

export function resolveInvocation(commands: ReadonlyMap<string, Command>, inv: Invocation): Resolved {
  const command = commands.get(inv.command);
  if (!command) {
    throw new UserError(
      'invalid_argument',
      `There is no /${sanitizeText(inv.command)} command. Commands: ${[...commands.keys()].map((c) => `/${c}`).join(', ')}.`,
    );
  }
  const names = Object.keys(command.subcommands);
  const sub = command.subcommands[inv.subcommand];
  if (!sub) {
    throw new UserError(
      'invalid_argument',
      inv.subcommand === ''
        ? `/${inv.command} needs a subcommand: ${names.join(', ')}.`
        : `/${inv.command} has no subcommand "${sanitizeText(inv.subcommand)}". Subcommands: ${names.join(', ')}.`,
    );
  }
  return { command, sub, path: pathOf(inv) };
}

/** Validates raw options with the subcommand's zod schema; the error names each bad option. */
export function validateOptions(r: Resolved, raw: Invocation['options']): unknown {
  const parsed = r.sub.options.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    const key = String(i.path[0] ?? '?');
    return `Option \`${sanitizeText(key)}\` ${raw[key] === undefined ? 'is required.' : describe(i)}`;
  });
  throw new UserError('invalid_option', `${problems.join('\n')}\n(${r.path})`);
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_type':
      return `must be a ${issue.expected}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? `needs at least ${String(issue.minimum)} characters.`
        : `must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `can have at most ${String(issue.maximum)} characters.`
        : `must be at most ${String(issue.maximum)}.`;
    default:
      return `${issue.message.replace(/^Invalid input:?\s*/, '')}.`;
  }
}
