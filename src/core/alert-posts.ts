import { minutesText, ruleCondition } from './alerts.ts';
import { timeOfDay, when } from './format.ts';
import { cellText } from './suppression.ts';
import type { PostEmbed } from './summary-post.ts';
import { discordText, sanitizeText } from './text.ts';
import type { AlertPostKind, AlertRule } from './vocabulary.ts';

/**
 * What the alert channel is told, pure: a rule's alert post (as it fired, once acknowledged, once resolved),
 * the escalation that replies to it when nobody acknowledged it in time, and the short reply when it clears.
 * Counts and times only, never a patient; a member's name is escaped before it is shown.
 */

/** One post of the alert channel (the alert_post row, by the names the post needs). */
export interface AlertPostContent {
  rule: AlertRule;
  seq: number;
  kind: AlertPostKind;
  happenedAt: Date;
  /** For "cleared" and "escalated": when the rule had fired. */
  firedAt: Date | null;
  measured: number;
  threshold: number;
}

/** What became of a fired post since: who acknowledged it first, and when its episode was over. */
export interface AlertFollowUp {
  acknowledged?: { name: string; at: Date };
  resolvedAt?: Date;
}

/** The footer text that identifies a post in the channel's history (and starts no other post's footer). */
export function alertMarker(rule: AlertRule, seq: number, kind: AlertPostKind): string {
  return `hers-bot alert ${rule} #${seq} · ${kind}`;
}

const TITLES: Record<AlertRule, string> = {
  census: 'ER census',
  waiting: 'Urgent patients waiting',
  dispatch_surge: 'High-severity dispatch surge',
};

const RED = 0xdc2626;
const AMBER = 0xd97706;
const GREEN = 0x16a34a;

/** A name a member chose, as plain text in a message: one line, at most 80 characters, no markdown, no mention. */
export function memberName(name: string): string {
  return discordText(sanitizeText(name).trim().slice(0, 80) || 'a member');
}

/** "by Dana Reyes at 14:05", in the hospital's time. */
function acknowledgedText(a: NonNullable<AlertFollowUp['acknowledged']>, timeZone: string): string {
  return `Acknowledged by ${memberName(a.name)} at ${timeOfDay(timeZone, a.at)}.`;
}

/**
 * A post of the alert channel: counts and times only. Counts from 1 to minCell - 1 show as "<minCell", as in
 * the daily summary. A fired post says who acknowledged it and, once its episode is over, that it resolved
 * and how long it lasted.
 */
export function alertPost(
  p: AlertPostContent,
  timeZone: string,
  minCell: number,
  followUp: AlertFollowUp = {},
): PostEmbed {
  const count = cellText(
    p.measured,
    minCell > 0 && p.measured >= 1 && p.measured < minCell ? 'small' : 'shown',
    minCell,
  );
  const at = `${when(timeZone, p.happenedAt)} ${timeZone}`;
  const measured: Record<AlertRule, string> = {
    census: `**${count}** patients in the ER now`,
    waiting: `**${count}** triage 1-2 ${p.measured === 1 ? 'patient has' : 'patients have'} waited over ${p.threshold} min with no treatment yet`,
    dispatch_surge: `**${count}** high-severity dispatches in the last 60 minutes`,
  };
  // As a resolved post reads: what was measured when it fired.
  const measuredThen: Record<AlertRule, string> = {
    census: `**${count}** patients in the ER`,
    waiting: `**${count}** triage 1-2 ${p.measured === 1 ? 'patient' : 'patients'} waiting over ${p.threshold} min with no treatment`,
    dispatch_surge: `**${count}** high-severity dispatches in 60 minutes`,
  };
  const footer = { text: alertMarker(p.rule, p.seq, p.kind) };
  const firedAt = p.firedAt ?? p.happenedAt;
  const lasted = (end: Date) => minutesText(end.getTime() - firedAt.getTime());
  switch (p.kind) {
    case 'fired': {
      const { acknowledged, resolvedAt } = followUp;
      const lines = [
        resolvedAt
          ? `Fired at ${at} with ${measuredThen[p.rule]} (the alert is set at ${ruleCondition(p.rule, p.threshold)}).`
          : `${measured[p.rule]}: the alert is set at ${ruleCondition(p.rule, p.threshold)}. Since ${at}.`,
      ];
      if (resolvedAt)
        lines.push(`Resolved at ${timeOfDay(timeZone, resolvedAt)}, after ${lasted(resolvedAt)}.`);
      if (acknowledged) lines.push(acknowledgedText(acknowledged, timeZone));
      else if (resolvedAt) lines.push('Not acknowledged.');
      const state = resolvedAt ? 'resolved' : acknowledged ? 'acknowledged' : 'alert';
      return {
        title: `${resolvedAt ? '✓' : '⚠'} ${TITLES[p.rule]}: ${state}`,
        description: lines.join('\n'),
        color: resolvedAt ? GREEN : acknowledged ? AMBER : RED,
        fields: [],
        footer,
      };
    }
    case 'cleared':
      return {
        title: `✓ ${TITLES[p.rule]}: resolved`,
        description: `Resolved at ${at}, after ${lasted(p.happenedAt)}: ${measured[p.rule]}.`,
        color: GREEN,
        fields: [],
        footer,
      };
    case 'escalated':
      return {
        title: `⚠ ${TITLES[p.rule]}: not acknowledged`,
        description: `Nobody has acknowledged this alert in ${lasted(p.happenedAt)}: ${measured[p.rule]}. Press Acknowledge on it to take it.`,
        color: RED,
        fields: [],
        footer,
      };
  }
}

/** The text above an escalation's embed: the on-call role's mention (the only one it may notify). */
export function escalationContent(rule: AlertRule, onCallRoleId: string): string {
  return `<@&${onCallRoleId}> ${TITLES[rule]} alert not acknowledged.`;
}

/** The id of a fired post's Acknowledge button: `hers:ack:<alert_post id>`. */
export const ackButtonId = (postId: number) => `hers:ack:${postId}`;

/** The alert_post id an Acknowledge button names, or undefined when the id is not one. */
export function parseAckButtonId(customId: string): number | undefined {
  const m = /^hers:ack:(\d{1,10})$/.exec(customId);
  return m ? Number(m[1]) : undefined;
}
