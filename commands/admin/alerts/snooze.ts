import { MAX_SNOOZE_MINUTES, snoozeText } from '#src/core/alert-settings.ts';
import { ruleSettings } from '#src/core/alerts.ts';
import { footer } from '#src/core/format.ts';
import { ALERT_RULES } from '#src/core/vocabulary.ts';
import { alertSettings, saveAlertSnooze } from '#src/data/alert-actions.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'snooze',
  description: 'Hold back new alerts and escalations of a rule for some minutes (0 ends a snooze)',
  sensitivity: 'aggregate',
  capability: 'admin',
  private: true,
  options: {
    rule: opt.choice(ALERT_RULES, { description: 'The rule', required: true }),
    minutes: opt.integer({
      description: `For how long, in minutes (0 ends a snooze; at most ${MAX_SNOOZE_MINUTES})`,
      required: true,
      min: 0,
      max: MAX_SNOOZE_MINUTES,
    }),
  },
  async run(o, ctx, caller) {
    const { rule, minutes } = o;
    const tz = ctx.config.timeZone;
    const now = ctx.now();
    const before = ruleSettings(ctx.config.alerts, await alertSettings(ctx.sql)).find((s) => s.rule === rule);
    const until = minutes === 0 ? undefined : now + minutes * 60_000;
    const oldValue = snoozeText(before?.snoozedUntil, now, tz);
    const newValue = snoozeText(until, now, tz);
    await saveAlertSnooze(ctx.sql, {
      rule,
      snoozedUntil: until === undefined ? null : new Date(until),
      changedBy: caller.id ?? 'unknown',
      now: new Date(now),
      oldValue,
      newValue,
    });
    const what =
      until === undefined
        ? `${rule} is not snoozed: it alerts and escalates as usual from the next check.`
        : `${rule} is ${newValue}: no new alert and no escalation until then; an alert already posted still says when it resolves.`;
    return {
      title: `ER surge alerts: ${rule}`,
      summary: `${what}${before?.threshold === undefined ? ` Note: ${rule} is off.` : ''} Was: ${oldValue}.`,
      recorded: { old: oldValue, new: newValue },
      footer: footer(tz, now),
    };
  },
});
