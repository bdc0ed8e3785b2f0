import { DiscordAPIError, REST, Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../runner/command.ts';
import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import { commandJson } from './definitions.ts';

export interface RegisterResult {
  scope: string;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  applied: boolean;
}

/** What matters when comparing a definition with what Discord has: no ids, versions or empty defaults. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
      if (
        [
          'id',
          'application_id',
          'guild_id',
          'version',
          'dm_permission',
          'nsfw',
          'integration_types',
        ].includes(k)
      )
        continue;
      if (k.endsWith('_localizations') || k.endsWith('_localized')) continue;
      if (v === null || v === undefined || v === false || (Array.isArray(v) && v.length === 0)) continue;
      if (k === 'type' && v === 1 && 'description' in value && !('value' in value)) continue; // chat input is the default type
      out[k] = normalize(v);
    }
    return out;
  }
  return value;
}

/**
 * Puts the command definitions into the configured guild (or globally without DISCORD_GUILD_ID) with one
 * bulk overwrite, and says what was added, changed and removed. With `dryRun`, only compares.
 */
export async function registerCommands(
  config: Config,
  commands: ReadonlyMap<string, Command>,
  dryRun: boolean,
): Promise<RegisterResult> {
  const { token, applicationId, guildId, apiBase } = config.discord;
  if (!token || !applicationId)
    throw new UserError('misconfigured', 'Registration needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
  const rest = new REST(apiBase ? { api: apiBase } : {}).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const wanted: RESTPutAPIApplicationCommandsJSONBody = [...commands.values()].map(commandJson);
  try {
    const existing = (await rest.get(route)) as { name: string }[];
    const have = new Map(existing.map((c) => [c.name, c]));
    const want = new Map(wanted.map((c) => [c.name, c]));
    const added = [...want.keys()].filter((n) => !have.has(n));
    const removed = [...have.keys()].filter((n) => !want.has(n));
    const changed = [...want.keys()].filter(
      (n) => have.has(n) && JSON.stringify(normalize(have.get(n))) !== JSON.stringify(normalize(want.get(n))),
    );
    const unchanged = [...want.keys()].filter((n) => have.has(n) && !changed.includes(n));
    const needed = added.length + changed.length + removed.length > 0;
    if (needed && !dryRun) await rest.put(route, { body: wanted });
    return {
      scope: guildId ? `guild ${guildId}` : 'all guilds (global)',
      added,
      changed,
      removed,
      unchanged,
      applied: needed && !dryRun,
    };
  } catch (err) {
    throw explain(err, apiBase);
  }
}

function explain(err: unknown, apiBase: string | undefined): unknown {
  if (err instanceof DiscordAPIError || (err as { status?: unknown }).status !== undefined) {
    const status = (err as { status: number }).status;
    const code = (err as { code?: unknown }).code;
    if (status === 401)
      return new UserError(
        'misconfigured',
        'Discord refused the token (401 Unauthorized): check DISCORD_TOKEN.',
      );
    if (status === 403)
      return new UserError(
        'misconfigured',
        `Discord denied access (403, code ${String(code)}): invite the bot with the applications.commands scope, or check DISCORD_GUILD_ID.`,
      );
    if (status === 404)
      return new UserError(
        'misconfigured',
        'Discord does not know this application or guild (404): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.',
      );
    return new UserError('unavailable', `Discord answered ${status}: ${(err as Error).message}`);
  }
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^E[A-Z]+/.test(code))
    return new UserError('unavailable', `Cannot reach Discord${apiBase ? ` at ${apiBase}` : ''} (${code}).`);
  return err;
}
