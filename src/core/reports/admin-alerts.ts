import { minutesText, ruleCondition, type RuleSetting } from '../alerts.ts';
import { footer, when } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import type { AlertPostState, AlertRule, AlertState, AlertTransition } from '../vocabulary.ts';

/** A rule's stored state in the alert channel (alert_rule_state). */
export interface AlertRuleStatus {
  rule: AlertRule;
  state: AlertState;
  clear_since: Date | null;
  measured: number | null;
  evaluated_at: Date | null;
  fired_at: Date | null;
  cleared_at: Date | null;
}

/** A rule's latest post, or its latest failed one (alert_post). */
export interface AlertPostStatus {
  rule: AlertRule;
  kind: AlertTransition;
  state: AlertPostState;
  happened_at: Date;
  last_status: number | null;
  last_error: string | null;
}

/**
 * Each alert rule: what it watches and at what threshold, its state, its latest measure, when it last
 * fired and cleared, and the latest delivery problem (a 403, say) with what to fix.
 */
export function alertsReport(
  settings: readonly RuleSetting[],
  states: readonly AlertRuleStatus[],
  posts: readonly AlertPostStatus[],
  alerts: { channelId: string | undefined; rearmMinutes: number },
  timeZone: string,
  now: number,
): ReplyBody {
  const t = (d: Date | null) => (d ? when(timeZone, d) : '-');
  const problems: string[] = [];
  const rows: Cell[][] = settings.map(({ rule, threshold }) => {
    const s = states.find((x) => x.rule === rule);
    const mine = posts.filter((p) => p.rule === rule);
    const failed = mine.filter((p) => p.state === 'failed').at(-1);
    const latest = mine.at(-1);
    let problem = '-';
    if (failed) {
      problem = `${failed.last_status ?? 'error'} at ${t(failed.happened_at)}: ${failed.last_error ?? 'not posted'}`;
      if (latest?.state === 'posted' && latest !== failed) problem += ' (a later post went through)';
      else problems.push(`the last ${rule} post failed (${failed.last_status ?? 'error'})`);
    }
    return [
      rule,
      threshold === undefined ? 'off' : ruleCondition(rule, threshold),
      threshold === undefined ? 'off' : stateText(s, alerts.rearmMinutes, timeZone),
      s?.measured ?? null,
      t(s?.evaluated_at ?? null),
      t(s?.fired_at ?? null),
      t(s?.cleared_at ?? null),
      problem,
    ];
  });
  const firing = states.filter(
    (s) => s.state === 'firing' && settings.some((x) => x.rule === s.rule && x.threshold !== undefined),
  );
  const summary = !alerts.channelId
    ? 'ER surge alerts are off: ALERT_CHANNEL_ID is not set.'
    : [
        `Alerts post to <#${alerts.channelId}> when a rule fires and when it clears; a rule that fired re-arms after ${alerts.rearmMinutes} min clear.`,
        firing.length > 0 ? `Firing now: ${firing.map((s) => s.rule).join(', ')}.` : 'No rule is firing.',
        problems.length > 0 ? `⚠ ${problems.join('; ')}: see the last column.` : '',
      ]
        .filter(Boolean)
        .join(' ');
  return {
    title: 'ER surge alerts',
    summary,
    table: {
      columns: [
        { name: 'rule' },
        { name: 'alerts at' },
        { name: 'state' },
        { name: 'measured', align: 'right' },
        { name: 'measured at' },
        { name: 'last fired' },
        { name: 'last cleared' },
        { name: 'last delivery problem' },
      ],
      rows,
    },
    footer: footer(timeZone, now),
  };
}

function stateText(s: AlertRuleStatus | undefined, rearmMinutes: number, timeZone: string): string {
  if (!s) return 'armed (not evaluated yet)';
  if (s.state !== 'cooling') return s.state;
  if (s.clear_since === null)
    return 'cooling: true again, re-arms once clear for ' + minutesText(rearmMinutes * 60_000);
  return `cooling: re-arms at ${when(timeZone, new Date(s.clear_since.getTime() + rearmMinutes * 60_000))}`;
}
