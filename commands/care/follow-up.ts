import { followUpReport } from '#src/core/reports/care-follow-up.ts';
import { dischargeFollowUps } from '#src/data/care.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'follow-up',
  description: 'ER discharges followed up in a clinic within 7 days, by department and condition',
  sensitivity: 'aggregate',
  options: { window: opt.window('30d') },
  async run({ window: w }, ctx, caller) {
    const visits = await dischargeFollowUps(ctx.read, w.from, w.to);
    return shownTo(caller, ctx, followUpReport(visits, w, ctx.config.timeZone, ctx.now()));
  },
});
