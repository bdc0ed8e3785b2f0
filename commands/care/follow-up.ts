import { followUpReport } from '#src/core/reports/care-follow-up.ts';
import { dischargeFollowUps } from '#src/data/care.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

// Answered privately: its tables overlap (several breakdowns of the same visits plus an `all` row), which
// the public view's small-cell rule (src/core/public-view.ts) does not yet cover, so it is never posted in
// the channel.
export default defineSubcommand({
  name: 'follow-up',
  description: 'ER discharges followed up in a clinic within 7 days, by department and condition',
  sensitivity: 'aggregate',
  private: true,
  options: { window: opt.window('30d') },
  async run({ window: w }, ctx) {
    const visits = await dischargeFollowUps(ctx.read, w.from, w.to);
    return followUpReport(visits, w, ctx.config.timeZone, ctx.now());
  },
});
