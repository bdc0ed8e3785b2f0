import { followUpReport } from '../../src/core/reports/care-follow-up.ts';
import { dischargeFollowUps } from '../../src/data/care.queries.ts';
import { defineSubcommand } from '../../src/runner/command.ts';
import { opt } from '../../src/runner/options.ts';

// TODO(lead): small-cell suppression of public replies via src/core/public-view.ts once it lands.
export default defineSubcommand({
  name: 'follow-up',
  description: 'ER discharges followed up in a clinic within 7 days, by department and condition',
  sensitivity: 'aggregate',
  options: { window: opt.window('30d') },
  async run({ window: w }, ctx) {
    const visits = await dischargeFollowUps(ctx.sql, w.from, w.to);
    return followUpReport(visits, w, ctx.config.timeZone, ctx.now());
  },
});
