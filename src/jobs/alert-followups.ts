import type { Config } from '../config.ts';
import { snoozed, type AlertMeasures, type RuleSetting } from '../core/alerts.ts';
import {
  ackButtonId,
  alertPost,
  escalationContent,
  type AlertFollowUp,
  type AlertPostContent,
} from '../core/alert-posts.ts';
import { escalationsDue, markResolutionShown, resolutionsToShow } from '../data/alert-actions.queries.ts';
import { claimEscalation, firedAlertPost, type AlertPostRow } from '../data/alerts.queries.ts';
import type { Db } from '../data/queries.ts';
import type { Logger } from '../log.ts';
import { isTransient, statusOf } from './delivery.ts';
import type { ChannelMessage, ChannelPoster } from './exactly-once.ts';

/**
 * What follows an alert post: the message each post is (a fired post with its Acknowledge button, an
 * escalation or a clearing as a reply to it), the escalations that fall due, and the edit of a fired post
 * once its episode is over. Escalations are claimed like transitions (one alert_post row each, which the
 * unique key allows once) and posted by the job through the exactly-once module; an edit may be made twice by
 * two processes, and says the same both times.
 */

/** The alert channel: posts, and edits of posts already made. */
export interface AlertPoster extends ChannelPoster {
  /** Replaces a message's embed and buttons. Errors carry the HTTP `status` when Discord answered. */
  edit(channelId: string, messageId: string, message: ChannelMessage): Promise<void>;
}

export interface FollowUpDeps {
  sql: Db;
  config: Config;
  poster: AlertPoster;
  log: Logger;
  instanceId: string;
  /** Records what became of a post (the alert's audit row). */
  audit(row: AlertPostRow, outcome: 'ok' | 'error', detail: string): Promise<void>;
}

export function content(row: AlertPostRow): AlertPostContent {
  return {
    rule: row.rule,
    seq: row.seq,
    kind: row.kind,
    happenedAt: row.happened_at,
    firedAt: row.fired_at,
    measured: row.measured,
    threshold: row.threshold,
  };
}

/** What became of a fired post, as its row says. */
export function followUpOf(row: AlertPostRow): AlertFollowUp {
  return {
    ...(row.acknowledged_at && {
      acknowledged: { name: row.acknowledged_name ?? 'a member', at: row.acknowledged_at },
    }),
    ...(row.resolved_at && { resolvedAt: row.resolved_at }),
  };
}

/** A fired post as it reads now: its Acknowledge button until its episode is over. */
export function firedMessage(row: AlertPostRow, config: Config): ChannelMessage {
  const embed = alertPost(content(row), config.timeZone, config.summary.minCell, followUpOf(row));
  return { embed, buttons: row.resolved_at ? [] : [{ id: ackButtonId(row.id), label: 'Acknowledge' }] };
}

/** The message of a claimed post: an escalation and a clearing reply to their fired post. */
export async function alertMessage(deps: Pick<FollowUpDeps, 'sql' | 'config'>, row: AlertPostRow) {
  const { sql, config } = deps;
  if (row.kind === 'fired') return firedMessage(row, config);
  const fired = await firedAlertPost(sql, row);
  const embed = alertPost(content(row), config.timeZone, config.summary.minCell);
  const replyTo = fired?.message_id ?? undefined;
  const role = config.alerts.onCallRoleId;
  if (row.kind === 'cleared' || !role) return { embed, replyTo };
  return { embed, replyTo, content: escalationContent(row.rule, role), mentionRoles: [role] };
}

/**
 * Claims the escalation of every fired post nobody acknowledged within ALERT_ESCALATE_MINUTES whose rule is
 * still firing and not snoozed; returns the ids this process claimed (to post). Off without an on-call role.
 */
export async function claimEscalations(
  deps: Pick<FollowUpDeps, 'sql' | 'config' | 'instanceId'>,
  channel: string,
  settings: readonly RuleSetting[],
  measures: AlertMeasures,
  now: Date,
): Promise<number[]> {
  const { sql, config } = deps;
  const minutes = config.alerts.escalateMinutes;
  if (minutes === undefined || !config.alerts.onCallRoleId) return [];
  const due = await escalationsDue(sql, channel, new Date(now.getTime() - minutes * 60_000));
  const claimed: number[] = [];
  for (const fired of due) {
    const setting = settings.find((s) => s.rule === fired.rule);
    if (!setting || snoozed(setting, now.getTime())) continue;
    const id = await claimEscalation(
      sql,
      { ...fired, channel_id: channel },
      measures[fired.rule],
      deps.instanceId,
      now,
    );
    if (id !== undefined) claimed.push(id);
  }
  return claimed;
}

/**
 * Edits each fired post whose episode is over to say it resolved, how long it lasted and who had it, and
 * takes its button away. An acknowledgement that lands meanwhile makes the next run edit it again; a post
 * Discord will not let us edit (deleted, no access) is given up, audited and logged.
 */
export async function showResolutions(deps: FollowUpDeps, channel: string, now: Date): Promise<number> {
  const { sql, config, poster, log } = deps;
  let shown = 0;
  for (const row of await resolutionsToShow(sql, channel)) {
    const id = row.id;
    if (!row.message_id) continue;
    try {
      await poster.edit(channel, row.message_id, firedMessage(row, config));
    } catch (err) {
      const status = statusOf(err);
      if (isTransient(err)) {
        log.warn(
          { rule: row.rule, status, err },
          'could not edit an alert post to say it resolved; trying again',
        );
        continue;
      }
      await markResolutionShown(sql, id, row.acknowledged_at, now);
      await deps.audit(row, 'error', `could not edit the post to say it resolved (${status ?? 'error'})`);
      log.error({ rule: row.rule, status, err }, 'Discord refused the edit of an alert post');
      continue;
    }
    if (await markResolutionShown(sql, id, row.acknowledged_at, now)) {
      shown++;
      await deps.audit(row, 'ok', `edited message ${row.message_id} to say it resolved`);
    }
  }
  return shown;
}
