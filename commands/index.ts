import { InteractionContextType, SlashCommandSubcommandBuilder } from 'discord.js';
import admin from './admin.ts';
import ambulance from './ambulance.ts';
import appointments from './appointments.ts';
import er from './er.ts';
import meds from './meds.ts';
import patient from './patient.ts';
import type { Command } from './shared/command.ts';
import staff from './staff.ts';
import summary from './summary.ts';

/** A presentation option every aggregate report takes: the answer goes to the asker only. */
export const PRIVATE_OPTION = 'private';

const all: Command[] = [patient, er, staff, ambulance, appointments, meds, summary, admin];

// What every definition shares, set here once: guild-only, and `private` on each aggregate subcommand.
for (const command of all) {
  command.data.setContexts(InteractionContextType.Guild);
  for (const option of command.data.options) {
    if (!(option instanceof SlashCommandSubcommandBuilder)) continue;
    const sub = command.subcommands[option.name];
    if (sub?.sensitivity === 'aggregate' && !sub.alwaysPrivate) {
      option.addBooleanOption((o) => o.setName(PRIVATE_OPTION).setDescription('Show the answer to you only'));
    }
  }
  const top = command.subcommands[''];
  if (top?.sensitivity === 'aggregate' && !top.alwaysPrivate && 'addBooleanOption' in command.data) {
    command.data.addBooleanOption((o) =>
      o.setName(PRIVATE_OPTION).setDescription('Show the answer to you only'),
    );
  }
}

/** Every slash command, listed explicitly (style.md rule 1), keyed by its name. */
export const commands: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.data.name, c]));
