import { ruleSettings } from '#src/core/alerts.ts';
import { alertsReport } from '#src/core/reports/admin-alerts.ts';
import { alertSettings, recentAlertSettingChanges } from '#src/data/alert-actions.queries.ts';
import { alertRuleStates, lastAlertPosts } from '#src/data/alerts.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';

export default defineSubcommand({
  name: 'show',
  description: 'ER surge alerts: each rule, its threshold and state, delivery problems, who changed what',
  sensitivity: 'aggregate',
  capability: 'admin',
  private: true,
  options: {},
  async run(_o, ctx) {
    const alerts = ctx.config.alerts;
    const channel = alerts.channelId;
    const [states, posts, overrides, changes] = await Promise.all([
      channel ? alertRuleStates(ctx.sql, channel) : [],
      channel ? lastAlertPosts(ctx.sql, channel) : [],
      alertSettings(ctx.sql),
      recentAlertSettingChanges(ctx.sql),
    ]);
    const settings = ruleSettings(alerts, overrides);
    return alertsReport(settings, states, posts, alerts, ctx.config.timeZone, ctx.now(), changes);
  },
});
