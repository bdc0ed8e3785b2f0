import { checkThreshold, settingSentence, thresholdText } from '#src/core/alert-settings.ts';
import { ruleSettings } from '#src/core/alerts.ts';
import { footer } from '#src/core/format.ts';
import { ALERT_RULES } from '#src/core/vocabulary.ts';
import { alertSettings, saveAlertThreshold } from '#src/data/alert-actions.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'set',
  description: "Set a rule's threshold (and the level below which it clears), for every bot process",
  sensitivity: 'aggregate',
  capability: 'admin',
  private: true,
  options: {
    rule: opt.choice(ALERT_RULES, { description: 'The rule', required: true }),
    at: opt.integer({
      description: 'Fires at this many patients or dispatches (waiting: minutes waited)',
      required: true,
      min: 1,
      max: 100_000,
    }),
    'clear-at': opt.integer({
      description: 'Clears below this count (default: below at); census and dispatch_surge',
      min: 1,
      max: 100_000,
    }),
  },
  async run(o, ctx, caller) {
    const { rule, at } = o;
    const clearAt = o['clear-at'];
    checkThreshold(rule, at, clearAt);
    const tz = ctx.config.timeZone;
    const now = ctx.now();
    const find = async () =>
      ruleSettings(ctx.config.alerts, await alertSettings(ctx.sql)).find((s) => s.rule === rule);
    const before = await find();
    const oldValue = before ? thresholdText(before) : 'off';
    const newValue = thresholdText({ threshold: at, firesAt: at, clearAt: clearAt ?? at });
    await saveAlertThreshold(ctx.sql, {
      rule,
      threshold: at,
      clearAt: clearAt ?? null,
      changedBy: caller.id ?? 'unknown',
      now: new Date(now),
      oldValue,
      newValue,
    });
    const after = await find();
    return {
      title: `ER surge alerts: ${rule}`,
      summary: [
        after ? settingSentence(after, now, tz) : '',
        `Was: ${oldValue}. Every bot process uses it from its next check.`,
      ].join(' '),
      recorded: { old: oldValue, new: newValue },
      footer: footer(tz, now),
    };
  },
});
