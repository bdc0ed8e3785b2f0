import type { ReplyBody, Sensitivity } from '../core/reply.ts';
import type { Choice, Context } from './context.ts';
import { leafOptions, type LeafOption, type Options, type OptionValues } from './options.ts';

export type { Choice, Context };

/**
 * The command contract: what a command declares and what it may use. The front ends (src/discord,
 * src/console) and the runner read everything about a command (who may run it, whether its answer is
 * private, which options it takes) from these declarations and nowhere else.
 */

/** What a person must be allowed to do to run a subcommand (granted by role ids in config). */
export type Capability = 'phi' | 'reports' | 'admin';

/** Who asked: a command that shows more to some people (patients to the PHI role) asks `may`. */
export interface Caller {
  /** The Discord user id, or `console:<login>` in the terminal. */
  id: string | undefined;
  may(capability: Capability): boolean;
  /**
   * Whether the answer goes to the asker only (a private or ephemeral answer, or the terminal). A public
   * answer shows aggregates only, with small counts suppressed (src/core/public-view.ts).
   */
  private: boolean;
  /** Where the member asked (Discord's channel and server), when they asked in Discord. */
  channelId?: string;
  guildId?: string;
}

/**
 * What `run` returns: the reply without what the declaration already says. A `phi` reply names every
 * patient it discloses (for the audit trail); an aggregate reply discloses none.
 */
export type Answer<S extends Sensitivity = Sensitivity> = ReplyBody & {
  /** What the audit row records besides the options: a setting's value before and after a change. */
  recorded?: Record<string, unknown>;
} & (S extends 'phi' ? { patientIds: number[] } : { patientIds?: never });

export interface SubcommandSpec<S extends Sensitivity, O extends Options> {
  /** The subcommand's name (`''` for a command that takes options without subcommands). */
  name: string;
  description: string;
  /** `phi` when the answer shows anything about an identifiable patient. */
  sensitivity: S;
  /** Who may run it; defaults to `phi` for phi answers and `reports` for aggregate ones. */
  capability?: Capability;
  /** Always answered to the asker only, even when aggregate (no `private` option then). */
  private?: boolean;
  options: O;
  run(options: OptionValues<O>, ctx: Context, caller: Caller): Promise<Answer<S>>;
}

export interface Subcommand {
  name: string;
  description: string;
  sensitivity: Sensitivity;
  capability: Capability;
  /** Whether the answer is always private (phi, or declared private). */
  alwaysPrivate: boolean;
  options: Options;
  /** The options a person gives, in order, `private` included where it applies. */
  leaves: readonly LeafOption[];
  run(options: Record<string, unknown>, ctx: Context, caller: Caller): Promise<Answer>;
}

export function defineSubcommand<const S extends Sensitivity, const O extends Options>(
  spec: SubcommandSpec<S, O>,
): Subcommand {
  const alwaysPrivate = spec.sensitivity === 'phi' || spec.private === true;
  return {
    name: spec.name,
    description: spec.description,
    sensitivity: spec.sensitivity,
    capability: spec.capability ?? (spec.sensitivity === 'phi' ? 'phi' : 'reports'),
    alwaysPrivate,
    options: spec.options,
    leaves: leafOptions(spec.options, !alwaysPrivate),
    run: spec.run as Subcommand['run'],
  };
}

/** Subcommands under one name, as Discord groups them: `/admin alerts show`, `/admin alerts set`. */
export interface SubcommandGroup {
  group: string;
  description: string;
  subcommands: readonly Subcommand[];
}

export const defineGroup = (spec: SubcommandGroup): SubcommandGroup => spec;

export interface Command {
  name: string;
  description: string;
  /** Discord's outer gate (server admins can change it); the bot checks roles itself on every use. */
  defaultMemberPermission?: 'manage_guild';
  /**
   * By name, a grouped one by its group and name ("alerts show"); a command without subcommands has one,
   * named `''`.
   */
  subcommands: ReadonlyMap<string, Subcommand>;
  /** The description of each subcommand group, by the group's name. */
  groups: ReadonlyMap<string, string>;
}

export function defineCommand(spec: {
  name: string;
  description: string;
  defaultMemberPermission?: 'manage_guild';
  subcommands: readonly (Subcommand | SubcommandGroup)[];
}): Command {
  const { subcommands, ...rest } = spec;
  if (subcommands.some((s) => 'name' in s && s.name === '') && subcommands.length > 1)
    throw new Error(`/${spec.name}: a command takes either subcommands or options of its own, not both`);
  const byName = new Map<string, Subcommand>();
  const groups = new Map<string, string>();
  for (const s of subcommands) {
    if ('name' in s) byName.set(s.name, s);
    else {
      groups.set(s.group, s.description);
      for (const sub of s.subcommands) byName.set(`${s.group} ${sub.name}`, sub);
    }
  }
  return { ...rest, subcommands: byName, groups };
}

/** Whether an answer goes to the asker only: always for phi and private declarations, else on request. */
export function isPrivateAnswer(sub: Subcommand, options: Record<string, unknown>): boolean {
  return sub.alwaysPrivate || options.private === true;
}

/** The names of a command's subcommands ("alerts show" in a group), `[]` when it takes options of its own. */
export function subcommandNames(command: Command): string[] {
  return [...command.subcommands.keys()].filter((s) => s !== '');
}
