import { snoozeText } from '../alert-settings.ts';
import { minutesText, ruleCondition, snoozed, type RuleSetting } from '../alerts.ts';
import { footer, when } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';
import type { AlertPostKind, AlertPostState, AlertRule, AlertState } from '../vocabulary.ts';

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
  kind: AlertPostKind;
  state: AlertPostState;
  happened_at: Date;
  last_status: number | null;
  last_error: string | null;
}

/** A change made with /admin alerts set or snooze (alert_setting_change). */
export interface AlertSettingChange {
  rule: AlertRule;
  what: 'threshold' | 'snooze';
  old_value: string;
  new_value: string;
  /** A Discord user id, or `console:<login>`. */
  changed_by: string;
  changed_at: Date;
}

/** Who changed a setting: a Discord member as a mention (it notifies nobody in a private answer). */
const changer = (id: string) => (/^\d{17,20}$/.test(id) ? `<@${id}>` : id.replace(/[^\w:.@-]/g, ''));

/** A rule's threshold in a few characters, for the table (the summary says it in words). */
function shortCondition(rule: AlertRule, threshold: number): string {
  switch (rule) {
    case 'census':
      return `≥ ${threshold} in ER`;
    case 'waiting':
      return `ESI 1-2 > ${threshold} min`;
    case 'dispatch_surge':
      return `≥ ${threshold} high/60 min`;
  }
}

/**
 * Each alert rule: its threshold, its state, its latest measure, when it last fired and cleared, and
 * whether its posts get through. The table fits a phone (short cells); the summary says in words what
 * each rule watches, when a cooling rule re-arms, and any delivery problem with what to fix.
 */
export function alertsReport(
  settings: readonly RuleSetting[],
  states: readonly AlertRuleStatus[],
  posts: readonly AlertPostStatus[],
  alerts: { channelId: string | undefined; rearmMinutes: number },
  timeZone: string,
  now: number,
  changes: readonly AlertSettingChange[] = [],
): ReplyBody {
  const short = (d: Date | null | undefined) => (d ? when(timeZone, d).slice(5) : '-');
  const lines: string[] = [];
  const problems: string[] = [];
  const rows: Cell[][] = settings.map((setting) => {
    const { rule, threshold, firesAt, clearAt } = setting;
    if (threshold === undefined) {
      lines.push(`${rule}: off.`);
      return [rule, 'off', 'off', null, '-', '-', '-'];
    }
    const s = states.find((x) => x.rule === rule);
    const mine = posts.filter((p) => p.rule === rule);
    const failed = mine.filter((p) => p.state === 'failed').at(-1);
    const latest = mine.at(-1);
    let delivery = latest ? (latest.state === 'posted' ? 'ok' : latest.state) : '-';
    if (failed) {
      const recovered = latest?.state === 'posted' && latest !== failed;
      delivery = `${failed.last_status ?? 'error'}${recovered ? ', then ok' : ''}`;
      problems.push(
        `⚠ ${rule}: the ${failed.kind} post of ${when(timeZone, failed.happened_at)} failed (${failed.last_status ?? 'error'}): ${failed.last_error ?? 'not posted'}${recovered ? '; a later post went through' : ''}.`,
      );
    }
    const clears = clearAt !== undefined && firesAt !== undefined && clearAt < firesAt;
    const snooze = snoozed(setting, now) ? `; ${snoozeText(setting.snoozedUntil, now, timeZone)}` : '';
    lines.push(
      `${rule}: alerts at ${ruleCondition(rule, threshold)}${clears ? `, clears below ${clearAt}` : ''}; ${stateText(s, alerts.rearmMinutes, timeZone)}${snooze}.`,
    );
    return [
      rule,
      shortCondition(rule, threshold),
      s?.state ?? 'armed',
      s?.measured ?? null,
      short(s?.fired_at),
      short(s?.cleared_at),
      delivery,
    ];
  });
  const measuredAt = states.map((s) => s.evaluated_at?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  const summary = !alerts.channelId
    ? 'ER surge alerts are off: ALERT_CHANNEL_ID is not set.'
    : [
        `Alerts post to <#${alerts.channelId}> when a rule fires and when it clears; a rule that fired re-arms after ${alerts.rearmMinutes} min clear.${measuredAt > 0 ? ` Last measured ${when(timeZone, new Date(measuredAt))}.` : ''}`,
        ...lines,
        ...problems,
        ...(changes.length > 0
          ? [
              'Changes, newest first:',
              ...changes.map(
                (c) =>
                  `- ${when(timeZone, c.changed_at)} ${changer(c.changed_by)} ${c.rule} ${c.what}: ${c.old_value} → ${c.new_value}`,
              ),
            ]
          : []),
      ].join('\n');
  return {
    title: 'ER surge alerts',
    summary,
    table: {
      columns: [
        { name: 'rule' },
        { name: 'alerts at' },
        { name: 'state' },
        { name: 'now', align: 'right' },
        { name: 'last fired' },
        { name: 'last cleared' },
        { name: 'posts' },
      ],
      rows,
    },
    footer: footer(timeZone, now),
  };
}

function stateText(s: AlertRuleStatus | undefined, rearmMinutes: number, timeZone: string): string {
  if (!s) return 'armed, not evaluated yet';
  switch (s.state) {
    case 'armed':
      return 'armed';
    case 'firing':
      return `firing since ${s.fired_at ? when(timeZone, s.fired_at) : '-'}`;
    case 'cooling':
      return s.clear_since === null
        ? `cooling: true again, re-arms once clear for ${minutesText(rearmMinutes * 60_000)}`
        : `cooling: re-arms at ${when(timeZone, new Date(s.clear_since.getTime() + rearmMinutes * 60_000))}`;
  }
}
