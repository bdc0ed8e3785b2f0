import type { SlashCommandOptionsOnlyBuilder, SlashCommandSubcommandsOnlyBuilder } from 'discord.js';
import type { Db as MongoDb } from 'mongodb';
import type { z } from 'zod';
import type { Config } from '../../src/config.ts';
import type { Reply, Sensitivity } from '../../src/core/reply.ts';
import type { Db } from '../../src/data/queries.ts';

/** What a command may use: typed data access, the clock and the configuration. Never a Discord object. */
export interface Context {
  sql: Db;
  mongo: MongoDb;
  config: Config;
  now(): number;
  /** Posting the daily summary on demand: only where the scheduled job runs (the Discord bot). */
  summary?: { postNow(date: string, force: boolean, actorId: string | undefined): Promise<string> };
}

/** What a person must be allowed to do to run a subcommand (granted by role ids in config). */
export type Capability = 'phi' | 'reports' | 'admin';

export interface Subcommand<S extends z.ZodType = z.ZodType> {
  /** Declared up front so access can be checked before anything runs. */
  sensitivity: Sensitivity;
  /** Defaults to `phi` for phi replies and `reports` for aggregate ones. */
  capability?: Capability;
  /** Always answered privately, even when aggregate (the on-demand summary is not suppressed). */
  alwaysPrivate?: boolean;
  options: S;
  run(options: z.output<S>, ctx: Context, actorId?: string): Promise<Reply>;
}

export interface Choice {
  name: string;
  value: string;
}

/**
 * One top-level slash command: its definition (what Discord and the terminal show), and for each
 * subcommand a zod schema of its options and a run function. A command without subcommands has one
 * entry under the name '' (empty).
 */
export interface Command {
  data: SlashCommandSubcommandsOnlyBuilder | SlashCommandOptionsOnlyBuilder;
  // The schema type differs per subcommand; each is checked where it is written by `subcommand()`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  subcommands: Record<string, Subcommand<any>>;
  /** Up to 25 suggestions for an option marked autocomplete. */
  autocomplete?(option: string, value: string, ctx: Context): Promise<Choice[]>;
}

export function capabilityOf(sub: Subcommand): Capability {
  return sub.capability ?? (sub.sensitivity === 'phi' ? 'phi' : 'reports');
}

/** Ties a run function's options type to its schema. */
export function subcommand<S extends z.ZodType>(s: Subcommand<S>): Subcommand<S> {
  return s;
}
