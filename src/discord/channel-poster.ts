import { REST, Routes, type APIMessage } from 'discord.js';
import type { Config } from '../config.ts';
import type { PostEmbed } from '../core/summary-post.ts';
import type { AlertPoster } from '../jobs/alerts.job.ts';
import type { SummaryPoster } from '../jobs/daily-summary.job.ts';
import { postsTotal } from '../ops/metrics.ts';

/**
 * Posts the bot's own channel messages (the daily summary, ER surge alerts) through Discord's REST API.
 * Its REST client does not retry: the jobs decide what to retry (5xx, 429, network) and what not to (403,
 * 404). Posts mention nobody and are counted by kind and outcome for /metrics.
 */
function channelPoster(config: Config, botUserId: () => string | undefined, kind: 'summary' | 'alert') {
  const rest = new REST({
    retries: 0,
    ...(config.discord.apiBase ? { api: config.discord.apiBase } : {}),
  }).setToken(config.discord.token ?? '');
  return {
    /** A recent message of the bot's in the channel whose footer starts with `marker`, if any. */
    async findMarked(channelId: string, marker: string): Promise<string | undefined> {
      const messages = (await rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: '50' }),
      })) as APIMessage[];
      return messages.find(
        (m) => m.author.id === botUserId() && m.embeds.some((e) => e.footer?.text.startsWith(marker)),
      )?.id;
    },
    async post(channelId: string, embed: PostEmbed, chart?: Buffer): Promise<string> {
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

export function discordSummaryPoster(config: Config, botUserId: () => string | undefined): SummaryPoster {
  const poster = channelPoster(config, botUserId, 'summary');
  return {
    findMarked: (channelId, marker) => poster.findMarked(channelId, marker),
    post: (channelId, { embed, chart }) => poster.post(channelId, embed, chart),
  };
}

export function discordAlertPoster(config: Config, botUserId: () => string | undefined): AlertPoster {
  const poster = channelPoster(config, botUserId, 'alert');
  return {
    findMarked: (channelId, marker) => poster.findMarked(channelId, marker),
    post: (channelId, embed) => poster.post(channelId, embed),
  };
}
