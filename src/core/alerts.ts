import { when } from './format.ts';
import { cellText } from './suppression.ts';
import type { PostEmbed } from './summary-post.ts';
import { ALERT_RULES, type AlertRule, type AlertState, type AlertTransition } from './vocabulary.ts';

/**
 * ER surge alerts, pure: which rules are on and at what, whether a measure makes a rule fire, how a rule
 * moves from one state to the next, and what a transition's post says. The job (src/jobs/alerts.job.ts)
 * measures, keeps the state in the database and posts.
 *
 *   armed --fires--> firing --clears--> cooling --clear for the re-arm time--> armed
 *
 * Only the two arrows that leave `armed` and `firing` are posted. A rule that fires again while cooling
 * stays cooling, quietly, and its clear time starts again when it clears.
 */

/** What the job measures each minute: one count per rule. */
export type AlertMeasures = Record<AlertRule, number>;

export interface RuleSetting {
  rule: AlertRule;
  /** The configured number (patients, minutes or dispatches); undefined when the rule is off. */
  threshold: number | undefined;
  /** The count at or above which the rule fires. */
  firesAt: number | undefined;
}

/** The configured numbers of the rules (the alerts section of the config); undefined turns a rule off. */
export interface AlertThresholds {
  censusAt: number | undefined;
  waitMinutes: number | undefined;
  dispatchAt: number | undefined;
}

/** Each rule with its setting, in the order of ALERT_RULES. */
export function ruleSettings(alerts: AlertThresholds): RuleSetting[] {
  return ALERT_RULES.map((rule) => {
    switch (rule) {
      case 'census':
        return { rule, threshold: alerts.censusAt, firesAt: alerts.censusAt };
      case 'waiting':
        // Any one such patient is one too many.
        return {
          rule,
          threshold: alerts.waitMinutes,
          firesAt: alerts.waitMinutes === undefined ? undefined : 1,
        };
      case 'dispatch_surge':
        return { rule, threshold: alerts.dispatchAt, firesAt: alerts.dispatchAt };
    }
  });
}

/** Whether a measure makes a rule fire; never for a rule that is off. */
export function ruleFires(setting: RuleSetting, measured: number): boolean {
  return setting.firesAt !== undefined && measured >= setting.firesAt;
}

/** What the rule watches, in words, with its threshold: for posts and /admin alerts. */
export function ruleCondition(rule: AlertRule, threshold: number): string {
  switch (rule) {
    case 'census':
      return `${threshold} or more patients in the ER`;
    case 'waiting':
      return `a triage 1-2 patient waiting over ${threshold} min with no treatment`;
    case 'dispatch_surge':
      return `${threshold} or more high-severity dispatches in 60 min`;
  }
}

/** A rule's state as the evaluation needs it; times in epoch milliseconds. */
export interface RuleState {
  state: AlertState;
  /** While cooling: since when the condition has been clear; null while it is true again. */
  clearSince: number | null;
}

export interface Evaluation {
  next: RuleState;
  /** The transition to post, if any. */
  transition: AlertTransition | undefined;
}

/** The next state of a rule whose condition is `firing` at `now`. */
export function evaluateRule(prev: RuleState, firing: boolean, now: number, rearmMs: number): Evaluation {
  switch (prev.state) {
    case 'armed':
      return firing
        ? { next: { state: 'firing', clearSince: null }, transition: 'fired' }
        : { next: { state: 'armed', clearSince: null }, transition: undefined };
    case 'firing':
      return firing
        ? { next: { state: 'firing', clearSince: null }, transition: undefined }
        : { next: { state: 'cooling', clearSince: now }, transition: 'cleared' };
    case 'cooling': {
      if (firing) return { next: { state: 'cooling', clearSince: null }, transition: undefined };
      const clearSince = prev.clearSince ?? now;
      return now - clearSince >= rearmMs
        ? { next: { state: 'armed', clearSince: null }, transition: undefined }
        : { next: { state: 'cooling', clearSince }, transition: undefined };
    }
  }
}

/** One transition as posted (the alert_post row, by the names the post needs). */
export interface AlertPostContent {
  rule: AlertRule;
  seq: number;
  kind: AlertTransition;
  happenedAt: Date;
  /** For "cleared": when the rule had fired. */
  firedAt: Date | null;
  measured: number;
  threshold: number;
}

/** The footer text that identifies a transition's post in the channel's history. */
export function alertMarker(rule: AlertRule, seq: number): string {
  return `hers-bot alert ${rule} #${seq}`;
}

const TITLES: Record<AlertRule, string> = {
  census: 'ER census',
  waiting: 'Urgent patients waiting',
  dispatch_surge: 'High-severity dispatch surge',
};

/**
 * A transition as a channel post: counts and times only, never a patient. Counts from 1 to minCell - 1
 * show as "<minCell", as in the daily summary.
 */
export function alertPost(p: AlertPostContent, timeZone: string, minCell: number): PostEmbed {
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
  const lasted =
    p.firedAt === null
      ? ''
      : ` It had fired at ${when(timeZone, p.firedAt)} (${minutesText(p.happenedAt.getTime() - p.firedAt.getTime())}).`;
  const description =
    p.kind === 'fired'
      ? `${measured[p.rule]}: the alert is set at ${ruleCondition(p.rule, p.threshold)}. Since ${at}.`
      : `Cleared at ${at}: ${measured[p.rule]}.${lasted}`;
  return {
    title: `${p.kind === 'fired' ? '⚠' : '✓'} ${TITLES[p.rule]}: ${p.kind === 'fired' ? 'alert' : 'cleared'}`,
    description,
    color: p.kind === 'fired' ? 0xdc2626 : 0x16a34a,
    fields: [],
    footer: { text: `${alertMarker(p.rule, p.seq)} · ${p.kind}` },
  };
}

/** "47 min" or "3 h 05 min". */
export function minutesText(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
