import { REST, Routes, type APIMessage } from 'discord.js';
import type { Config } from '../config.ts';
import type { AlertPoster } from '../jobs/alerts.job.ts';

/**
 * Posts ER surge alerts through Discord's REST API. Its own REST client does not retry: the job decides
 * what to retry (5xx, 429, network) and what not to (403, 404). Alerts mention nobody.
 */
export function discordAlertPoster(config: Config, botUserId: () => string | undefined): AlertPoster {
  const rest = new REST({
    retries: 0,
    ...(config.discord.apiBase ? { api: config.discord.apiBase } : {}),
  }).setToken(config.discord.token ?? '');
  return {
    async findMarked(channelId, marker) {
      const messages = (await rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: '50' }),
      })) as APIMessage[];
      return messages.find(
        (m) => m.author.id === botUserId() && m.embeds.some((e) => e.footer?.text.startsWith(marker)),
      )?.id;
    },
    async post(channelId, embed) {
      const message = (await rest.post(Routes.channelMessages(channelId), {
        body: { embeds: [embed], allowed_mentions: { parse: [] } },
      })) as APIMessage;
      return message.id;
    },
  };
}
