import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The discord.js client. Slash commands need only the Guilds intent. DISCORD_API_BASE (tests) points the
 * REST client, and through it the gateway discovery, somewhere else; without it nothing changes.
 */
export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: config.discord.apiBase ? { api: config.discord.apiBase } : {},
  });
}
