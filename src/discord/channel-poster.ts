import { REST, Routes, type APIMessage } from 'discord.js';
import type { Config } from '../config.ts';
import type { ChannelPoster } from '../jobs/exactly-once.ts';
import { postsTotal } from '../ops/metrics.ts';

/**
 * Posts the bot's own channel messages (the daily summary, ER surge alerts) through Discord's REST API.
 * Its REST client does not retry: the jobs decide what to retry (5xx, 429, network) and what not to (403,
 * 404). Posts mention nobody and are counted by kind and outcome for /metrics.
 */
export function discordChannelPoster(
  config: Config,
  botUserId: () => string | undefined,
  kind: 'summary' | 'alert',
): ChannelPoster {
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
    async post(channelId, { embed, chart }) {
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), {
          body: {
            embeds: [embed],
            allowed_mentions: { parse: [] },
            ...(chart ? { attachments: [{ id: 0, filename: 'chart.png' }] } : {}),
          },
          files: chart ? [{ name: 'chart.png', data: chart, contentType: 'image/png' }] : [],
        })) as APIMessage;
        postsTotal.inc({ kind, outcome: 'ok' });
        return message.id;
      } catch (err) {
        postsTotal.inc({ kind, outcome: 'error' });
        throw err;
      }
    },
  };
}
