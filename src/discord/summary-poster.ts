import { REST, Routes, type APIMessage } from 'discord.js';
import type { Config } from '../config.ts';
import type { SummaryPoster } from '../jobs/daily-summary.job.ts';
import { postsTotal } from '../ops/metrics.ts';

/**
 * Posts the daily summary through Discord's REST API. Its own REST client does not retry: the job
 * decides what to retry (5xx, 429, network) and what not to (403, 404).
 */
export function discordSummaryPoster(config: Config, botUserId: () => string | undefined): SummaryPoster {
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
          body: { embeds: [embed], ...(chart ? { attachments: [{ id: 0, filename: 'chart.png' }] } : {}) },
          files: chart ? [{ name: 'chart.png', data: chart, contentType: 'image/png' }] : [],
        })) as APIMessage;
        postsTotal.inc({ kind: 'summary', outcome: 'ok' });
        return message.id;
      } catch (err) {
        postsTotal.inc({ kind: 'summary', outcome: 'error' });
        throw err;
      }
    },
  };
}
