import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../runner/command.ts';
import type { LeafOption } from '../runner/options.ts';

const TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
} as const;

const PERMISSIONS = { manage_guild: PermissionFlagsBits.ManageGuild } as const;

/** One option as Discord's API takes it, from the same leaf the zod validation is derived from. */
export function optionJson(o: LeafOption): APIApplicationCommandBasicOption {
  const json: Record<string, unknown> = {
    type: TYPES[o.kind],
    name: o.name,
    description: o.description,
    required: o.required,
  };
  if (o.kind === 'string') {
    if (o.min !== undefined) json.min_length = o.min;
    if (o.max !== undefined) json.max_length = o.max;
    if (o.choices) json.choices = o.choices.map((c) => ({ name: c.name, value: c.value }));
    if (o.autocomplete) json.autocomplete = true;
  } else if (o.kind === 'integer') {
    if (o.min !== undefined) json.min_value = o.min;
    if (o.max !== undefined) json.max_value = o.max;
  }
  return json as unknown as APIApplicationCommandBasicOption;
}

/** A command's slash definition for registration: guild-only, every subcommand with its options. */
export function commandJson(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const own = command.subcommands.get('');
  const options = own
    ? own.leaves.map(optionJson)
    : [...command.subcommands.values()].map((s): APIApplicationCommandSubcommandOption => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: s.name,
        description: s.description,
        options: s.leaves.map(optionJson),
      }));
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    contexts: [InteractionContextType.Guild],
    ...(command.defaultMemberPermission && {
      default_member_permissions: String(PERMISSIONS[command.defaultMemberPermission]),
    }),
    options,
  };
}
