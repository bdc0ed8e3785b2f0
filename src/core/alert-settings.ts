import { ruleCondition, snoozed, type RuleSetting } from './alerts.ts';
import { UserError } from './errors.ts';
import { when } from './format.ts';
import type { AlertRule } from './vocabulary.ts';

/**
 * The settings an administrator makes with /admin alerts, pure: what is accepted, and how a setting reads in
 * the change list and the audit trail ("at 40, clears below 35", "snoozed until 2026-03-10 14:30").
 */

/** The highest threshold of each rule, as its configuration key allows. */
export const MAX_THRESHOLD: Record<AlertRule, number> = {
  census: 100_000,
  waiting: 1_440,
  dispatch_surge: 10_000,
};

/** The longest snooze, in minutes. */
export const MAX_SNOOZE_MINUTES = 1_440;

/** Checks a threshold and clear level for a rule; a UserError says what to change. */
export function checkThreshold(rule: AlertRule, at: number, clearAt: number | undefined): void {
  if (at > MAX_THRESHOLD[rule])
    throw new UserError('invalid_option', `Option \`at\`: ${rule} takes at most ${MAX_THRESHOLD[rule]}.`);
  if (clearAt === undefined) return;
  if (rule === 'waiting')
    throw new UserError(
      'invalid_option',
      'Option `clear-at` is for census and dispatch_surge: waiting clears when no triage 1-2 patient has waited over `at` minutes.',
    );
  if (clearAt > at)
    throw new UserError(
      'invalid_option',
      `Option \`clear-at\` (${clearAt}) must be at most \`at\` (${at}): the rule fires at \`at\` and clears below \`clear-at\`.`,
    );
}

/** A rule's threshold as the change list reads it: "off", "at 40", "at 40, clears below 35". */
export function thresholdText(s: Pick<RuleSetting, 'threshold' | 'clearAt' | 'firesAt'>): string {
  if (s.threshold === undefined) return 'off';
  const lower = s.clearAt !== undefined && s.firesAt !== undefined && s.clearAt < s.firesAt;
  return `at ${s.threshold}${lower ? `, clears below ${s.clearAt}` : ''}`;
}

/** A rule's snooze as the change list reads it. */
export function snoozeText(snoozedUntil: number | undefined, now: number, timeZone: string): string {
  return snoozedUntil !== undefined && snoozedUntil > now
    ? `snoozed until ${when(timeZone, new Date(snoozedUntil))}`
    : 'not snoozed';
}

/** What a rule now does, in words, for the answer to /admin alerts set. */
export function settingSentence(s: RuleSetting, now: number, timeZone: string): string {
  if (s.threshold === undefined) return `${s.rule} is off.`;
  const clears =
    s.clearAt !== undefined && s.firesAt !== undefined && s.clearAt < s.firesAt
      ? `, and clears below ${s.clearAt}`
      : '';
  const snooze = snoozed(s, now) ? ` It is ${snoozeText(s.snoozedUntil, now, timeZone)}.` : '';
  return `${s.rule} alerts at ${ruleCondition(s.rule, s.threshold)}${clears}.${snooze}`;
}
