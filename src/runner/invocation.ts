import type { z } from 'zod';
import { UserError } from '../core/errors.ts';
import { sanitizeText } from '../core/text.ts';
import { resolveWindow, type WindowOptions } from '../core/window.ts';
import { subcommandNames, type Command, type Context, type Subcommand } from './command.ts';
import { optionsSchema, PRIVATE_OPTION } from './options.ts';

/** A command as a person asked for it, before validation: the same shape from Discord and the terminal. */
export interface Invocation {
  command: string;
  /** "severity", or "alerts show" for a subcommand of a group; `''` for a command without subcommands. */
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
  const names = subcommandNames(command);
  const sub = command.subcommands.get(inv.subcommand);
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

/** The subcommand a path such as "/er severity" names (page state keeps the path), if there is one. */
export function subcommandAt(commands: ReadonlyMap<string, Command>, path: string): Subcommand | undefined {
  const [command = '', ...subcommand] = path.replace(/^\//, '').split(' ');
  return commands.get(command)?.subcommands.get(subcommand.join(' '));
}

const schemas = new WeakMap<Subcommand, z.ZodObject>();

/**
 * Validates raw options with the schema derived from the subcommand's option specs; the error names each
 * bad option. The result is what the audit trail records.
 */
export function validateOptions(r: Resolved, raw: Invocation['options']): Record<string, unknown> {
  let schema = schemas.get(r.sub);
  if (!schema) schemas.set(r.sub, (schema = optionsSchema(r.sub.leaves)));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    const key = String(i.path[0] ?? '?');
    if (i.code === 'custom' && (i.params as { standalone?: boolean } | undefined)?.standalone)
      return `Option \`${sanitizeText(key)}\`: ${i.message}.`;
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

/**
 * What `run` receives: validated options with the time window resolved against the clock (`window` becomes
 * the interval) and presentation options (`private`) left out.
 */
export function runOptions(
  sub: Subcommand,
  values: Record<string, unknown>,
  ctx: Pick<Context, 'now' | 'config'>,
): Record<string, unknown> {
  const options = { ...values };
  delete options[PRIVATE_OPTION];
  const window = sub.options.window;
  if (window?.kind !== 'window' || !window.fallback) return options;
  const { from, to, ...rest } = options;
  return {
    ...rest,
    window: resolveWindow(
      { window: options.window, from, to } as WindowOptions,
      window.fallback,
      ctx.now(),
      ctx.config.timeZone,
    ),
  };
}
