import {
  ButtonStyle,
  ComponentType,
  REST,
  Routes,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIMessage,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { AlertPoster } from '../jobs/alert-followups.ts';
import type { ChannelMessage } from '../jobs/exactly-once.ts';
import { postsTotal } from '../ops/metrics.ts';

/** A message's buttons in one row. */
export function components(buttons: ChannelMessage['buttons']): APIActionRowComponent<APIButtonComponent>[] {
  if (!buttons?.length) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: buttons.map((b) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: b.id,
        label: b.label,
      })),
    },
  ];
}

/** Mentions notify only the roles the message names for it (an escalation's on-call role), never anyone else. */
const allowedMentions = (m: ChannelMessage) => ({
  parse: [],
  roles: m.mentionRoles ?? [],
  replied_user: false,
});

/**
 * Posts the bot's own channel messages (the daily summary, ER surge alerts) through Discord's REST API, and
 * edits them (an alert post once acknowledged or resolved). Its REST client does not retry: the jobs decide
 * what to retry (5xx, 429, network) and what not to (403, 404). Posts are counted by kind and outcome for
 * /metrics.
 */
export function discordChannelPoster(
  config: Config,
  botUserId: () => string | undefined,
  kind: 'summary' | 'alert',
): AlertPoster {
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
    async post(channelId, message) {
      const { embed, chart, content, replyTo, buttons } = message;
      try {
        const posted = (await rest.post(Routes.channelMessages(channelId), {
          body: {
            ...(content ? { content } : {}),
            embeds: [embed],
            allowed_mentions: allowedMentions(message),
            ...(replyTo ? { message_reference: { message_id: replyTo, fail_if_not_exists: false } } : {}),
            ...(buttons?.length ? { components: components(buttons) } : {}),
            ...(chart ? { attachments: [{ id: 0, filename: 'chart.png' }] } : {}),
          },
          files: chart ? [{ name: 'chart.png', data: chart, contentType: 'image/png' }] : [],
        })) as APIMessage;
        postsTotal.inc({ kind, outcome: 'ok' });
        return posted.id;
      } catch (err) {
        postsTotal.inc({ kind, outcome: 'error' });
        throw err;
      }
    },
    async edit(channelId, messageId, message) {
      await rest.patch(Routes.channelMessage(channelId, messageId), {
        body: {
          embeds: [message.embed],
          allowed_mentions: allowedMentions(message),
          components: components(message.buttons),
        },
      });
    },
  };
}
