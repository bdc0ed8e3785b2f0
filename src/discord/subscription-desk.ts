import { REST, Routes, type APIChannel, type APIGuildMember, type APIMessage } from 'discord.js';
import type { Config } from '../config.ts';
import * as audit from '../core/audit-event.ts';
import { isUserError, UserError } from '../core/errors.ts';
import type { SubscriptionRow } from '../data/subscriptions.queries.ts';
import type { ReportRun, SubscriptionDesk } from '../jobs/subscriptions.job.ts';
import { postsTotal } from '../ops/metrics.ts';
import type { Command, Context } from '../runner/command.ts';
import type { ParsedReport } from '../runner/context.ts';
import { AUDIT_TIMEOUT_MS, auditFirst, COMMAND_TIMEOUT_MS, execute, type Actor } from '../runner/execute.ts';
import { resolveInvocation, validateOptions, type Invocation } from '../runner/invocation.ts';
import { describeOutcome } from '../runner/outcome.ts';
import { capabilities, decide } from './access.ts';
import { messageText, replyPages } from './message.ts';
import { deliversByLink } from './phi-link.ts';

/** Why a patient report is not subscribed to, nor delivered, while PHI_DELIVERY=link. */
const BY_LINK_ONLY = (path: string) =>
  `report: ${path} shows patients, and here patient answers are shown only on hers-bot's page behind a one-time link (PHI_DELIVERY=link), never sent to Discord: run ${path} when you need it.`;

/** Discord's code for "Unknown Member": the subscriber left the server. */
const UNKNOWN_MEMBER = 10007;

/** How /subscribe reads a report as typed: resolved, its options validated, or a UserError saying why not. */
export function reportReader(
  config: Config,
  commands: ReadonlyMap<string, Command>,
  parse: (line: string) => Invocation,
): { parse(line: string): ParsedReport } {
  return {
    parse(line) {
      const inv = parse(line);
      const resolved = resolveInvocation(commands, inv);
      validateOptions(resolved, inv.options);
      const { sensitivity, capability, alwaysPrivate } = resolved.sub;
      if (deliversByLink(config, sensitivity))
        throw new UserError('invalid_option', BY_LINK_ONLY(resolved.path));
      return { path: resolved.path, sensitivity, capability, alwaysPrivate };
    },
  };
}

/**
 * Subscriptions through Discord's REST API: the member's roles fetched at each slot (GET guild member, no
 * privileged intent), the DM channel, the report run through the one runner path (execute: audited first)
 * with those roles, and the messages, which mention nobody (a closed-DM notice mentions only its member).
 * A DM is not a server channel, so PHI_CHANNEL_IDS does not apply to it: a `phi` report needs the role only.
 */
export function subscriptionDesk(
  config: Config,
  ctx: Context,
  commands: ReadonlyMap<string, Command>,
  parse: (line: string) => Invocation,
  botUserId: () => string | undefined,
): SubscriptionDesk {
  const rest = new REST({
    retries: 0,
    ...(config.discord.apiBase ? { api: config.discord.apiBase } : {}),
  }).setToken(config.discord.token ?? '');

  async function rolesOf(sub: SubscriptionRow): Promise<string[] | undefined> {
    try {
      const member = (await rest.get(Routes.guildMember(sub.guild_id, sub.user_id))) as APIGuildMember;
      return member.roles;
    } catch (err) {
      if ((err as { code?: unknown }).code === UNKNOWN_MEMBER) return undefined;
      throw err;
    }
  }

  async function run(sub: SubscriptionRow, channelId: string): Promise<ReportRun> {
    let inv: Invocation;
    let resolved: ReturnType<typeof resolveInvocation>;
    try {
      inv = parse(sub.report);
      resolved = resolveInvocation(commands, inv);
    } catch (err) {
      // The report was valid when added; a later version of hers-bot may have renamed or removed it.
      if (!isUserError(err)) throw err;
      return {
        kind: 'failed',
        notice: messageText(`Subscription ${sub.id} can no longer run: ${err.message}`),
      };
    }
    // Added before PHI_DELIVERY=link was set: its patient details never go to Discord, not even by DM.
    if (deliversByLink(config, resolved.sub.sensitivity)) {
      await auditFirst(
        ctx,
        audit.denied(
          { source: 'scheduler', actorId: sub.user_id, actorRoles: [], guildId: sub.guild_id, channelId },
          resolved.path,
          `subscription ${sub.id}: patient answers are delivered by link`,
          inv.options,
        ),
        AUDIT_TIMEOUT_MS,
      );
      return {
        kind: 'denied',
        notice: messageText(`Subscription ${sub.id}: ${BY_LINK_ONLY(resolved.path)}`),
      };
    }
    const roles = await rolesOf(sub);
    const dm = sub.target === 'dm';
    const member = { userId: sub.user_id, roleIds: roles ?? [], channelId };
    const actor: Actor = {
      source: 'scheduler',
      actorId: sub.user_id,
      actorRoles: roles ?? [],
      guildId: sub.guild_id,
      channelId,
      capabilities: dm ? capabilities(config, member.roleIds) : undefined,
    };
    const decision =
      roles === undefined
        ? { allowed: false as const, reason: 'You are no longer a member of the server.' }
        : dm
          ? capabilities(config, member.roleIds).has(resolved.sub.capability)
            ? { allowed: true as const }
            : decide(config, member, resolved.sub.capability)
          : decide(config, member, resolved.sub.capability);
    if (!decision.allowed) {
      await auditFirst(
        ctx,
        audit.denied(actor, resolved.path, `subscription ${sub.id}: ${decision.reason}`, inv.options),
        AUDIT_TIMEOUT_MS,
      );
      return {
        kind: 'denied',
        notice: messageText(
          `Subscription ${sub.id} (${resolved.path}) was not delivered: ${decision.reason}`,
        ),
      };
    }
    if (!dm) actor.capabilities = new Set(['reports']);
    const options = dm && !resolved.sub.alwaysPrivate ? { ...inv.options, private: true } : inv.options;
    const outcome = await execute(resolved, { ...inv, options }, ctx, actor, {
      timeoutMs: COMMAND_TIMEOUT_MS,
    });
    if (outcome.kind === 'reply') {
      const pages = replyPages(outcome.reply);
      const more =
        pages.length > 1 ? `\n-# ${pages.length - 1} more page(s): run ${resolved.path} to see them` : '';
      return {
        kind: 'answer',
        content: `${pages[0] ?? ''}${more}`,
        empty: outcome.reply.table !== undefined && outcome.reply.table.rows.length === 0,
      };
    }
    const said = describeOutcome(outcome).message;
    if (outcome.kind === 'user_error' && isUserError(outcome.error) && outcome.error.code === 'empty_result')
      return { kind: 'answer', content: messageText(said), empty: true };
    return { kind: 'failed', notice: messageText(`Subscription ${sub.id} (${resolved.path}): ${said}`) };
  }

  return {
    run,
    async openDm(userId) {
      const channel = (await rest.post(Routes.userChannels(), {
        body: { recipient_id: userId },
      })) as APIChannel;
      return channel.id;
    },
    async findMarked(channelId, marker) {
      const messages = (await rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: '50' }),
      })) as APIMessage[];
      return messages.find((m) => m.author.id === botUserId() && m.content.endsWith(marker))?.id;
    },
    async post(channelId, { content }) {
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), {
          body: { content, allowed_mentions: { parse: [] } },
        })) as APIMessage;
        postsTotal.inc({ kind: 'subscription', outcome: 'ok' });
        return message.id;
      } catch (err) {
        postsTotal.inc({ kind: 'subscription', outcome: 'error' });
        throw err;
      }
    },
    async notify(channelId, userId, text) {
      await rest.post(Routes.channelMessages(channelId), {
        body: {
          content: `<@${userId}> ${messageText(text)}`,
          allowed_mentions: { users: [userId] },
        },
      });
    },
  };
}
