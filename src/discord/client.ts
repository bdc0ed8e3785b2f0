import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The discord.js client. Slash commands need only the Guilds intent; no message mentions anyone. DISCORD_API_BASE (tests) points the
 * REST client, and through it the gateway discovery, somewhere else; without it nothing changes.
 */
export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // Text from the database (a reason, a name) must never ping anyone: no @everyone, roles or users.
    allowedMentions: { parse: [] },
    rest: config.discord.apiBase ? { api: config.discord.apiBase } : {},
  });
}
