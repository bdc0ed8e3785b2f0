import { GuildMember, MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Config } from '../config.ts';
import { memberName } from '../core/alert-posts.ts';
import * as audit from '../core/audit-event.ts';
import { timeOfDay } from '../core/format.ts';
import { acknowledgeAlertPost } from '../data/alert-actions.queries.ts';
import { alertPostById, type AlertPostRow } from '../data/alerts.queries.ts';
import { firedMessage } from '../jobs/alert-followups.ts';
import { auditBestEffort, auditedActor } from '../runner/execute.ts';
import { decide, type Decision, type Member } from './access.ts';
import { components } from './channel-poster.ts';
import {
  actorOf,
  auditDenied,
  memberOf,
  privately,
  QUICK_AUDIT_MS,
  type HandlerDeps,
} from './interaction.ts';

const ACTION = 'alert acknowledge';

/** Who may acknowledge an alert: a role of ROLE_ALERT_IDS, or without that list, the report roles. */
export function mayAcknowledge(config: Pick<Config, 'roles' | 'phiChannelIds'>, member: Member): Decision {
  if (config.roles.alert.length === 0) {
    const d = decide(config, member, 'reports');
    return d.allowed
      ? d
      : {
          allowed: false,
          reason:
            'Your roles do not allow acknowledging alerts. An administrator can grant a role listed in ROLE_ALERT_IDS (or ROLE_REPORT_IDS).',
        };
  }
  return member.roleIds.some((r) => config.roles.alert.includes(r))
    ? { allowed: true }
    : {
        allowed: false,
        reason:
          'Your roles do not allow acknowledging alerts. An administrator can grant a role listed in ROLE_ALERT_IDS.',
      };
}

/** The name the channel knows the member by. */
function displayName(i: ButtonInteraction): string {
  const m = i.member;
  if (m instanceof GuildMember) return m.displayName;
  return m?.nick ?? i.user.globalName ?? i.user.username;
}

/** The fired post's message as it reads now (embed and buttons), for Discord. */
const messageOf = (row: AlertPostRow, config: Config) => {
  const { embed, buttons } = firedMessage(row, config);
  return { embeds: [embed], components: components(buttons), allowedMentions: { parse: [] } };
};

/**
 * The Acknowledge button under an alert post: the first member with the alert role who presses it is shown
 * on the post (by name, escaped, with the hospital's time); later presses are told privately who has it;
 * members without the role are refused privately. Each press is audited.
 */
export function alertButtonHandler(deps: HandlerDeps) {
  const { ctx, config } = deps;

  return async function acknowledge(i: ButtonInteraction, postId: number): Promise<void> {
    const member = memberOf(i);
    const actor = actorOf(i, member, config);
    const decision = mayAcknowledge(config, member);
    if (!decision.allowed) {
      await auditDenied(ctx, actor, ACTION, decision.reason, { alert: postId });
      await i.reply(privately(decision.reason));
      return;
    }
    const first = await acknowledgeAlertPost(
      ctx.sql,
      postId,
      { userId: i.user.id, name: displayName(i) },
      new Date(ctx.now()),
    );
    const row = await alertPostById(ctx.sql, postId);
    if (!row || row.kind !== 'fired') {
      await auditDenied(ctx, actor, ACTION, 'alert no longer known', { alert: postId });
      await i.reply(privately('This alert is no longer known to hers-bot.'));
      return;
    }
    await auditBestEffort(
      ctx,
      audit.answered(auditedActor(actor), ACTION, {
        options: {
          alert: postId,
          rule: row.rule,
          seq: row.seq,
          result: first ? 'acknowledged' : 'acknowledged already',
        },
        patientIds: [],
        rowCount: null,
        latencyMs: null,
      }),
      QUICK_AUDIT_MS,
    );
    if (!first) {
      const by = row.acknowledged_at
        ? `${memberName(row.acknowledged_name ?? '')} has it (acknowledged at ${timeOfDay(config.timeZone, row.acknowledged_at)})`
        : 'someone has it';
      await i.reply({ content: `This alert is acknowledged already: ${by}.`, flags: MessageFlags.Ephemeral });
      return;
    }
    await i.update(messageOf(row, config));
    // The episode may have ended while this answer was on its way: the post then says so.
    const now = await alertPostById(ctx.sql, postId);
    if (now && now.resolved_at?.getTime() !== row.resolved_at?.getTime())
      await i.editReply(messageOf(now, config));
  };
}
