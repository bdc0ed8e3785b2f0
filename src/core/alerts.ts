import { ALERT_RULES, type AlertRule, type AlertState, type AlertTransition } from './vocabulary.ts';

/**
 * ER surge alerts, pure: which rules are on and at what, whether a measure makes a rule fire, how a rule
 * moves from one state to the next. What the posts say is in src/core/alert-posts.ts; the job
 * (src/jobs/alerts.job.ts) measures, keeps the state in the database and posts.
 *
 *   armed --fires--> firing --clears--> cooling --clear for the re-arm time--> armed
 *
 * Only the two arrows that leave `armed` and `firing` are posted. A rule clears below its clear level (its
 * threshold unless /admin alerts set a lower one). A rule that is no longer clear while cooling stays
 * cooling, quietly, and its clear time starts again when it clears. A snoozed rule does not fire.
 */

/** What the job measures each minute: one count per rule. */
export type AlertMeasures = Record<AlertRule, number>;

export interface RuleSetting {
  rule: AlertRule;
  /** The configured number (patients, minutes or dispatches); undefined when the rule is off. */
  threshold: number | undefined;
  /** The count at or above which the rule fires. */
  firesAt: number | undefined;
  /** The count below which a firing rule clears (firesAt unless set lower). */
  clearAt: number | undefined;
  /** Until when (epoch ms) the rule does not fire; undefined when it is not snoozed. */
  snoozedUntil: number | undefined;
}

/** What /admin alerts set for a rule (alert_rule_setting): each field null where the configuration holds. */
export interface RuleOverride {
  rule: AlertRule;
  threshold: number | null;
  clear_at: number | null;
  snoozed_until: Date | null;
}

/** The configured numbers of the rules (the alerts section of the config); undefined turns a rule off. */
export interface AlertThresholds {
  censusAt: number | undefined;
  waitMinutes: number | undefined;
  dispatchAt: number | undefined;
}

/**
 * Each rule with its setting, in the order of ALERT_RULES: the configured threshold, or the one set from
 * Discord (`overrides`), which also bring a clear level and a snooze.
 */
export function ruleSettings(
  alerts: AlertThresholds,
  overrides: readonly RuleOverride[] = [],
): RuleSetting[] {
  return ALERT_RULES.map((rule) => {
    const o = overrides.find((x) => x.rule === rule);
    const snoozedUntil = o?.snoozed_until?.getTime();
    const configured = {
      census: alerts.censusAt,
      waiting: alerts.waitMinutes,
      dispatch_surge: alerts.dispatchAt,
    };
    const threshold = o?.threshold ?? configured[rule];
    // Waiting fires for any one such patient: one is one too many, so it clears at none.
    const firesAt = rule === 'waiting' ? (threshold === undefined ? undefined : 1) : threshold;
    const clearAt = rule === 'waiting' ? firesAt : (o?.clear_at ?? firesAt);
    return { rule, threshold, firesAt, clearAt, snoozedUntil };
  });
}

/** Whether a rule is snoozed at `now`. */
export const snoozed = (setting: RuleSetting, now: number) =>
  setting.snoozedUntil !== undefined && setting.snoozedUntil > now;

/** Whether a measure is below a rule's clear level (a rule that is off is always clear). */
export function ruleClears(setting: RuleSetting, measured: number): boolean {
  return setting.clearAt === undefined || measured < setting.clearAt;
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

/**
 * The next state of a rule whose condition is `firing` at `now`. `clear` says whether the measure is below
 * the clear level (by default: whenever it is not firing); a `snoozed` rule does not fire.
 */
export function evaluateRule(
  prev: RuleState,
  firing: boolean,
  now: number,
  rearmMs: number,
  opts: { clear?: boolean; snoozed?: boolean } = {},
): Evaluation {
  const clear = opts.clear ?? !firing;
  switch (prev.state) {
    case 'armed':
      return firing && !opts.snoozed
        ? { next: { state: 'firing', clearSince: null }, transition: 'fired' }
        : { next: { state: 'armed', clearSince: null }, transition: undefined };
    case 'firing':
      return clear
        ? { next: { state: 'cooling', clearSince: now }, transition: 'cleared' }
        : { next: { state: 'firing', clearSince: null }, transition: undefined };
    case 'cooling': {
      if (!clear) return { next: { state: 'cooling', clearSince: null }, transition: undefined };
      const clearSince = prev.clearSince ?? now;
      return now - clearSince >= rearmMs
        ? { next: { state: 'armed', clearSince: null }, transition: undefined }
        : { next: { state: 'cooling', clearSince }, transition: undefined };
    }
  }
}

/** "47 min" or "3 h 05 min". */
export function minutesText(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
