import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, Subcommand } from '../runner/command.ts';
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

const subcommandJson = (s: Subcommand): APIApplicationCommandSubcommandOption => ({
  type: ApplicationCommandOptionType.Subcommand,
  name: s.name,
  description: s.description,
  options: s.leaves.map(optionJson),
});

/** A command's subcommands as Discord takes them: a grouped one ("alerts show") inside its group, in order. */
function subcommandsJson(
  command: Command,
): (APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption)[] {
  const out: (APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption)[] = [];
  for (const [path, s] of command.subcommands) {
    const group = path.includes(' ') ? path.split(' ')[0] : undefined;
    if (group === undefined) {
      out.push(subcommandJson(s));
      continue;
    }
    let json = out.find(
      (o): o is APIApplicationCommandSubcommandGroupOption =>
        o.type === ApplicationCommandOptionType.SubcommandGroup && o.name === group,
    );
    if (!json) {
      json = {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: group,
        description: command.groups.get(group) ?? group,
        options: [],
      };
      out.push(json);
    }
    json.options?.push(subcommandJson(s));
  }
  return out;
}

/** A command's slash definition for registration: guild-only, every subcommand with its options. */
export function commandJson(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const own = command.subcommands.get('');
  const options = own ? own.leaves.map(optionJson) : subcommandsJson(command);
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
