import { parseIsoDate } from '../../src/core/time.ts';
import type { SlashCommandSubcommandBuilder } from 'discord.js';
import { z } from 'zod';
import {
  ROLLING_WINDOWS,
  resolveWindow,
  type RollingWindow,
  type TimeWindow,
  type WindowOptions,
} from '../../src/core/window.ts';
import type { Context } from './command.ts';

/**
 * Options that several commands share, each as a pair: what it adds to the slash definition, and the
 * zod schema of the same option. Keeping them side by side keeps the two in step.
 */

const IsoDate = z
  .string()
  .trim()
  .refine((s) => parseIsoDate(s) !== undefined, 'must be a real date as YYYY-MM-DD');

export function addWindowOptions(
  sub: SlashCommandSubcommandBuilder,
  fallback: RollingWindow,
): SlashCommandSubcommandBuilder {
  return sub
    .addStringOption((o) =>
      o
        .setName('window')
        .setDescription(`Time window ending now (default ${fallback})`)
        .addChoices(...ROLLING_WINDOWS.map((w) => ({ name: w, value: w }))),
    )
    .addStringOption((o) =>
      o
        .setName('from')
        .setDescription('First day, YYYY-MM-DD (with to, instead of window)')
        .setMinLength(10)
        .setMaxLength(10),
    )
    .addStringOption((o) =>
      o.setName('to').setDescription('Last day, YYYY-MM-DD (with from)').setMinLength(10).setMaxLength(10),
    );
}

export const windowSchema = {
  window: z.enum(ROLLING_WINDOWS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
};

export function windowOf(o: WindowOptions, fallback: RollingWindow, ctx: Context): TimeWindow {
  return resolveWindow(o, fallback, ctx.now(), ctx.config.timeZone);
}

export function addPatientOption(sub: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return sub.addStringOption((o) =>
    o
      .setName('patient')
      .setDescription('Patient: MRN, id or name')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  );
}

export const patientSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'is too long (at most 100 characters)');

export function addDateOption(
  sub: SlashCommandSubcommandBuilder,
  description: string,
): SlashCommandSubcommandBuilder {
  return sub.addStringOption((o) =>
    o.setName('date').setDescription(description).setMinLength(10).setMaxLength(10),
  );
}

export const dateSchema = IsoDate;
