import { ruleSettings } from '#src/core/alerts.ts';
import { alertsReport } from '#src/core/reports/admin-alerts.ts';
import { alertRuleStates, lastAlertPosts } from '#src/data/alerts.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';

export default defineSubcommand({
  name: 'alerts',
  description: 'ER surge alerts: each rule, its threshold and state, when it last fired, delivery problems',
  sensitivity: 'aggregate',
  capability: 'admin',
  private: true,
  options: {},
  async run(_o, ctx) {
    const alerts = ctx.config.alerts;
    const channel = alerts.channelId;
    const [states, posts] = channel
      ? await Promise.all([alertRuleStates(ctx.sql, channel), lastAlertPosts(ctx.sql, channel)])
      : [[], []];
    return alertsReport(ruleSettings(alerts), states, posts, alerts, ctx.config.timeZone, ctx.now());
  },
});
